package org.apptrack.it;

import static org.apptrack.it.AppTrackIt.commandCounters;
import static org.apptrack.it.AppTrackIt.commandSessionIds;
import static org.apptrack.it.AppTrackIt.commandSessionsShown;
import static org.apptrack.it.AppTrackIt.get;
import static org.apptrack.it.AppTrackIt.http;
import static org.apptrack.it.AppTrackIt.run;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apptrack.capture.api.CaptureService;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The AppTrack REST resources in the distribution, over real HTTP: after a real capture is
 * replayed, {@code GET /onos/apptrack/v1/counters} and {@code GET /onos/apptrack/v1/sessions} (with each
 * filter) say what {@code apptrack:counters} and {@code apptrack:sessions} say, the sessions'
 * per-direction counts are tshark's; {@code DELETE /onos/apptrack/v1/sessions/ID} and
 * {@code apptrack:clear-sessions --protocol udp} close just those sessions, and
 * {@code DELETE /onos/apptrack/v1/sessions} the rest, with reason CLI, which the counters then show.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AppTrackRestTest {

    /** TCP to ports 443, 80, 8080, 5223, 5228 and DNS, from one client in 10/8 (zone trust) to the Internet (untrust). */
    private static final String CAPTURE = "KakaoTalk_chat.pcap";

    /** apptrack:counters row -> field of GET /onos/apptrack/v1/counters. */
    private static final Map<String, String> COUNTER_ROWS = new LinkedHashMap<>();

    static {
        COUNTER_ROWS.put("Session create messages", "sessionCreateMessages");
        COUNTER_ROWS.put("Session close messages", "sessionCloseMessages");
        COUNTER_ROWS.put("Session volume updates", "volumeUpdateMessages");
        COUNTER_ROWS.put("Failed messages", "failedMessages");
        COUNTER_ROWS.put("Sessions created", "sessionsCreated");
        COUNTER_ROWS.put("Sessions closed", "sessionsClosed");
        COUNTER_ROWS.put("Active sessions", "activeSessions");
        COUNTER_ROWS.put("Sessions refused (session limit)", "refusedSessions");
        COUNTER_ROWS.put("Frames", "frames");
        COUNTER_ROWS.put("Frames not IP", "notIpFrames");
        COUNTER_ROWS.put("Malformed frames", "malformedFrames");
        COUNTER_ROWS.put("Frames outside every zone", "framesWithoutZone");
        COUNTER_ROWS.put("Frames with AppTrack disabled", "framesNotTracked");
    }

    @Inject
    private CaptureService captureService;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return KarafDistribution.boot(KarafDistribution.freePort());
    }

    @Test
    public void countersAndSessionsOverHttpAreTheCommandsAndDeleteClosesWithReasonCli() throws Exception {
        Path capture = AppTrackIt.ndpiCapture(CAPTURE);
        Prerequisite.optional("nDPI capture " + capture, Files.isRegularFile(capture));
        Prerequisite.require("tshark and editcap", AppTrackIt.wiresharkToolsInstalled());
        Path replayed = AppTrackIt.shiftedToTheFuture(capture, Files.createTempDirectory("apptrack-rest"));

        CaptureSourceStatus done = captureService.replay(replayed, false, null);
        assertEquals(done.toString(), CaptureSourceStatus.State.FINISHED, done.state());

        // Counters: HTTP = command, row by row, and every close reason and malformed cause shown.
        JsonNode counters = get("/onos/apptrack/v1/counters");
        assertCountersAreTheCommands(counters);
        assertEquals(counters.toString(), tsharkFrameCount(replayed), counters.path("frames").asLong());
        assertEquals(0, counters.path("failedMessages").asLong());
        long active = counters.path("activeSessions").asLong();
        assertTrue(counters.toString(), active > 0);

        // Every session: HTTP = command = the active counter.
        JsonNode all = get("/onos/apptrack/v1/sessions?limit=1000");
        assertEquals(active, all.path("count").asLong());
        assertFalse(all.path("more").asBoolean());
        assertEquals(ids(all), commandSessionIds(execute("apptrack:sessions --limit 1000")));
        assertCountsAreTsharks(all, replayed);

        // The default limit is the command's (100), and a smaller one says that sessions were left out.
        assertEquals(100, get("/onos/apptrack/v1/sessions").path("limit").asInt());
        JsonNode two = get("/onos/apptrack/v1/sessions?limit=2");
        assertEquals(2, two.path("count").asInt());
        assertTrue(two.path("more").asBoolean());

        // Each filter selects what the command's option selects, and only what matches it.
        JsonNode first = all.path("sessions").get(0);
        String server = first.path("serverAddress").asText();
        String application = null;
        for (JsonNode s : all.path("sessions")) {
            if (s.path("serverPort").asInt() == 443) {
                application = s.path("application").asText(); // junos-https's application
                break;
            }
        }
        assertTrue("a session to port 443", application != null);
        String app = application;
        assertFilter("protocol=tcp", "--protocol tcp", s -> s.path("protocol").asInt() == 6, true);
        assertFilter("protocol=17", "--protocol 17", s -> s.path("protocol").asInt() == 17, false);
        assertFilter("port=443", "--port 443",
                s -> s.path("serverPort").asInt() == 443 || s.path("clientPort").asInt() == 443, true);
        assertFilter("address=" + server, "--address " + server,
                s -> s.path("serverAddress").asText().equals(server)
                        || s.path("clientAddress").asText().equals(server), true);
        assertFilter("address=10.24.82.188", "--address 10.24.82.188",
                s -> s.path("clientAddress").asText().equals("10.24.82.188")
                        || s.path("serverAddress").asText().equals("10.24.82.188"), true);
        assertFilter("application=" + app, "--application " + app,
                s -> s.path("application").asText().equalsIgnoreCase(app), true);
        assertFilter("application=" + app.toLowerCase(), "--application " + app.toLowerCase(),
                s -> s.path("application").asText().equalsIgnoreCase(app), true);
        assertFilter("zone=untrust", "--zone untrust", s -> s.path("sourceZone").asText().equals("untrust")
                || s.path("destinationZone").asText().equals("untrust"), true);
        assertFilter("zone=no-such-zone", "--zone no-such-zone", s -> false, false);
        assertFilter("protocol=tcp&port=443&zone=untrust", "--protocol tcp --port 443 --zone untrust",
                s -> s.path("protocol").asInt() == 6
                        && (s.path("serverPort").asInt() == 443 || s.path("clientPort").asInt() == 443), true);

        // Heaviest first: the same five sessions over HTTP and from the command, bytes never increasing.
        JsonNode heaviest = get("/onos/apptrack/v1/sessions?sort=bytes&limit=5");
        Set<Long> heaviestIds = new HashSet<>();
        long previous = Long.MAX_VALUE;
        for (JsonNode h : heaviest.path("sessions")) {
            long bytes = h.path("bytesFromClient").asLong() + h.path("bytesFromServer").asLong();
            assertTrue(heaviest.toString(), bytes <= previous);
            previous = bytes;
            heaviestIds.add(h.path("sessionId").asLong());
        }
        assertEquals(Math.min(5, active), heaviestIds.size());
        assertEquals(heaviestIds, AppTrackIt.commandSessionIds(execute("apptrack:sessions --sort bytes --limit 5")));

        // One session, by id; an absent one; a bad id; a bad filter.
        long id = first.path("sessionId").asLong();
        assertEquals(first, get("/onos/apptrack/v1/sessions/" + id));
        AppTrackIt.Reply absent = http("GET", "/onos/apptrack/v1/sessions/4294967295");
        assertEquals(absent.toString(), 404, absent.status);
        assertEquals(404, absent.json.path("code").asInt());
        AppTrackIt.Reply badId = http("GET", "/onos/apptrack/v1/sessions/abc");
        assertEquals(badId.toString(), 400, badId.status);
        assertEquals("id", badId.json.path("parameter").asText());

        // The command's options in the container: one session's detail; a bad id refused, nothing closed.
        String detail = execute("apptrack:sessions --detail " + id);
        assertTrue(detail, detail.matches("(?s).*Session id: +" + id + "\\R.*"));
        String refused = KarafShell.failure(sessionFactory, "apptrack:clear-sessions --session-id -5").getMessage();
        assertTrue(refused, refused.startsWith("Invalid filter: id: out of range"));
        assertEquals(active, get("/onos/apptrack/v1/counters").path("activeSessions").asLong());

        // Closing some: one session by id over HTTP, then the UDP ones with the command's filter.
        long cliBefore = counters.path("closedByReason").path("CLI").asLong();
        long closedBefore = counters.path("sessionsClosed").asLong();
        AppTrackIt.Reply closedOne = http("DELETE", "/onos/apptrack/v1/sessions/" + id);
        assertEquals(closedOne.toString(), 200, closedOne.status);
        assertEquals(1, closedOne.json.path("closed").asLong());
        assertEquals(404, http("GET", "/onos/apptrack/v1/sessions/" + id).status);
        assertEquals(404, http("DELETE", "/onos/apptrack/v1/sessions/" + id).status);
        long udp = get("/onos/apptrack/v1/sessions?protocol=udp&limit=1000000").path("count").asLong();
        String clearedUdp = execute("apptrack:clear-sessions --protocol udp");
        assertTrue(clearedUdp, clearedUdp.contains("Closed " + udp + " session(s)."));
        assertEquals(0, get("/onos/apptrack/v1/sessions?protocol=udp").path("count").asInt());
        assertEquals(active - 1 - udp, get("/onos/apptrack/v1/counters").path("activeSessions").asLong());

        // DELETE without filters closes every other session with reason CLI; the counters show all
        // of them, HTTP and command alike.
        AppTrackIt.Reply cleared = http("DELETE", "/onos/apptrack/v1/sessions");
        assertEquals(cleared.toString(), 200, cleared.status);
        assertEquals(active - 1 - udp, cleared.json.path("closed").asLong());
        JsonNode after = get("/onos/apptrack/v1/counters");
        assertCountersAreTheCommands(after);
        assertEquals(0, after.path("activeSessions").asLong());
        assertEquals(cliBefore + active, after.path("closedByReason").path("CLI").asLong());
        assertEquals(closedBefore + active, after.path("sessionsClosed").asLong());
        assertEquals(after.path("sessionsCreated").asLong(), after.path("sessionsClosed").asLong());
        String command = execute("apptrack:counters");
        assertTrue(command, command.matches("(?s).*closed: CLI\\s+" + String.format("%,d", cliBefore + active)
                + "\\b.*"));
        assertEquals(0, get("/onos/apptrack/v1/sessions").path("count").asInt());
        assertEquals(0, commandSessionsShown(execute("apptrack:sessions")));
    }

    /** Standalone, outside ONOS: offload mode says it cannot run, in the console and over REST alike. */
    @Test
    public void offloadModeIsUnavailableOutsideOnos() throws Exception {
        String command = execute("apptrack:offload");
        assertTrue(command, command.startsWith("Offload mode: unavailable"));
        JsonNode json = get("/onos/apptrack/v1/offload");
        assertFalse(json.toString(), json.path("available").asBoolean(true));
        assertFalse(json.toString(), json.path("enabled").asBoolean(true));
        assertEquals(json.toString(), 0, json.path("counters").path("rulesInstalled").asLong(-1));
    }

    @Test
    public void badParametersAre400NamingTheParameter() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("port=http", "port");
        bad.put("port=65536", "port");
        bad.put("protocol=sctpish", "protocol");
        bad.put("address=not-an-address", "address");
        bad.put("limit=0", "limit");
        bad.put("limit=many", "limit");
        bad.put("zone=", "zone");
        bad.put("protcol=tcp", "protcol");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            AppTrackIt.Reply r = http("GET", "/onos/apptrack/v1/sessions?" + e.getKey());
            assertEquals(e.getKey() + ": " + r, 400, r.status);
            assertEquals(e.getKey() + ": " + r, e.getValue(), r.json.path("parameter").asText());
            assertTrue(e.getKey() + ": " + r, r.json.path("message").asText().startsWith(e.getValue() + ": "));
        }
        AppTrackIt.Reply limited = http("DELETE", "/onos/apptrack/v1/sessions?limit=5");
        assertEquals(limited.toString(), 400, limited.status);
        assertEquals("limit", limited.json.path("parameter").asText());
        AppTrackIt.Reply badId = http("DELETE", "/onos/apptrack/v1/sessions/abc");
        assertEquals(badId.toString(), 400, badId.status);
    }

    private void assertCountersAreTheCommands(JsonNode json) throws Exception {
        Map<String, Long> rows = commandCounters(execute("apptrack:counters"));
        for (Map.Entry<String, String> e : COUNTER_ROWS.entrySet()) {
            assertEquals(e.getKey() + " in " + rows + " vs " + json, rows.get(e.getKey()),
                    (Long) json.path(e.getValue()).asLong());
        }
        // The command shows the reasons and causes that are not zero; HTTP shows them all.
        assertNonZeroRows(rows, "closed: ", json.path("closedByReason"));
        assertNonZeroRows(rows, "malformed: ", json.path("malformedByCause"));
    }

    private static void assertNonZeroRows(Map<String, Long> rows, String prefix, JsonNode map) {
        Map<String, Long> fromCommand = new HashMap<>();
        rows.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                fromCommand.put(k.substring(prefix.length()), v);
            }
        });
        Map<String, Long> fromJson = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().asLong() > 0) {
                fromJson.put(e.getKey(), e.getValue().asLong());
            }
        }
        assertEquals(prefix, fromCommand, fromJson);
    }

    private void assertFilter(String query, String options, Predicate<JsonNode> matches, boolean nonEmpty)
            throws Exception {
        JsonNode r = get("/onos/apptrack/v1/sessions?limit=1000&" + query);
        Set<Long> command = commandSessionIds(execute("apptrack:sessions --limit 1000 " + options));
        assertEquals(query, command, ids(r));
        assertEquals(query, r.path("count").asInt(), r.path("sessions").size());
        if (nonEmpty) {
            assertTrue(query + " selects sessions", r.path("count").asInt() > 0);
        }
        for (JsonNode s : r.path("sessions")) {
            assertTrue(query + ": " + s, matches.test(s));
        }
    }

    /** Each TCP session's per-direction packets and layer-3 bytes are tshark's for that 5-tuple. */
    private static void assertCountsAreTsharks(JsonNode sessions, Path capture) throws Exception {
        Map<String, long[]> perDirection = new HashMap<>();
        for (String line : run("tshark", "-n", "-r", capture.toString(), "-Y", "tcp", "-T", "fields",
                "-E", "separator=,", "-e", "ip.src", "-e", "tcp.srcport", "-e", "ip.dst", "-e", "tcp.dstport",
                "-e", "ip.len").split("\n")) {
            String[] f = line.split(",", -1);
            if (f.length != 5 || f[4].isEmpty() || !Character.isDigit(f[0].charAt(0))) {
                continue;
            }
            long[] c = perDirection.computeIfAbsent(f[0] + "/" + f[1] + ">" + f[2] + "/" + f[3], k -> new long[2]);
            c[0]++;
            c[1] += Long.parseLong(f[4]);
        }
        int compared = 0;
        for (JsonNode s : sessions.path("sessions")) {
            if (s.path("protocol").asInt() != 6) {
                continue;
            }
            String c = s.path("clientAddress").asText() + "/" + s.path("clientPort").asInt();
            String v = s.path("serverAddress").asText() + "/" + s.path("serverPort").asInt();
            long[] up = perDirection.getOrDefault(c + ">" + v, new long[2]);
            long[] down = perDirection.getOrDefault(v + ">" + c, new long[2]);
            assertEquals(s.toString(), up[0], s.path("packetsFromClient").asLong());
            assertEquals(s.toString(), up[1], s.path("bytesFromClient").asLong());
            assertEquals(s.toString(), down[0], s.path("packetsFromServer").asLong());
            assertEquals(s.toString(), down[1], s.path("bytesFromServer").asLong());
            compared++;
        }
        assertTrue("TCP sessions compared with tshark: " + compared, compared > 0);
    }

    private static long tsharkFrameCount(Path capture) throws Exception {
        return run("tshark", "-n", "-r", capture.toString(), "-T", "fields", "-e", "frame.number").lines()
                .filter(l -> !l.isBlank() && Character.isDigit(l.charAt(0))).count();
    }

    private static Set<Long> ids(JsonNode list) {
        Set<Long> ids = new HashSet<>();
        list.path("sessions").forEach(s -> ids.add(s.path("sessionId").asLong()));
        return ids;
    }

    private String execute(String command) throws Exception {
        return KarafShell.execute(sessionFactory, command);
    }
}
