package org.apptrack.syslog.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager with real sockets and files on this machine (no mocks at the transport). */
class SecurityLogManagerTest {

    private static final Pattern DROPPED_RECORDS = Pattern.compile("dropped-records=\"(\\d+)\" ");

    @TempDir
    Path dir;

    private SecurityLogManager manager;

    @BeforeEach
    void start() {
        manager = new SecurityLogManager();
        manager.activate();
    }

    @AfterEach
    void stop() {
        manager.deactivate();
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static LogRecord record(int i) {
        return LogRecord.builder("APPTRACK_SESSION_CLOSE").time(1_600_000_000_000L).field("reason", "TCP FIN")
                .field("session-id-32", i).build();
    }

    private LogStreamStatus status(String name) {
        return manager.stream(name).orElseThrow();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Reads one RFC 6587 octet-counted frame. */
    private static String readFrame(DataInputStream in) throws IOException {
        StringBuilder len = new StringBuilder();
        for (int c; (c = in.read()) != ' '; ) {
            if (c < 0) {
                throw new IOException("end of stream");
            }
            len.append((char) c);
        }
        byte[] msg = new byte[Integer.parseInt(len.toString())];
        in.readFully(msg);
        return new String(msg, StandardCharsets.UTF_8);
    }

    @Test
    void tcpDeliversOctetCountedFramesInOrder() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            manager.apply("p1", props("name", "siem", "transport", "tcp", "host", "127.0.0.1",
                    "port", server.getLocalPort(), "hostname", "fw1"));
            try (Socket s = server.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                for (int i = 0; i < 100; i++) {
                    manager.log(record(i));
                }
                for (int i = 0; i < 100; i++) {
                    String frame = readFrame(in);
                    assertTrue(frame.startsWith("<14>1 2020-09-13T12:26:40.000Z fw1 RT_FLOW - APPTRACK_SESSION_CLOSE "
                            + "[junos@2636.1.1.1.2.129 reason=\"TCP FIN\" session-id-32=\"" + i + "\"]"), frame);
                }
                await(() -> status("siem").sent() == 100, "100 sent");
                assertEquals(LogStreamState.UP, status("siem").state());
                assertEquals(0, status("siem").dropped());
            }
        }
    }

    @Test
    void receiverDownKeepsWhatTheQueueHoldsCountsTheRestAndResumes() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        manager.apply("p1", props("name", "down", "transport", "tcp", "host", "127.0.0.1", "port", port,
                "queueCapacity", "10", "reconnectMinMillis", "20", "reconnectMaxMillis", "50", "framing", "newline"));
        for (int i = 0; i < 25; i++) {
            manager.log(record(i));
        }
        LogStreamStatus down = status("down");
        assertEquals(10, down.queued());
        assertEquals(15, down.dropped());
        assertEquals(10, down.queueDepth());
        await(() -> status("down").reconnects() >= 2, "reconnect attempts");
        assertEquals(LogStreamState.CONNECTING, status("down").state());
        assertTrue(status("down").errors() >= 1);
        assertTrue(status("down").lastError() != null);

        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            try (Socket s = server.accept()) {
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                for (int i = 0; i < 10; i++) {
                    assertTrue(in.readLine().contains("session-id-32=\"" + i + "\""));
                }
                await(() -> status("down").sent() == 10, "queued records sent after reconnect");
                assertEquals(LogStreamState.UP, status("down").state());
                manager.log(record(99));
                assertTrue(in.readLine().contains("session-id-32=\"99\""));
            }
        }
    }

    @Test
    void receiverRestartMidStreamIsNoticedAndDeliveryResumes() throws Exception {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        int port = server.getLocalPort();
        manager.apply("p1", props("name", "r", "transport", "tcp", "host", "127.0.0.1", "port", port,
                "reconnectMinMillis", "20", "reconnectMaxMillis", "40"));
        Socket s = server.accept();
        manager.log(record(1));
        assertTrue(readFrame(new DataInputStream(s.getInputStream())).contains("session-id-32=\"1\""));
        s.close();
        server.close();
        await(() -> status("r").state() == LogStreamState.CONNECTING, "connection loss noticed");
        manager.log(record(2));
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            try (Socket s2 = again.accept()) {
                assertTrue(readFrame(new DataInputStream(s2.getInputStream())).contains("session-id-32=\"2\""));
            }
        }
        assertTrue(status("r").reconnects() >= 1);
        assertEquals(0, status("r").dropped());
    }

    @Test
    void udpSendsOneMessagePerDatagram() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            manager.apply("p1", props("name", "u", "host", "127.0.0.1", "port", socket.getLocalPort(),
                    "format", "syslog", "hostname", "fw"));
            manager.log(LogRecord.builder("APPTRACK_SESSION_CREATE").time(1_600_000_000_000L).body("created").build());
            DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
            socket.receive(p);
            assertEquals("<14>Sep 13 12:26:40 fw RT_FLOW: APPTRACK_SESSION_CREATE: created",
                    new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            await(() -> status("u").sent() == 1, "sent counted");
        }
    }

    @Test
    void fileStreamWritesLinesAndRotates() throws Exception {
        Path file = dir.resolve("logs/security.log");
        manager.apply("p1", props("name", "f", "transport", "file", "filePath", file.toString(),
                "fileMaxBytes", "4096", "fileMaxFiles", "2", "hostname", "fw"));
        for (int i = 0; i < 200; i++) {
            manager.log(record(i));
        }
        await(() -> status("f").sent() == 200, "200 written");
        manager.remove("p1");
        List<String> lines = new ArrayList<>();
        for (Path p : new Path[] {dir.resolve("logs/security.log.2"), dir.resolve("logs/security.log.1"), file}) {
            if (Files.exists(p)) {
                assertTrue(Files.size(p) <= 4096, p + " exceeds the rotation size");
                lines.addAll(Files.readAllLines(p));
            }
        }
        assertFalse(Files.exists(dir.resolve("logs/security.log.3")), "keeps only fileMaxFiles rotated files");
        // The newest records survive rotation, in order, one per line.
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("session-id-32=\"199\""), last);
        for (int i = 1; i < lines.size(); i++) {
            int prev = Integer.parseInt(lines.get(i - 1).replaceAll(".*session-id-32=\"(\\d+)\".*", "$1"));
            int cur = Integer.parseInt(lines.get(i).replaceAll(".*session-id-32=\"(\\d+)\".*", "$1"));
            assertEquals(prev + 1, cur);
        }
    }

    @Test
    void invalidNewConfigurationIsRejectedNamingTheFieldAndOthersRun() throws Exception {
        Path file = dir.resolve("ok.log");
        manager.apply("ok", props("name", "ok", "transport", "file", "filePath", file.toString()));
        manager.apply("bad", props("name", "bad", "transport", "tcp", "host", "127.0.0.1", "port", "99999"));
        LogStreamStatus bad = status("bad");
        assertEquals(LogStreamState.REJECTED, bad.state());
        assertTrue(bad.configError().startsWith("port: "), bad.configError());
        assertFalse(manager.log("bad", record(1)));
        manager.log(record(1));
        await(() -> status("ok").sent() == 1, "other stream unaffected");
        assertEquals(0, status("bad").queued());
    }

    @Test
    void invalidUpdateKeepsThePreviousConfigurationInForce() throws Exception {
        Path file = dir.resolve("keep.log");
        manager.apply("p", props("name", "keep", "transport", "file", "filePath", file.toString()));
        manager.apply("p", props("name", "keep", "transport", "file", "filePath", file.toString(),
                "format", "leef"));
        await(() -> status("keep").state() == LogStreamState.UP, "previous stream still up");
        LogStreamStatus s = status("keep");
        assertTrue(s.configError().contains("format: unknown format 'leef'"), s.configError());
        manager.log(record(7));
        await(() -> status("keep").sent() == 1, "still delivering with the previous configuration");
        // A valid update replaces it and clears the error.
        manager.apply("p", props("name", "keep", "transport", "file", "filePath", file.toString(), "format", "syslog"));
        assertNull(status("keep").configError());
        assertEquals("syslog", status("keep").format());
    }

    @Test
    void aRateLimitedFileStreamWritesWhatTheLimitLetsThroughAndItsSummary() throws Exception {
        Path file = dir.resolve("limited.log");
        manager.apply("p", props("name", "limited", "transport", "file", "filePath", file.toString(),
                "rateLimit", "100", "rateLimitSummarySeconds", "1"));
        long start = System.nanoTime();
        for (int i = 0; i < 5000; i++) {
            manager.log(record(i));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LogStreamStatus s = status("limited");
        assertEquals(5000, s.queued() + s.rateLimited(), "each record either queued or refused by the limit");
        assertEquals(0, s.dropped());
        assertTrue(s.queued() >= 100 && s.queued() <= 100 + 100 * seconds + 1,
                s.queued() + " passed in " + seconds + " s");
        long refused = s.rateLimited();
        // The summaries come from the timer (no record follows the burst), one per interval with
        // drops; the burst may straddle two intervals.
        await(() -> summedDrops(file) == refused, "summaries reporting all " + refused + " refused records");
        String summary = Files.readAllLines(file).stream().filter(l -> l.contains("APPTRACK_LOG_RATE_LIMITED"))
                .findFirst().orElseThrow();
        assertTrue(summary.matches("<12>1 \\S+ \\S+ RT_FLOW - APPTRACK_LOG_RATE_LIMITED \\[junos@2636\\.1\\.1\\.1\\.2\\.129 "
                + "stream-name=\"limited\" dropped-records=\"\\d+\" interval=\"1\" rate-limit=\"100\"\\]"), summary);
        long summaries = Files.readAllLines(file).stream().filter(l -> l.contains("APPTRACK_LOG_RATE_LIMITED")).count();
        await(() -> status("limited").sent() == s.queued() + summaries, "records and summaries counted as sent");
    }

    private static long summedDrops(Path file) {
        try {
            long sum = 0;
            for (String line : Files.readAllLines(file)) {
                Matcher m = DROPPED_RECORDS.matcher(line);
                if (line.contains("APPTRACK_LOG_RATE_LIMITED") && m.find()) {
                    sum += Long.parseLong(m.group(1));
                }
            }
            return sum;
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void anInvalidRateLimitKeepsThePreviousLimitInForce() {
        Path file = dir.resolve("limit.log");
        manager.apply("p", props("name", "lim", "transport", "file", "filePath", file.toString(), "rateLimit", "5"));
        manager.apply("p", props("name", "lim", "transport", "file", "filePath", file.toString(),
                "rateLimit", "1000001"));
        LogStreamStatus s = status("lim");
        assertTrue(s.state() != LogStreamState.REJECTED, s.toString());
        assertTrue(s.configError().contains("rateLimit: out of range 0..1000000: 1000001"), s.configError());
        assertEquals(5, s.rateLimit());
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            manager.log(record(i));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(status("lim").rateLimited() >= 20 - 5 - 5 * seconds - 1,
                "still limited to 5 per second: " + status("lim") + " after " + seconds + " s");
        manager.apply("p", props("name", "lim", "transport", "file", "filePath", file.toString(), "rateLimit", "0"));
        assertNull(status("lim").configError());
        assertEquals(0, status("lim").rateLimit());
    }

    @Test
    void streamNamesAreUniqueAndComeFromTheFileName() {
        manager.apply("org.apptrack.syslog.stream~siem", props("transport", "file", "filePath",
                dir.resolve("a.log").toString()));
        assertTrue(status("siem").configError() == null);
        manager.apply("org.apptrack.syslog.stream~other", props("name", "siem", "transport", "file", "filePath",
                dir.resolve("b.log").toString()));
        assertEquals(1, manager.streams().stream().filter(s -> s.state() != LogStreamState.REJECTED).count());
        assertTrue(manager.streams().get(1).configError().startsWith("name: "));
        assertEquals("x", SecurityLogManager.defaultName("org.apptrack.syslog.stream.1234",
                props("felix.fileinstall.filename", "file:/opt/etc/org.apptrack.syslog.stream-x.cfg")));
    }

    @Test
    void listenersSeeEveryRecordEvenWithoutStreams() {
        List<LogRecord> seen = new ArrayList<>();
        manager.addListener(seen::add);
        manager.addListener(r -> {
            throw new IllegalStateException("a failing listener must not stop the others");
        });
        manager.log(record(1));
        manager.log(record(2));
        assertEquals(List.of(record(1), record(2)), seen);
    }
}
