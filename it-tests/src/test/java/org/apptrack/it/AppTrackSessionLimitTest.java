package org.apptrack.it;

import static org.apptrack.it.AppTrackIt.commandCounters;
import static org.apptrack.it.AppTrackIt.get;
import static org.apptrack.it.AppTrackIt.run;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The session limit ({@code maxSessions}) in the distribution: a real capture with more flows
 * than the limit is replayed; exactly {@code maxSessions} sessions are open and the refusals are
 * exactly those an independent count from tshark's dissection predicts; nothing fails and the
 * container stays healthy. An invalid limit is refused naming {@code maxSessions} in the log, and
 * the limit in force stays the previous one.
 *
 * <p>The count: AppTrack refuses a session creation, and counts one refusal, for every packet
 * that would create a session while the table is full: so the refusals are the packets (not the
 * flows) of the flows that found the table full, except those that never create a session (a TCP
 * RST without a session). This is exact only while no admitted session closes during the replay
 * (which would make room): the test checks that none closed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AppTrackSessionLimitTest {

    /**
     * 36 TCP flows (Kerberos, LDAP, SMB, DCE-RPC between two hosts in 172.16/12, zone trust),
     * 77 packets in 22 s, all picked up mid-stream: no SYN, FIN or RST, so no session closes
     * during the replay.
     */
    private static final String CAPTURE = "kerberos.pcap";

    @Inject
    private CaptureService captureService;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private BundleContext bundleContext;

    @Configuration
    public Option[] config() {
        return KarafDistribution.boot(KarafDistribution.freePort());
    }

    /** What tshark's dissection predicts for a table of {@code limit} sessions. */
    private static final class Expected {
        int flows;
        int admitted;
        int flowsRefused;
        long refusals;

        @Override
        public String toString() {
            return flows + " flows, " + admitted + " admitted, " + flowsRefused + " refused in " + refusals
                    + " creation attempts";
        }
    }

    @Test
    public void theLimitHoldsRefusalsAreCountedExactlyAndAnInvalidLimitIsRefused() throws Exception {
        Path capture = AppTrackIt.ndpiCapture(CAPTURE);
        Prerequisite.optional("nDPI capture " + capture, Files.isRegularFile(capture));
        Prerequisite.require("tshark and editcap", AppTrackIt.wiresharkToolsInstalled());
        Path replayed = AppTrackIt.shiftedToTheFuture(capture, Files.createTempDirectory("apptrack-limit"));
        List<String[]> packets = dissect(replayed);
        Expected at10 = expect(packets, 10);
        assertEquals(at10.toString(), 36, at10.flows);
        assertEquals(at10.toString(), 10, at10.admitted);
        assertTrue(at10.toString(), at10.flowsRefused > 0 && at10.refusals >= at10.flowsRefused);

        // maxSessions 10: a new table of 10 (the counters start again from zero).
        AppTrackIt.configure(configAdmin, bundleContext, Map.of("maxSessions", "10"));
        replay(replayed);
        JsonNode c = get("/onos/apptrack/v1/counters");
        assertEquals(c.toString(), packets.size(), c.path("frames").asLong());
        assertEquals(c.toString(), 10, c.path("activeSessions").asLong());
        assertEquals(c.toString(), 10, c.path("sessionsCreated").asLong());
        assertEquals(c.toString(), 0, c.path("sessionsClosed").asLong()); // so the prediction is exact
        assertEquals(c.toString() + " vs " + at10, at10.refusals, c.path("refusedSessions").asLong());
        assertNoErrors(c);
        assertEquals(10, get("/onos/apptrack/v1/sessions?limit=1000").path("count").asInt());
        Map<String, Long> rows = commandCounters(execute("apptrack:counters"));
        assertEquals(rows.toString(), (Long) 10L, rows.get("Active sessions"));
        assertEquals(rows.toString(), (Long) at10.refusals, rows.get("Sessions refused (session limit)"));
        assertHealthy();

        // Invalid limits: refused, naming maxSessions; the limit of 10 and its sessions stay.
        for (String invalid : new String[] {"0", "abc"}) {
            AppTrackIt.configure(configAdmin, bundleContext, Map.of("maxSessions", invalid));
            String why = invalid.equals("0") ? "maxSessions: out of range 1..64000000: 0"
                    : "maxSessions: not a number: abc";
            List<String> logged = AppTrackIt.karafLogLines(why);
            assertTrue("karaf.log names " + why, !logged.isEmpty());
            for (String line : logged) {
                assertTrue(line, line.contains("ERROR")
                        && line.contains("AppTrack configuration rejected, the previous one stays in force"));
            }
            // Not rebuilt: a table of another size would have started again from zero.
            JsonNode same = get("/onos/apptrack/v1/counters");
            assertEquals(same.toString(), 10, same.path("activeSessions").asLong());
            assertEquals(same.toString(), at10.refusals, same.path("refusedSessions").asLong());
            assertEquals(same.toString(), 0, same.path("sessionsClosed").asLong());
        }
        // ... and still enforced: the same flows again, the 10 sessions take their packets, the others are refused again.
        replay(replayed);
        JsonNode again = get("/onos/apptrack/v1/counters");
        assertEquals(again.toString(), 10, again.path("activeSessions").asLong());
        assertEquals(again.toString(), 10, again.path("sessionsCreated").asLong());
        assertEquals(again.toString(), 2 * at10.refusals, again.path("refusedSessions").asLong());
        assertNoErrors(again);

        // A valid limit after the invalid ones applies: 20.
        Expected at20 = expect(packets, 20);
        AppTrackIt.configure(configAdmin, bundleContext, Map.of("maxSessions", "20"));
        JsonNode fresh = get("/onos/apptrack/v1/counters");
        assertEquals(fresh.toString(), 0, fresh.path("activeSessions").asLong());
        replay(replayed);
        JsonNode c20 = get("/onos/apptrack/v1/counters");
        assertEquals(c20.toString(), 20, c20.path("activeSessions").asLong());
        assertEquals(c20.toString(), 0, c20.path("sessionsClosed").asLong());
        assertEquals(c20.toString() + " vs " + at20, at20.refusals, c20.path("refusedSessions").asLong());
        assertNoErrors(c20);
        assertHealthy();
        System.out.println("session limit 10: " + at10 + "; 20: " + at20);
    }

    private void replay(Path file) throws Exception {
        CaptureSourceStatus done = captureService.replay(file, false, null);
        assertEquals(done.toString(), CaptureSourceStatus.State.FINISHED, done.state());
    }

    private static void assertNoErrors(JsonNode counters) {
        assertEquals(counters.toString(), 0, counters.path("failedMessages").asLong());
        assertEquals(counters.toString(), 0, counters.path("malformedFrames").asLong());
        assertEquals(counters.toString(), 0, counters.path("notIpFrames").asLong());
    }

    /** Every bundle active (fragments resolved), the commands and the REST resources answer. */
    private void assertHealthy() throws Exception {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            int want = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != want) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
        String sessions = execute("apptrack:sessions --limit 1");
        assertTrue(sessions, sessions.contains("session(s) shown"));
        assertEquals(200, AppTrackIt.http("GET", "/onos/apptrack/v1/log-streams").status);
    }

    // ------------------------------------------------------------------ the independent count

    private static final String[] FIELDS = {"ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "ip.proto", "ipv6.nxt",
        "tcp.srcport", "tcp.dstport", "udp.srcport", "udp.dstport", "tcp.flags.reset", "ip.frag_offset",
        "ip.flags.mf"};

    /** One row of fields per frame, in capture order. */
    private static List<String[]> dissect(Path capture) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(),
                "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE", "-T", "fields",
                "-E", "separator=/t", "-E", "occurrence=f", "-e", "frame.number"));
        for (String f : FIELDS) {
            cmd.add("-e");
            cmd.add(f);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : run(cmd.toArray(new String[0])).split("\n")) {
            if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                rows.add(java.util.Arrays.copyOfRange(line.split("\t", -1), 1, FIELDS.length + 1));
            }
        }
        return rows;
    }

    /**
     * Sessions keyed by protocol and the unordered pair of endpoints; the first {@code limit}
     * flows to arrive get one, every later packet of another flow is a refused creation, except a
     * TCP RST (no session is created for it). Only TCP and UDP without fragments are modelled:
     * anything else in the capture fails the test rather than be guessed.
     */
    private static Expected expect(List<String[]> packets, int limit) {
        Set<String> flows = new HashSet<>();
        Set<String> table = new HashSet<>();
        Set<String> refusedFlows = new HashSet<>();
        Expected e = new Expected();
        for (String[] f : packets) {
            String src = !f[0].isEmpty() ? f[0] : f[2];
            String dst = !f[1].isEmpty() ? f[1] : f[3];
            String proto = !f[4].isEmpty() ? f[4] : f[5];
            assertTrue("only TCP and UDP are modelled: " + String.join(",", f),
                    proto.equals("6") || proto.equals("17"));
            assertTrue("no fragments are modelled: " + String.join(",", f),
                    (f[11].isEmpty() || f[11].equals("0")) && !f[12].equals("1") && !f[12].equals("True"));
            String sp = proto.equals("6") ? f[6] : f[8];
            String dp = proto.equals("6") ? f[7] : f[9];
            String a = src + "/" + sp;
            String b = dst + "/" + dp;
            String key = proto + " " + (a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
            flows.add(key);
            if (table.contains(key)) {
                continue;
            }
            boolean rst = f[10].equals("1") || f[10].equals("True");
            if (proto.equals("6") && rst) {
                continue;
            }
            if (table.size() < limit) {
                table.add(key);
            } else {
                e.refusals++;
                refusedFlows.add(key);
            }
        }
        e.flows = flows.size();
        e.admitted = table.size();
        e.flowsRefused = refusedFlows.size();
        return e;
    }

    private String execute(String command) throws Exception {
        return KarafShell.execute(sessionFactory, command);
    }
}
