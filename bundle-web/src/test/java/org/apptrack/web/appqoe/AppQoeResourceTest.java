package org.apptrack.web.appqoe;

import org.apptrack.appqoe.testing.FakeAppQoeService;
import org.apptrack.appqoe.testing.FakePathHistoryService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.api.ApplicationPath;
import org.apptrack.appqoe.api.PathHistory;
import org.apptrack.appqoe.api.PathHistoryService;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.PathSwitch;
import org.apptrack.appqoe.api.PeriodFigures;
import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.appqoe.api.SlaState;
import org.apptrack.appqoe.api.SlaTargets;
import org.apptrack.web.InMemoryApi;
import org.apptrack.web.InMemoryApi.Reply;
import org.apptrack.web.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppQoeResourceTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final SlaTargets VOICE_TARGETS = new SlaTargets(150_000, 30_000, "ingress", 1.5, "all");

    private static final long NM = PeriodFigures.NOT_MEASURED;

    private final FakeAppQoeService service = new FakeAppQoeService();
    private final FakePathHistoryService history = new FakePathHistoryService();
    private final TestServices services = new TestServices().add(AppQoeService.class, service)
            .add(PathHistoryService.class, history);
    private final InMemoryApi api = new InMemoryApi(services);

    @BeforeEach
    void fill() {
        service.actuator = "linux-policy-routing";
        service.actuatorError = "ip rule: Operation not permitted";
        service.paths.add(new PathStatus("dpg1", "isp-a", "eth1", "gold", 1, 10,
                new PeriodFigures(12_345, 20_001, 1_500, 700, 800, 95, 5, 5.0),
                List.of(new SlaState("sla-voice", "mp-voice", false, false, 5, T0, VOICE_TARGETS),
                        new SlaState("sla-web", "mp-web", true, false, 0, 0,
                                new SlaTargets(0, 0, "two-way", 2.5, "any")))));
        service.paths.add(new PathStatus("dpg1", "isp-b", "eth2", "", 2, 5, PeriodFigures.NONE,
                List.of(new SlaState("sla-voice", "mp-voice", false, true, 0, T0 + 1000))));
        service.applications.add(new ApplicationPath("apbr1", "r1", "SIP", "dpg1", "sla-voice", "isp-a", "eth1", 4, 3,
                "sla violated", T0 + 2000));
        service.applications.add(new ApplicationPath("apbr1", "r3", "SSH", "dpg2", "sla-web", "", "", 0, 0, "", 0));
    }

    @AfterEach
    void close() throws Exception {
        api.close();
    }

    @Test
    void pathsCarryTheActuatorStateFiguresSlaAndTheApplicationsOnThem() throws Exception {
        JsonNode body = api.get("v1/appqoe/paths");
        assertEquals(true, body.path("enabled").asBoolean());
        assertEquals("linux-policy-routing", body.path("actuator").asText());
        assertEquals(false, body.path("steering").asBoolean());
        assertEquals("ip rule: Operation not permitted", body.path("actuatorError").asText());
        assertTrue(body.path("configurationError").isNull(), "nothing refused");
        assertEquals(2, body.path("paths").size());

        JsonNode a = body.path("paths").get(0);
        assertEquals("dpg1", a.path("group").asText());
        assertEquals("isp-a", a.path("path").asText());
        assertEquals("eth1", a.path("interface").asText());
        assertEquals("gold", a.path("linkTag").asText());
        assertEquals(1, a.path("priority").asInt());
        assertEquals(10, a.path("weight").asInt());
        JsonNode period = a.path("lastPeriod");
        assertEquals(12_345, period.path("rttMeanMicros").asLong());
        assertEquals(20_001, period.path("rttP95Micros").asLong());
        assertEquals(1_500, period.path("twoWayJitterMicros").asLong());
        assertEquals(700, period.path("ingressJitterMicros").asLong());
        assertEquals(800, period.path("egressJitterMicros").asLong());
        assertEquals(95, period.path("answered").asLong());
        assertEquals(5, period.path("lost").asLong());
        assertEquals(5.0, period.path("lossPercent").asDouble());
        JsonNode voice = a.path("sla").get(0);
        assertEquals("sla-voice", voice.path("slaRule").asText());
        assertEquals("mp-voice", voice.path("metricsProfile").asText());
        assertEquals("violated", voice.path("state").asText());
        assertEquals("[\"rtt\",\"loss\"]", voice.path("violations").toString());
        assertEquals(5, voice.path("violationReason").asInt());
        assertEquals(T0, voice.path("violationSinceMillis").asLong());
        assertEquals("{\"rttMicros\":150000,\"jitterMicros\":30000,\"jitterType\":\"ingress\",\"lossPercent\":1.5,"
                + "\"match\":\"all\"}", voice.path("targets").toString());
        JsonNode web = a.path("sla").get(1);
        assertEquals("met", web.path("state").asText());
        assertEquals("{\"rttMicros\":null,\"jitterMicros\":null,\"jitterType\":\"two-way\",\"lossPercent\":2.5,"
                + "\"match\":\"any\"}", web.path("targets").toString(), "a target left out is null");
        assertEquals(0, web.path("violations").size());
        assertTrue(web.path("violationSinceMillis").isNull());
        assertEquals(1, a.path("applications").size());
        assertEquals("apbr1", a.path("applications").get(0).path("profile").asText());
        assertEquals("r1", a.path("applications").get(0).path("rule").asText());
        assertEquals("SIP", a.path("applications").get(0).path("application").asText());

        JsonNode b = body.path("paths").get(1);
        assertTrue(b.path("linkTag").isNull());
        for (String f : new String[] {"rttMeanMicros", "rttP95Micros", "twoWayJitterMicros", "ingressJitterMicros",
            "egressJitterMicros", "lossPercent"}) {
            assertTrue(b.path("lastPeriod").path(f).isNull(), f + " not measured is null: " + b);
        }
        assertEquals("dead", b.path("sla").get(0).path("state").asText());
        assertTrue(b.path("sla").get(0).has("targets") && b.path("sla").get(0).path("targets").isNull(),
                "unknown targets are null");
        assertEquals(T0 + 1000, b.path("sla").get(0).path("violationSinceMillis").asLong());
        assertEquals(0, b.path("applications").size());
    }

    @Test
    void withoutActuatorErrorItIsNull() throws Exception {
        service.actuatorError = "";
        service.steering = true;
        JsonNode body = api.get("v1/appqoe/paths");
        assertTrue(body.has("actuatorError") && body.path("actuatorError").isNull(), body.toString());
        assertEquals(true, body.path("steering").asBoolean());
    }

    @Test
    void slaListsEachPathUnderEachRule() throws Exception {
        JsonNode sla = api.get("v1/appqoe/sla").path("sla");
        assertEquals(3, sla.size());
        JsonNode first = sla.get(0);
        assertEquals("dpg1", first.path("group").asText());
        assertEquals("isp-a", first.path("path").asText());
        assertEquals("sla-voice", first.path("slaRule").asText());
        assertEquals("mp-voice", first.path("metricsProfile").asText());
        assertEquals("violated", first.path("state").asText());
        assertEquals("[\"rtt\",\"loss\"]", first.path("violations").toString());
        assertEquals(5, first.path("violationReason").asInt());
        assertEquals(T0, first.path("violationSinceMillis").asLong());
        assertEquals(150_000, first.path("targets").path("rttMicros").asLong());
        assertEquals(30_000, first.path("targets").path("jitterMicros").asLong());
        assertEquals("ingress", first.path("targets").path("jitterType").asText());
        assertEquals(1.5, first.path("targets").path("lossPercent").asDouble());
        assertEquals("all", first.path("targets").path("match").asText());
        assertEquals("sla-web", sla.get(1).path("slaRule").asText());
        assertTrue(sla.get(1).path("targets").path("rttMicros").isNull());
        assertEquals("met", sla.get(1).path("state").asText());
        assertEquals("isp-b", sla.get(2).path("path").asText());
        assertEquals("dead", sla.get(2).path("state").asText());
    }

    @Test
    void applicationsCarryTheirActivePath() throws Exception {
        JsonNode apps = api.get("v1/appqoe/applications").path("applications");
        assertEquals(2, apps.size());
        JsonNode sip = apps.get(0);
        assertEquals("apbr1", sip.path("profile").asText());
        assertEquals("r1", sip.path("rule").asText());
        assertEquals("SIP", sip.path("application").asText());
        assertEquals("dpg1", sip.path("group").asText());
        assertEquals("sla-voice", sip.path("slaRule").asText());
        assertEquals("isp-a", sip.path("activePath").asText());
        assertEquals("eth1", sip.path("activeInterface").asText());
        assertEquals(4, sip.path("sessions").asInt());
        assertEquals(3, sip.path("steeredSessions").asInt());
        assertEquals("sla violated", sip.path("lastReason").asText());
        assertEquals(T0 + 2000, sip.path("lastSwitchMillis").asLong());
        JsonNode ssh = apps.get(1);
        for (String f : new String[] {"activePath", "activeInterface", "lastReason", "lastSwitchMillis"}) {
            assertTrue(ssh.has(f) && ssh.path(f).isNull(), f + " unset is null: " + ssh);
        }
    }

    @Test
    void probesCarryTheirCountersAndLoss() throws Exception {
        service.probes.add(new ProbeStatus("dpg1", "isp-a", "pp-voice", "stamp", "192.0.2.1", "198.51.100.7:862", 46,
                101, 96, 4, ""));
        service.probes.add(new ProbeStatus("dpg1", "isp-b", "pp-web", "http head", "192.0.2.9",
                "https://example.com/", 0, 0, 0, 0, "source address 192.0.2.9 is not local"));
        JsonNode probes = api.get("v1/appqoe/probes").path("probes");
        JsonNode p = probes.get(0);
        assertEquals("dpg1", p.path("group").asText());
        assertEquals("isp-a", p.path("path").asText());
        assertEquals("pp-voice", p.path("probeParams").asText());
        assertEquals("stamp", p.path("type").asText());
        assertEquals("192.0.2.1", p.path("source").asText());
        assertEquals("198.51.100.7:862", p.path("target").asText());
        assertEquals(46, p.path("dscp").asInt());
        assertEquals(101, p.path("sent").asLong());
        assertEquals(96, p.path("answered").asLong());
        assertEquals(4, p.path("lost").asLong());
        assertEquals(4.0, p.path("lossPercent").asDouble(), 1e-9);
        assertTrue(p.path("error").isNull());
        JsonNode idle = probes.get(1);
        assertTrue(idle.path("lossPercent").isNull(), "nothing resolved, no loss figure");
        assertEquals("source address 192.0.2.9 is not local", idle.path("error").asText());
    }

    @Test
    void switchesNewestFirstUpToTheLimit() throws Exception {
        service.switches.add(new PathSwitch(T0 + 5000, "apbr1", "r1", "SIP", "dpg1", "isp-b", "isp-a",
                "sla violated", 4));
        service.switches.add(new PathSwitch(T0 + 4000, "apbr1", "r1", "SIP", "dpg1", "", "isp-b", "app detected", 1));
        JsonNode body = api.get("v1/appqoe/switches");
        assertEquals(AppQoeResource.DEFAULT_SWITCHES, service.lastSwitchLimit);
        assertEquals(100, body.path("limit").asInt());
        JsonNode s = body.path("switches").get(0);
        assertEquals(T0 + 5000, s.path("timeMillis").asLong());
        assertEquals("apbr1", s.path("profile").asText());
        assertEquals("r1", s.path("rule").asText());
        assertEquals("SIP", s.path("application").asText());
        assertEquals("dpg1", s.path("group").asText());
        assertEquals("isp-b", s.path("previousPath").asText());
        assertEquals("isp-a", s.path("path").asText());
        assertEquals("sla violated", s.path("reason").asText());
        assertEquals(4, s.path("sessions").asInt());
        assertTrue(body.path("switches").get(1).path("previousPath").isNull());

        JsonNode one = api.get("v1/appqoe/switches?limit=1");
        assertEquals(1, service.lastSwitchLimit);
        assertEquals(1, one.path("switches").size());
        assertEquals(T0 + 5000, one.path("switches").get(0).path("timeMillis").asLong());
    }

    private void fillHistory() {
        history.paths.add(new PathHistory("dpg1", "isp-a", "eth1", VOICE_TARGETS,
                new long[] {T0, T0 + 2000}, new long[] {12_000, NM}, new long[] {15_000, NM},
                new long[] {1_000, NM}, new long[] {400, NM}, new long[] {600, NM}, new double[] {2.5, -1},
                new String[] {"met", "dead"}));
        history.paths.add(new PathHistory("dpg2", "lte", "wwan0", null, new long[] {T0 + 1000}, new long[] {50_000},
                new long[] {60_000}, new long[] {9_000}, new long[] {NM}, new long[] {NM}, new double[] {0},
                new String[] {null}));
    }

    @Test
    void historyGivesEachPathsPointsOldestFirstWithItsTargets() throws Exception {
        fillHistory();
        JsonNode body = api.get("v1/appqoe/history");
        assertEquals(PathHistoryService.Window.FIVE_MINUTES, history.lastWindow, "five minutes by default");
        assertEquals(null, history.lastGroup, "every group");
        assertEquals("5m", body.path("window").asText());
        assertEquals(2, body.path("paths").size());
        JsonNode a = body.path("paths").get(0);
        assertEquals("dpg1", a.path("group").asText());
        assertEquals("isp-a", a.path("path").asText());
        assertEquals("eth1", a.path("interface").asText());
        assertEquals("{\"rttMicros\":150000,\"jitterMicros\":30000,\"jitterType\":\"ingress\",\"lossPercent\":1.5,"
                + "\"match\":\"all\"}", a.path("targets").toString());
        assertEquals("[[" + T0 + ",12000,15000,1000,400,600,2.5,\"met\"],"
                + "[" + (T0 + 2000) + ",null,null,null,null,null,null,\"dead\"]]", a.path("points").toString(),
                "not measured and no loss verdict are null");
        JsonNode lte = body.path("paths").get(1);
        assertTrue(lte.has("targets") && lte.path("targets").isNull(), "no SLA rule, no targets: " + lte);
        assertEquals("[[" + (T0 + 1000) + ",50000,60000,9000,null,null,0.0,null]]", lte.path("points").toString());
    }

    @Test
    void historyOfOneGroupOverAnHour() throws Exception {
        fillHistory();
        JsonNode body = api.get("v1/appqoe/history?group=dpg2&window=1h");
        assertEquals("dpg2", history.lastGroup);
        assertEquals(PathHistoryService.Window.ONE_HOUR, history.lastWindow);
        assertEquals("1h", body.path("window").asText());
        assertEquals(1, body.path("paths").size());
        assertEquals("lte", body.path("paths").get(0).path("path").asText());
        assertEquals("{\"window\":\"5m\",\"paths\":[]}", api.get("v1/appqoe/history?group=nowhere").toString(),
                "an unknown group has no paths");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "start", "5M", "", "300"})
    void aBadWindowIs400NamingIt(String window) throws Exception {
        Reply r = api.call("GET", "v1/appqoe/history?window=" + window);
        assertEquals(400, r.status, r.toString());
        assertEquals("window", r.json.path("parameter").asText());
        assertTrue(r.json.path("message").asText().startsWith("window: "), r.toString());
        assertEquals(null, history.lastWindow, "the service is not asked");
    }

    @Test
    void withoutTheHistoryServiceHistoryIs503() throws Exception {
        try (InMemoryApi without = new InMemoryApi(new TestServices().add(AppQoeService.class, service))) {
            Reply r = without.call("GET", "v1/appqoe/history");
            assertEquals(503, r.status, r.toString());
            assertTrue(r.json.path("message").asText().contains("PathHistoryService"), r.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "10001", "99999999999999999999", "ten", ""})
    void aBadLimitIs400NamingIt(String limit) throws Exception {
        Reply r = api.call("GET", "v1/appqoe/switches?limit=" + limit);
        assertEquals(400, r.status, r.toString());
        assertEquals("limit", r.json.path("parameter").asText());
        assertTrue(r.json.path("message").asText().startsWith("limit: "), r.toString());
        assertEquals(-1, service.lastSwitchLimit, "the service is not asked");
    }

    @Test
    void anUnknownParameterIs400() throws Exception {
        Reply r = api.call("GET", "v1/appqoe/paths?group=dpg1");
        assertEquals(400, r.status, r.toString());
        assertEquals("group", r.json.path("parameter").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1/appqoe/paths", "v1/appqoe/sla", "v1/appqoe/applications", "v1/appqoe/probes",
        "v1/appqoe/switches", "v1/appqoe/history"})
    void withoutTheServiceEveryResourceIs503(String path) throws Exception {
        try (InMemoryApi without = new InMemoryApi(new TestServices())) {
            Reply r = without.call("GET", path);
            assertEquals(503, r.status, r.toString());
            assertEquals("application/json", r.contentType);
            assertTrue(r.json.path("message").asText().contains("AppQoeService")
                    || r.json.path("message").asText().contains("PathHistoryService"), r.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1/appqoe/paths", "v1/appqoe/switches", "v1/appqoe/history"})
    void anonymousIs401AndAViewerReads(String path) throws Exception {
        assertEquals(401, api.call(null, "GET", path).status);
        assertEquals(200, api.call(InMemoryApi.VIEWER, "GET", path).status);
        assertEquals(405, api.call("DELETE", path).status);
    }
}
