package org.apptrack.appqoe.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apptrack.appqoe.select.SelectionReason;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.format.FormatSettings;
import org.apptrack.syslog.format.LogFormat;
import org.apptrack.syslog.format.SyslogFormatter;
import org.junit.jupiter.api.Test;

/**
 * The APPQOE_* messages against the seed document: each message's fields are those of its newest
 * sample; each sampled message, built through {@link AppQoeLogRecords} from the sample's values,
 * formats to the sample's SD-ELEMENT byte for byte; every older sample is consistent with the
 * layout; the plain-text bodies, absent values, escaping and logical systems.
 */
class AppQoeMessageTest {

    private static final long TIME = Instant.parse("2021-06-01T10:20:30.456Z").toEpochMilli();
    private static final Map<String, SeedSamples.Sample> NEWEST = SeedSamples.newest();
    private static final SyslogFormatter SD = SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, "spoke1"));

    private static String sdElement(LogRecord r) {
        String wire = new String(SD.formatToArray(r), StandardCharsets.UTF_8);
        assertTrue(wire.startsWith("<14>1 2021-06-01T10:20:30.456Z spoke1 RT_FLOW - " + r.wireTag() + " ["), wire);
        return wire.substring(wire.indexOf('['));
    }

    private static void assertSample(String tag, LogRecord built) {
        SeedSamples.Sample sample = NEWEST.get(tag);
        assertNotNull(sample, "no sample of " + tag + " in the seed document");
        assertEquals(tag, built.wireTag());
        assertEquals(sample.sdElement, sdElement(built), sample.toString());
    }

    // ---- the eight messages and their fields ----

    @Test
    void eightMessagesEachWithTheFieldsOfItsNewestSample() {
        Set<String> tags = new HashSet<>();
        for (AppQoeMessage m : AppQoeMessage.values()) {
            assertTrue(tags.add(m.tag()));
            SeedSamples.Sample newest = NEWEST.get(m.tag());
            if (m == AppQoeMessage.APP_ACTIVE_SLA_METRIC_REPORT) {
                assertEquals(null, newest, "the seed has no sample of " + m.tag());
                // No sample: the per-application active report writes what the passive one does.
                assertEquals(AppQoeMessage.APP_PASSIVE_SLA_METRIC_REPORT.layout().wireNames(), m.layout().wireNames());
                continue;
            }
            assertNotNull(newest, m.tag());
            assertEquals(new ArrayList<>(newest.fields().keySet()), m.layout().wireNames(), newest.toString());
            LogRecord r = m.build(new AppQoeFieldValues(), TIME);
            assertSame(m.layout().names(), r.fieldNames(), m.tag() + " built on the fast path");
            assertEquals("RT_FLOW", r.appName());
            assertEquals(6, r.severity());
        }
        assertEquals(8, tags.size());
        assertEquals(Set.of("APPQOE_BEST_PATH_SELECTED", "APPQOE_ACTIVE_SLA_METRIC_REPORT",
                "APPQOE_PASSIVE_SLA_METRIC_REPORT", "APPQOE_SLA_METRIC_VIOLATION", "APPQOE_APP_BEST_PATH_SELECTED",
                "APPQOE_APP_SLA_METRIC_VIOLATION", "APPQOE_APP_PASSIVE_SLA_METRIC_REPORT"), NEWEST.keySet(),
                "the tags the seed has samples of");
    }

    /**
     * Every sample of the seed, older ones included, filled field by field: the sample's fields
     * come out with its values and in its order; fields it lacks (newer ones) are at their
     * defaults. Older samples may carry fields a later release dropped, listed here.
     */
    @Test
    void everySeedSampleIsConsistentWithItsLayout() {
        Map<String, Set<String>> droppedLater = Map.of(
                // 18.2R1 shows application, protocol-id and the counters; 20.4R1 dropped them
                "APPQOE_ACTIVE_SLA_METRIC_REPORT", Set.of("application", "protocol-id", "bytes-from-client",
                        "bytes-from-server", "packets-from-client", "packets-from-server"),
                // 20.4R1 shows url (21.2R1: server-url) and no forwarding-nexthop-id
                "APPQOE_APP_BEST_PATH_SELECTED", Set.of("url"),
                // 20.4R1 shows violation-duration, server-ip and url; 21.2R1 dropped them
                "APPQOE_APP_SLA_METRIC_VIOLATION", Set.of("violation-duration", "server-ip", "url"));
        int checked = 0;
        for (SeedSamples.Sample s : SeedSamples.read()) {
            AppQoeMessage m = messageOf(s.tag);
            AppQoeFieldValues v = new AppQoeFieldValues();
            List<String> expectedOrder = new ArrayList<>();
            for (Map.Entry<String, String> e : s.fields().entrySet()) {
                if (droppedLater.getOrDefault(s.tag, Set.of()).contains(e.getKey())) {
                    continue;
                }
                AppQoeField f = AppQoeField.ofWireName(e.getKey());
                assertNotNull(f, s + ": field " + e.getKey());
                if (f.isNumeric() && !e.getValue().equals("N/A")) {
                    v.set(f, Long.parseLong(e.getValue()));
                } else if (!f.isNumeric()) {
                    v.set(f, e.getValue());
                }
                expectedOrder.add(e.getKey());
            }
            Map<String, String> out = new SeedSamples.Sample(0, s.tag, sdElement(m.build(v, TIME))).fields();
            List<String> outNames = new ArrayList<>(out.keySet());
            int last = -1;
            for (String name : expectedOrder) {
                int at = outNames.indexOf(name);
                assertTrue(at > last, s + ": " + name + " missing or out of order");
                last = at;
                assertEquals(s.fields().get(name), out.get(name), s + ": " + name);
            }
            for (String name : outNames) {
                if (!s.fields().containsKey(name)) {
                    assertEquals(defaultOf(AppQoeField.ofWireName(name)), out.get(name), s + ": absent " + name);
                }
            }
            checked++;
        }
        assertEquals(18, checked, "APPQOE_ samples in the seed document");
    }

    private static String defaultOf(AppQoeField f) {
        return f.absentText() == null ? "0" : f.absentText();
    }

    private static AppQoeMessage messageOf(String tag) {
        for (AppQoeMessage m : AppQoeMessage.values()) {
            if (m.tag().equals(tag)) {
                return m;
            }
        }
        throw new AssertionError("unknown tag " + tag);
    }

    // ---- each sampled message built from the sample's values, byte for byte ----

    /** Seed line 116 (18.2R1). */
    @Test
    void bestPathSelected() {
        PathSelectionLog log = PathSelectionLog.builder().rule("apbrProf1", "rule1").application("HTTP")
                .routingInstance("ri3").destinationInterface("gr-0/0/0.2").ipDscp(0).slaRule("SLA1")
                .previousInterface("gr-0/0/0.2").activeProbeParams("PP1").destinationGroup("p1")
                .reason(SelectionReason.SLA_VIOLATED).build();
        SessionInfo session = SessionInfo.builder().source("20.1.1.1", 47335).destination("151.101.9.67", 443)
                .nestedApplication("CNN").serviceName("junos-https").protocol(6).zones("trust", "untrust")
                .sessionId(611).elapsedSeconds(2).fromClient(7, 675).fromServer(0, 0).build();
        assertSample("APPQOE_BEST_PATH_SELECTED", AppQoeLogRecords.bestPathSelected(log, session, TIME));
    }

    /** Seed line 118 (18.2R1). */
    @Test
    void passiveReport() {
        SlaMetricReportLog log = SlaMetricReportLog.builder().rule("apbrProf1", "rule1").application("HTTP")
                .routingInstance("ri3").destinationInterface("gr-0/0/0.2").ipDscp(0).slaRule("SLA1")
                .measured(SlaMetrics.of(0, 0, 0, 0, 0)).monitoringTime(990).activeProbeParams("PP1")
                .destinationGroup("p1").build();
        SessionInfo session = SessionInfo.builder().source("20.1.1.1", 47335).destination("151.101.9.67", 443)
                .nestedApplication("CNN").serviceName("junos-https").protocol(6).zones("trust", "untrust")
                .sessionId(611).fromClient(12, 1073).fromServer(13, 6011).build();
        assertSample("APPQOE_PASSIVE_SLA_METRIC_REPORT", AppQoeLogRecords.passiveReport(log, session, TIME));
    }

    /** Seed line 120 (18.2R1). */
    @Test
    void slaViolation() {
        SlaViolationLog log = SlaViolationLog.builder().rule("apbrProf1", "rule1").application("HTTP")
                .routingInstance("ri3").destinationInterface("gr-0/0/0.2").ipDscp(0).slaRule("SLA1")
                .measured(SlaMetrics.of(104, 7, 97, 1142, 0)).targets(2, 20000, 500, 1).violationReason(1)
                .violationCounts(0, 0, 1).violationDurationSeconds(0).monitoringTime(948).activeProbeParams("PP1")
                .destinationGroup("p1").build();
        SessionInfo session = SessionInfo.builder().source("20.1.1.1", 35264).destination("151.101.193.67", 443)
                .nestedApplication("CNN").serviceName("junos-https").protocol(6).zones("trust", "untrust")
                .sessionId(614).fromClient(48, 2476).fromServer(150, 163993).build();
        assertSample("APPQOE_SLA_METRIC_VIOLATION", AppQoeLogRecords.slaViolation(log, session, TIME));
    }

    /** Seed line 168 (20.4R1, an HTTP HEAD probe that got no answer: RTT and jitters unmeasured). */
    @Test
    void activeReport() {
        SlaMetricReportLog log = SlaMetricReportLog.builder().probe("40.1.1.2", 10001, "40.1.1.1", 80)
                .destinationZone("untrust1").routingInstance("transit").destinationInterface("").ipDscp(6)
                .measured(SlaMetrics.of(SlaMetrics.NOT_MEASURED, SlaMetrics.NOT_MEASURED, 1345,
                        SlaMetrics.NOT_MEASURED, 100))
                .monitoringTime(29126).activeProbeParams("probe1").destinationGroup("site1")
                .probeClass("network-control", "low", "http head").build();
        assertSample("APPQOE_ACTIVE_SLA_METRIC_REPORT", AppQoeLogRecords.activeReport(log, TIME));
    }

    /** Seed line 212 (21.2R1, loose affinity). */
    @Test
    void appBestPathSelected() {
        PathSelectionLog log = PathSelectionLog.builder().rule("apbr1", "rule1").application("YAHOO")
                .routingInstance("TC1_VPN").previousInterface("gr-0/0/0.0").destinationInterface("gr-0/0/0.2")
                .slaRule("sla1").activeProbeParams("probe1").destinationGroup("site1")
                .reason(SelectionReason.SWITCH_TO_HIGHER_PRIORITY).sessionCount(1).violationDurationSeconds(0)
                .ipDscp(255).selectionCriteria("application").forwardingNextHopId(262149)
                .previousLink("ISP1", 10).destinationLink("ISP3", 3).build();
        assertSample("APPQOE_APP_BEST_PATH_SELECTED", AppQoeLogRecords.appBestPathSelected(log, TIME));
    }

    /** Seed line 174 (21.2R1, a profile without SLA metrics: probe parameters and duration N/A). */
    @Test
    void appBestPathSelectedWithoutSlaMetrics() {
        PathSelectionLog log = PathSelectionLog.builder().rule("apbr1", "rule1").application("ANY")
                .routingInstance("TC1_VPN").previousInterface("gr-0/0/0.1").destinationInterface("gr-0/0/0.3")
                .slaRule("sla1").destinationGroup("site1").reason("switch to high priority link").sessionCount(2)
                .ipDscp(255).selectionCriteria("default").forwardingNextHopId(262142)
                .previousLink("ISP1", 100).destinationLink("ISP1", 50).build();
        SeedSamples.Sample sample = SeedSamples.read().stream().filter(s -> s.line == 174).findFirst().orElseThrow();
        assertEquals(sample.sdElement, sdElement(AppQoeLogRecords.appBestPathSelected(log, TIME)));
    }

    /** Seed line 204 (21.2R1). */
    @Test
    void appSlaViolation() {
        SlaViolationLog log = SlaViolationLog.builder().rule("apbr1", "rule1").application("SSH")
                .routingInstance("TC1_VPN").destinationInterface("gr-0/0/0.1").slaRule("sla1")
                .measured(SlaMetrics.of(253, 252340, 252593, 251321, 0)).targets(2, 25000, 200000, 15)
                .violationReason(3).activeProbeParams("probe1").destinationGroup("site1").ipDscp(255)
                .selectionCriteria("application").build();
        assertSample("APPQOE_APP_SLA_METRIC_VIOLATION", AppQoeLogRecords.appSlaViolation(log, TIME));
    }

    /** Seed line 202 (21.2R1); the per-application active report writes the same fields under its own tag. */
    @Test
    void appReports() {
        SlaMetricReportLog log = SlaMetricReportLog.builder().rule("apbr1", "rule1").application("SSH")
                .routingInstance("TC1_VPN").destinationInterface("gr-0/0/0.1").slaRule("sla1")
                .measured(SlaMetrics.of(109, 72, 102, 63674, 0)).minimum(SlaMetrics.of(1, 1, 1, 793, 0))
                .maximum(SlaMetrics.of(448, 252340, 252593, 253784, 0)).probeCount(122).monitoringTime(59882)
                .activeProbeParams("probe1").destinationGroup("site1").ipDscp(255).selectionCriteria("application")
                .build();
        assertSample("APPQOE_APP_PASSIVE_SLA_METRIC_REPORT", AppQoeLogRecords.appPassiveReport(log, TIME));
        LogRecord active = AppQoeLogRecords.appActiveReport(log, TIME);
        assertEquals("APPQOE_APP_ACTIVE_SLA_METRIC_REPORT", active.wireTag());
        assertEquals(NEWEST.get("APPQOE_APP_PASSIVE_SLA_METRIC_REPORT").sdElement, sdElement(active));
    }

    // ---- plain-text bodies ----

    @Test
    void plainTextBodies() {
        SessionInfo session = SessionInfo.builder().source("10.0.0.1", 40000).destination("192.0.2.7", 443)
                .nestedApplication("CNN").serviceName("junos-https").protocol(6).zones("trust", "untrust")
                .sessionId(77).user("alice", "staff").elapsedSeconds(5).fromClient(3, 300).fromServer(2, 200).build();
        PathSelectionLog path = PathSelectionLog.builder().rule("p1", "r1").application("HTTP")
                .routingInstance("ri1").previousInterface("ge-0/0/1.0").destinationInterface("ge-0/0/2.0")
                .slaRule("sla1").activeProbeParams("pp1").destinationGroup("site1").reason("sla violated")
                .sessionCount(4).violationDurationSeconds(30).ipDscp(255).selectionCriteria("application")
                .forwardingNextHopId(262142).previousLink("ISP1", 10).destinationLink("ISP2", 5).build();
        assertEquals("AppQoE Best path selected sla violated: 10.0.0.1/40000->192.0.2.7/443 p1 r1 HTTP CNN N/A"
                + " junos-https 6 trust untrust 77 alice staff ri1 ge-0/0/2.0 255 sla1 5 300 200 3 2 ge-0/0/1.0 pp1"
                + " site1", AppQoeLogRecords.bestPathSelected(path, session, TIME).body());
        assertEquals("AppQoE Best path selected sla violated: p1 r1 HTTP N/A N/A ri1 ge-0/0/1.0 ge-0/0/2.0 sla1"
                + " pp1 site1 4 30 255 application 262142 0.0.0.0 N/A ISP1 10 ISP2 5",
                AppQoeLogRecords.appBestPathSelected(path, TIME).body());

        SlaViolationLog violation = SlaViolationLog.builder().rule("p1", "r1").application("HTTP")
                .routingInstance("ri1").destinationInterface("ge-0/0/2.0").slaRule("sla1")
                .measured(SlaMetrics.of(1, 2, 3, 4000, 5)).targets(2, 100, 200, 1).violationReason(5)
                .violationCounts(0, 1, 2).violationDurationSeconds(9).monitoringTime(60).build();
        assertEquals("AppQoE SLA Violation happened 10.0.0.1/40000->192.0.2.7/443 p1 r1 HTTP CNN N/A junos-https"
                + " 6 trust untrust 77 alice staff ri1 ge-0/0/2.0 0 sla1 1 2 3 4000 5 2 100 200 1 5 0 1 2 9 300 200"
                + " 3 2 60 N/A N/A", AppQoeLogRecords.slaViolation(violation, session, TIME).body());
        assertEquals("AppQoE SLA Violation happened p1 r1 HTTP N/A N/A ri1 ge-0/0/2.0 sla1 1 2 3 4000 5 2 100 200"
                + " 1 5 N/A N/A 0 N/A", AppQoeLogRecords.appSlaViolation(violation, TIME).body());

        SlaMetricReportLog active = SlaMetricReportLog.builder().probe("198.51.100.2", 862, "203.0.113.9", 862)
                .destinationZone("untrust").routingInstance("ri1").destinationInterface("ge-0/0/2.0").ipDscp(46)
                .measured(SlaMetrics.of(10, 20, 30, 4000, 0)).monitoringTime(30000).activeProbeParams("pp1")
                .destinationGroup("site1").probeClass("best-effort", "low", "udp").build();
        assertEquals("198.51.100.2/862->203.0.113.9/862 untrust ri1 ge-0/0/2.0 46 10 20 30 4000 0 30000 pp1 site1"
                + " best-effort low udp", AppQoeLogRecords.activeReport(active, TIME).body());
    }

    @Test
    void structuredSyslogAndPlainSyslogCarryTheBody() {
        LogRecord r = AppQoeLogRecords.appBestPathSelected(PathSelectionLog.builder().rule("p1", "r1")
                .reason(SelectionReason.APP_DETECTED).build(), TIME);
        String structured = new String(SyslogFormatter.create(FormatSettings.of(LogFormat.STRUCTURED_SYSLOG, "fw"))
                .formatToArray(r), StandardCharsets.UTF_8);
        assertTrue(structured.endsWith("] AppQoE Best path selected app detected: p1 r1 N/A N/A N/A N/A N/A N/A"
                + " N/A N/A N/A 0 N/A 0 N/A 0 0.0.0.0 N/A N/A 0 N/A 0"), structured);
        String plain = new String(SyslogFormatter.create(FormatSettings.of(LogFormat.SYSLOG, "fw"))
                .formatToArray(r), StandardCharsets.UTF_8);
        assertTrue(plain.startsWith("<14>Jun  1 "), plain);
        assertTrue(plain.contains(" fw RT_FLOW: APPQOE_APP_BEST_PATH_SELECTED: AppQoE Best path selected app"
                + " detected: p1 r1 "), plain);
    }

    // ---- absent values ----

    @Test
    void absentValuesFollowTheSamples() {
        LogRecord r = AppQoeLogRecords.appBestPathSelected(PathSelectionLog.builder().build(), TIME);
        for (int i = 0; i < r.fieldCount(); i++) {
            AppQoeField f = AppQoeField.ofWireName(r.name(i));
            String expected = f == AppQoeField.SERVER_IP ? "0.0.0.0"
                    : f == AppQoeField.VIOLATION_DURATION ? "N/A" : f.isNumeric() ? "0" : "N/A";
            assertEquals(expected, r.value(i), f.wireName());
        }
        // An application just detected: no previous link, its tag N/A and priority 0 (21.2R1 text).
        LogRecord detected = AppQoeLogRecords.appBestPathSelected(PathSelectionLog.builder()
                .reason(SelectionReason.APP_DETECTED).previousLink(null, 0).destinationLink("ISP1", 50).build(), TIME);
        assertEquals("N/A", detected.value("previous-link-tag"));
        assertEquals("0", detected.value("previous-link-priority"));
        assertEquals("N/A", detected.value("previous-interface"));
        // The per-session best path has no reason field; without a reason its body says N/A.
        LogRecord session = AppQoeLogRecords.bestPathSelected(PathSelectionLog.builder().build(),
                SessionInfo.builder().build(), TIME);
        assertEquals(null, session.value("reason"));
        assertTrue(session.body().startsWith("AppQoE Best path selected N/A: N/A/0->N/A/0 N/A"), session.body());
    }

    // ---- hostile values ----

    @Test
    void hostileValuesCannotBreakTheLineOrForgeFields() {
        String url = "http://evil.example/\"] x=\"y\"\r\nAPPQOE_FAKE [junos@1 a=\"b\"]\\";
        LogRecord r = AppQoeLogRecords.appBestPathSelected(PathSelectionLog.builder().rule("p1", "r\"1]")
                .server("192.0.2.1", url).build(), TIME);
        for (LogFormat format : LogFormat.values()) {
            String wire = new String(SyslogFormatter.create(FormatSettings.of(format, "fw")).formatToArray(r),
                    StandardCharsets.UTF_8);
            assertFalse(wire.contains("\r") || wire.contains("\n"), format + ": " + wire);
        }
        String sd = sdElement(r);
        assertTrue(sd.contains(" server-url=\"http://evil.example/\\\"\\] x=\\\"y\\\"  APPQOE_FAKE [junos@1"
                + " a=\\\"b\\\"\\]\\\\\" "), sd);
        assertTrue(sd.contains(" apbr-rule=\"r\\\"1\\]\" "), sd);
        assertTrue(sd.endsWith("\"]"), sd);
        Map<String, String> parsed = parseSdElement(sd);
        assertEquals(AppQoeMessage.APP_BEST_PATH_SELECTED.layout().wireNames(), new ArrayList<>(parsed.keySet()));
        assertEquals("http://evil.example/\"] x=\"y\"  APPQOE_FAKE [junos@1 a=\"b\"]\\", parsed.get("server-url"));
    }

    /** The SD-PARAMs of an SD-ELEMENT, unescaping \" \\ \]. */
    private static Map<String, String> parseSdElement(String sd) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        int p = sd.indexOf(' ');
        while (sd.charAt(p) == ' ') {
            int eq = sd.indexOf('=', p);
            String name = sd.substring(p + 1, eq);
            assertEquals('"', sd.charAt(eq + 1));
            StringBuilder v = new StringBuilder();
            int i = eq + 2;
            while (sd.charAt(i) != '"') {
                if (sd.charAt(i) == '\\') {
                    i++;
                }
                v.append(sd.charAt(i++));
            }
            assertEquals(null, out.put(name, v.toString()), "duplicate " + name);
            p = i + 1;
        }
        assertEquals(']', sd.charAt(p));
        assertEquals(sd.length() - 1, p);
        return out;
    }

    // ---- bad input ----

    @Test
    void badValuesAreRejectedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathSelectionLog.builder().sessionCount(-1));
        assertTrue(e.getMessage().contains("session-count"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SlaMetrics.of(0, 0, 0, -5, 0));
        assertTrue(e.getMessage().contains("rtt"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SlaMetrics.of(0, SlaMetrics.NOT_MEASURED + 1, 0, 0, 0));
        assertTrue(e.getMessage().contains("egress-jitter"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SlaMetrics.of(0, 0, 0, 0, 101));
        assertTrue(e.getMessage().contains("pkt-loss"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AppQoeFieldValues().set(AppQoeField.RTT, "1"));
        assertTrue(e.getMessage().contains("rtt"), e.getMessage());
        assertThrows(NullPointerException.class,
                () -> AppQoeLogRecords.slaViolation(SlaViolationLog.builder().build(), null, TIME));
    }

    // ---- the value objects stay as built ----

    @Test
    void aBuiltLogDoesNotChangeWhenItsBuilderGoesOn() {
        PathSelectionLog.Builder b = PathSelectionLog.builder().application("SSH");
        PathSelectionLog first = b.build();
        b.application("HTTP");
        assertEquals("SSH", AppQoeLogRecords.appBestPathSelected(first, TIME).value("application"));
        assertEquals("HTTP", AppQoeLogRecords.appBestPathSelected(b.build(), TIME).value("application"));
    }

    // ---- logical systems ----

    @Test
    void logicalSystemVariant() {
        LogRecord r = AppQoeLogRecords.appSlaViolation(SlaViolationLog.builder().rule("p1", "r1")
                .logicalSystem("LSYS1").build(), TIME);
        assertEquals("APPQOE_APP_SLA_METRIC_VIOLATION_LS", r.wireTag());
        assertEquals("logical-system-name", r.name(0));
        assertEquals("LSYS1", r.value(0));
        assertTrue(r.body().startsWith("AppQoE SLA Violation happened p1 r1 N/A"), r.body());
        LogRecord root = AppQoeLogRecords.appSlaViolation(SlaViolationLog.builder().logicalSystem(null).build(), TIME);
        assertEquals("APPQOE_APP_SLA_METRIC_VIOLATION", root.wireTag());
    }

    @Test
    void periodMetricsOfAPathWithoutAnswersAreNotMeasured() {
        SlaMetrics m = SlaMetrics.of(new org.apptrack.appqoe.metrics.PeriodMetrics());
        assertEquals(SlaMetrics.NOT_MEASURED, m.rttMicros());
        assertEquals(SlaMetrics.NOT_MEASURED, m.ingressJitterMicros());
        assertEquals(SlaMetrics.NOT_MEASURED, m.egressJitterMicros());
        assertEquals(SlaMetrics.NOT_MEASURED, m.rttJitterMicros());
        assertEquals(0, m.lossPercent());
    }
}
