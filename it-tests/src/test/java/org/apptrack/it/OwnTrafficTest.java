package org.apptrack.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficService;
import org.apptrack.capture.api.CaptureService;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.testsupport.packets.CaptureFile;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.apptrack.testsupport.prereq.Host;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The product's own traffic in the distribution as shipped (live capture on {@code any}, session
 * create and close logged to the local file stream): a log stream whose receiver is dead, or
 * resets every connection, must not feed its own exports back as sessions. Without the
 * exclusion each exported datagram is captured, draws an ICMP port unreachable, its session
 * closes "ICMP error" and writes two more records, which are exported and captured in turn.
 * And where the capture is not ours (a replay, as in ONOS), AppTrack itself leaves it out.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OwnTrafficTest {

    private static final String OWN_FRAMES = "Frames of own traffic (not tracked)";
    /** Test records per second exported to the stream, and for how long. */
    private static final int RECORDS_PER_SECOND = 50;
    private static final int SECONDS = 6;
    /**
     * Session records the local file may get in a test from traffic that is not the stream's:
     * the capture on "any" also sees the other programs on this machine (a few dozen seen in a
     * test). The feedback loop writes tens of thousands within seconds, until every rotated
     * file is full.
     */
    private static final long BACKGROUND_RECORDS = 10_000;

    @Inject
    private CaptureService captureService;

    @Inject
    private SecurityLogService securityLog;

    @Inject
    private OwnTrafficService ownTraffic;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return KarafDistribution.boot(KarafDistribution.freePort());
    }

    @Test
    public void aUdpStreamToAClosedPortDoesNotFeedItsOwnRecordsBack() throws Exception {
        Prerequisite.require("root, for packet capture", Host.isRoot());
        int port = closedUdpPort();
        org.osgi.service.cm.Configuration stream = stream("it-own-udp", "udp", port, Map.of());
        org.osgi.service.cm.Configuration capture = configAdmin.getConfiguration("org.apptrack.capture", "?");
        try {
            Outcome o = exportWhileCapturing(capture, "it-own-udp", port);
            LogStreamStatus status = securityLog.stream("it-own-udp").orElseThrow();
            assertTrue("the test records left: " + status.sent(), status.sent() >= RECORDS_PER_SECOND * SECONDS);
            o.assertQuiet();
            assertTrue(o.filter, o.filter.contains("(udp and ((src host 127.0.0.1 and src port " + port + " and "));
            assertTrue(o.statusCommand, o.statusCommand.contains("live: filter: not (")
                    && o.statusCommand.contains("dst host 127.0.0.1 and dst port " + port + " and "));
        } finally {
            stopCapture(capture);
            stream.delete();
        }
    }

    @Test
    public void aTcpStreamWhoseReceiverResetsEveryConnectionStaysOutOfTheLog() throws Exception {
        Prerequisite.require("root, for packet capture", Host.isRoot());
        try (ServerSocket receiver = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger resets = new AtomicInteger();
            Thread resetter = new Thread(() -> resetEach(receiver, resets), "it-resetter");
            resetter.setDaemon(true);
            resetter.start();
            int port = receiver.getLocalPort();
            org.osgi.service.cm.Configuration stream = stream("it-own-tcp", "tcp", port,
                    Map.of("reconnectMinMillis", "100", "reconnectMaxMillis", "200"));
            org.osgi.service.cm.Configuration capture = configAdmin.getConfiguration("org.apptrack.capture", "?");
            try {
                Outcome o = exportWhileCapturing(capture, "it-own-tcp", port);
                LogStreamStatus status = securityLog.stream("it-own-tcp").orElseThrow();
                assertTrue("the stream reconnected " + status.reconnects() + " times, " + resets.get()
                        + " connections reset", status.reconnects() >= 10 && resets.get() >= 10);
                o.assertQuiet();
                assertTrue(o.filter, o.filter.contains("(tcp and ((src host 127.0.0.1 and src port " + port + " and "));
            } finally {
                stopCapture(capture);
                stream.delete();
            }
        }
    }

    @Test
    public void whereTheCaptureIsNotOursAppTrackLeavesOwnTrafficOut() throws Exception {
        int port = closedUdpPort();
        org.osgi.service.cm.Configuration stream = stream("it-own-replay", "udp", port, Map.of());
        Path dir = Files.createTempDirectory("apptrack-own");
        try {
            awaitRuleFor(port);
            // 20 datagrams of the stream and 3 of someone else's to the next port, as a capture file
            Path file = dir.resolve("own.pcap");
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                frames.add(loopbackUdp(41000 + i, port));
            }
            for (int i = 0; i < 3; i++) {
                frames.add(loopbackUdp(42000 + i, port + 1));
            }
            writePcap(file, frames);
            Map<String, Long> before = counters();
            CaptureSourceStatus done = captureService.replay(file, false, null);
            assertEquals(done.toString(), 23, done.frames());
            Map<String, Long> after = counters();
            assertEquals(after.toString(), 20, after.get(OWN_FRAMES) - before.get(OWN_FRAMES));
            assertEquals(after.toString(), 3, after.get("Sessions created") - before.get("Sessions created"));
            String sessions = KarafShell.execute(sessionFactory, "apptrack:sessions --port " + port);
            assertTrue(sessions, sessions.contains("0 session(s) shown"));
        } finally {
            stream.delete();
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    // ------------------------------------------------------------------ the scenario

    /** What a test run of the live scenario left behind. */
    private static final class Outcome {
        final int port;
        final List<String> sessionRecords;
        final long ownFramesSeenByAppTrack;
        final long sessionsCreated;
        final String filter;
        final String statusCommand;

        Outcome(int port, List<String> sessionRecords, long ownFramesSeenByAppTrack, long sessionsCreated,
                String filter, String statusCommand) {
            this.port = port;
            this.sessionRecords = sessionRecords;
            this.ownFramesSeenByAppTrack = ownFramesSeenByAppTrack;
            this.sessionsCreated = sessionsCreated;
            this.filter = filter;
            this.statusCommand = statusCommand;
        }

        void assertQuiet() {
            String portField = "-port=\"" + port + "\"";
            List<String> ofTheStream = new ArrayList<>();
            for (String r : sessionRecords) {
                if (r.contains("destination" + portField) || r.contains("source" + portField)) {
                    ofTheStream.add(r);
                }
            }
            System.err.println("own traffic test, port " + port + ": " + ofTheStream.size() + " session records of"
                    + " the stream, " + sessionRecords.size() + " session records in all, " + sessionsCreated
                    + " sessions created, " + ownFramesSeenByAppTrack + " own-traffic frames reached AppTrack");
            assertEquals(ofTheStream.size() + " session records of the stream's own traffic, e.g. "
                    + ofTheStream.subList(0, Math.min(2, ofTheStream.size())), 0, ofTheStream.size());
            assertTrue(sessionRecords.size() + " session records in the local file while the stream exported",
                    sessionRecords.size() < BACKGROUND_RECORDS);
            // the kernel filter kept them away: AppTrack's own check had nothing to do
            assertEquals(0, ownFramesSeenByAppTrack);
        }
    }

    /**
     * Live capture on every interface with the distribution's filter (none), then test records
     * to the stream for a few seconds; returns the session records the local file got meanwhile.
     */
    private Outcome exportWhileCapturing(org.osgi.service.cm.Configuration capture, String streamName, int port)
            throws Exception {
        Hashtable<String, Object> live = new Hashtable<>();
        live.put("source", "live");
        live.put("interfaces", "any");
        live.put("filter", "");
        capture.update(live);
        AppTrackIt.awaitLiveSource(captureService, CaptureSourceStatus.State.RUNNING);
        awaitFilterNaming(port); // checked below, after the records
        awaitNoSessionOn(port);
        Path log = Paths.get(System.getProperty("karaf.data"), "log", "apptrack-security.log");
        long start = Files.exists(log) ? Files.size(log) : 0;
        long startMillis = System.currentTimeMillis();
        Map<String, Long> before = counters();
        for (int i = 0; i < RECORDS_PER_SECOND * SECONDS; i++) {
            securityLog.log(streamName, LogRecord.builder("APPTRACK_LOG_TEST").field("stream-name", streamName)
                    .field("sequence", i).field("message", "own traffic").build());
            Thread.sleep(1000 / RECORDS_PER_SECOND);
        }
        Thread.sleep(2000); // sessions closed by ICMP errors or resets are logged at once
        Map<String, Long> after = counters();
        String filter = liveFilter();
        String status = KarafShell.execute(sessionFactory, "apptrack:capture-status");
        stopCapture(capture);
        return new Outcome(port, sessionRecordsSince(log, start, startMillis), after.get(OWN_FRAMES)
                - before.get(OWN_FRAMES), after.get("Sessions created") - before.get("Sessions created"), filter,
                status);
    }

    /**
     * The session records written after byte {@code start} of the file, or, when it was rotated
     * meanwhile, those of every file written since {@code startMillis} (what rotation kept).
     */
    private static List<String> sessionRecordsSince(Path log, long start, long startMillis) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            Path rotated = Paths.get(log + "." + i);
            if (Files.exists(rotated) && Files.getLastModifiedTime(rotated).toMillis() >= startMillis) {
                files.add(rotated);
            }
        }
        boolean rotated = !files.isEmpty() || Files.size(log) < start;
        files.add(log);
        List<String> records = new ArrayList<>();
        for (Path f : files) {
            byte[] all = Files.readAllBytes(f);
            int from = !rotated && f.equals(log) ? (int) start : 0;
            for (String line : new String(all, from, all.length - from, StandardCharsets.UTF_8).split("\n")) {
                if (line.contains(" APPTRACK_SESSION_")) {
                    records.add(line);
                }
            }
        }
        return records;
    }

    private void stopCapture(org.osgi.service.cm.Configuration capture) throws Exception {
        Hashtable<String, Object> none = new Hashtable<>();
        none.put("source", "none");
        capture.update(none);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (captureService.sources().stream().anyMatch(s -> s.kind().equals("live")
                && s.state() == CaptureSourceStatus.State.RUNNING)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("live capture did not stop: " + captureService.sources());
            }
            Thread.sleep(50);
        }
    }

    private String liveFilter() {
        return captureService.sources().stream().filter(s -> s.kind().equals("live")).map(CaptureSourceStatus::filter)
                .findFirst().orElse("");
    }

    /** Waits (10 s at most, the test checks it later) for the live filter to name the port. */
    private void awaitFilterNaming(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!liveFilter().contains(" port " + port + " ") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /**
     * Waits until AppTrack has no session of the stream: one opened before the own-traffic set
     * reached it closes then ("policy delete", logged), before the records are counted.
     */
    private void awaitNoSessionOn(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!KarafShell.execute(sessionFactory, "apptrack:sessions --port " + port).contains("0 session(s) shown")
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // the close record reaches the file stream's file
    }

    /** Waits until the own-traffic set names the stream's receiver port. */
    private void awaitRuleFor(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ownTraffic.ownTraffic().rules().stream().noneMatch(r -> r.port() == port)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no own-traffic rule for port " + port + ": " + ownTraffic.ownTraffic());
            }
            Thread.sleep(50);
        }
        OwnTrafficRule rule = ownTraffic.ownTraffic().rules().stream().filter(r -> r.port() == port).findFirst()
                .orElseThrow();
        assertEquals(OwnTrafficRule.Protocol.UDP, rule.protocol());
        assertEquals(List.of(InetAddress.getLoopbackAddress()), rule.addresses());
    }

    private Map<String, Long> counters() throws Exception {
        Map<String, Long> c = AppTrackIt.commandCounters(KarafShell.execute(sessionFactory, "apptrack:counters"));
        assertTrue(c.toString(), c.containsKey(OWN_FRAMES) && c.containsKey("Sessions created"));
        return c;
    }

    /** A security-log stream to 127.0.0.1:{@code port}, UP; the caller deletes its configuration. */
    private org.osgi.service.cm.Configuration stream(String name, String transport, int port,
                                                     Map<String, String> extra) throws Exception {
        org.osgi.service.cm.Configuration c = configAdmin.getFactoryConfiguration("org.apptrack.syslog.stream",
                name, "?");
        Hashtable<String, Object> props = new Hashtable<String, Object>(extra);
        props.put("transport", transport);
        props.put("host", "127.0.0.1");
        props.put("port", Integer.toString(port));
        c.update(props);
        if (transport.equals("udp")) {
            AppTrackIt.awaitStreamUp(securityLog, name);
        }
        return c;
    }

    private static int closedUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Accepts each connection and resets it at once (SO_LINGER 0: close sends a RST). */
    private static void resetEach(ServerSocket server, AtomicInteger resets) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setSoLinger(true, 0);
                s.close();
                resets.incrementAndGet();
            } catch (IOException e) {
                // the server closing
            }
        }
    }

    // ------------------------------------------------------------------ capture file

    /** Ethernet / IPv4 / UDP, 127.0.0.1:{@code sport} -> 127.0.0.1:{@code dport}, 16 bytes of payload. */
    private static byte[] loopbackUdp(int sport, int dport) {
        int loopback = Packets.ip4(127, 0, 0, 1);
        return Frames.udp(loopback, sport, loopback, dport, 16);
    }

    /** A microsecond pcap of Ethernet frames, one millisecond apart from now on. */
    private static void writePcap(Path file, List<byte[]> frames) throws IOException {
        CaptureFile pcap = CaptureFile.pcap(ByteOrder.LITTLE_ENDIAN, false, 65535, 1);
        long micros = System.currentTimeMillis() * 1000;
        for (byte[] f : frames) {
            micros += 1000;
            pcap.record(micros / 1_000_000, micros % 1_000_000, f, f.length);
        }
        Files.write(file, pcap.bytes());
    }
}
