package org.apptrack.capture.live;

import org.apptrack.testsupport.netns.NetnsBench;
import org.apptrack.testsupport.netns.Side;
import org.apptrack.testsupport.packets.Packets;
import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.apptrack.testsupport.process.CommandResult;
import org.apptrack.testsupport.process.Commands;
import org.apptrack.capture.frame.LinkType;
import org.apptrack.capture.live.LiveCaptureException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Live capture on the root-namespace end of a veth pair whose other end is in a test namespace,
 * compared with tcpdump + tshark recording the same traffic. Needs root, libpcap, ip, tcpdump,
 * tshark and ping (scripts/install-test-deps.sh installs them; {@link Prerequisites}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveCaptureTest {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private NetnsBench net;
    /** The root namespace's end of the veth pair, where the captures run. */
    private Side host;
    /** The test namespace, where the traffic comes from. */
    private Side ns;
    private HttpServer http;
    private DatagramResponder dns4;
    private DatagramResponder dns6;
    private int closedPort;

    @BeforeAll
    void setUp() throws IOException {
        Prerequisites.require("libpcap (apt-get install libpcap0.8)", Host.hasLibpcap());
        Prerequisites.require("root, for live capture", Host.isRoot());
        Prerequisites.requireCommands("ip", "tcpdump", "tshark", "ping", "bash");
        net = NetnsBench.rootAndNamespace();
        host = net.a();
        ns = net.b();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host.v4()), 0), 16);
        http.createContext("/", exchange -> {
            byte[] body = "hello from the root namespace\n".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        dns4 = new DatagramResponder(host.v4());
        dns6 = new DatagramResponder(host.v6());
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host.v4()))) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterAll
    void tearDown() {
        try {
            if (http != null) {
                http.stop(0);
            }
            if (dns4 != null) {
                dns4.close();
            }
            if (dns6 != null) {
                dns6.close();
            }
        } finally {
            if (net != null) {
                net.close();
            }
        }
    }

    @Test
    void mixedTrafficMatchesTcpdumpAndTshark(@TempDir Path dir) throws Exception {
        String filter = "host " + ns.v4() + " or host " + ns.v6();
        Path pcap = dir.resolve("reference.pcap");
        List<CapturedFrame> ours;
        LiveCapture.Stats stats;
        long tcpdumpDrops;
        long before;
        long after;
        try (Tcpdump tcpdump = Tcpdump.start(host.iface(), filter, pcap);
             LiveCapture capture = LiveCapture.open(host.iface(), 0, false, filter, 4 << 20)) {
            assertEquals(LinkType.ETHERNET, capture.linkType());
            assertTrue(capture.nanosecondTimestamps(), "libpcap 1.10 on Linux gives nanosecond timestamps");
            before = System.currentTimeMillis() * 1_000_000L;
            Reader reader = new Reader(capture);
            mixedTraffic();
            Commands.sleep(500);
            ours = reader.stop();
            after = System.currentTimeMillis() * 1_000_000L;
            stats = capture.stats();
            tcpdumpDrops = tcpdump.stop();
        }
        List<Tcpdump.Packet> reference = Tcpdump.tshark(pcap);

        assertEquals(0, tcpdumpDrops, "tcpdump dropped packets");
        assertEquals(0, stats.droppedByKernel(), stats.toString());
        Map<String, Integer> ourCounts = count(ours, f -> f.protocol);
        Map<String, Integer> referenceCounts = count(reference, p -> p.protocol);
        assertEquals(referenceCounts, ourCounts, "frames per protocol, tshark vs LiveCapture");
        assertEquals(reference.size(), ours.size(), "frame count");
        assertTrue(ourCounts.getOrDefault("ICMP", 0) >= 10, ourCounts.toString());
        assertTrue(ourCounts.getOrDefault("ICMPv6", 0) >= 6, ourCounts.toString());
        assertTrue(ourCounts.getOrDefault("TCP", 0) >= 10, ourCounts.toString()); // refused x2, HTTP
        assertTrue(ourCounts.getOrDefault("UDP", 0) >= 4, ourCounts.toString()); // DNS query + answer, v4 + v6
        assertEquals(stats.delivered(), ours.size(), stats.toString());
        assertTrue(stats.received() >= ours.size(), stats.toString());

        int sameTimestamp = 0;
        for (int i = 0; i < ours.size(); i++) {
            CapturedFrame f = ours.get(i);
            Tcpdump.Packet p = reference.get(i);
            assertEquals(p.protocol, f.protocol, "frame " + i);
            assertEquals(p.length, f.wireLength, "frame " + i);
            assertEquals(f.capturedLength, f.wireLength, "frame " + i + " is whole");
            assertTrue(f.timestampNanos >= before - 1_000_000_000L && f.timestampNanos <= after + 1_000_000_000L,
                    "timestamp " + f.timestampNanos + " outside [" + before + ", " + after + "]");
            assertTrue(Math.abs(f.timestampNanos - p.timestampNanos) < 1_000_000L,
                    "frame " + i + ": ours " + f.timestampNanos + " tcpdump " + p.timestampNanos);
            if (f.timestampNanos == p.timestampNanos) {
                sameTimestamp++;
            }
        }
        System.out.printf("mixed traffic: %d frames %s, %d with the same timestamp as tcpdump's, %s%n",
                ours.size(), ourCounts, sameTimestamp, stats);
        // both read the kernel's timestamp of the same packet: nanosecond-exact, not micro * 1000
        assertTrue(sameTimestamp >= ours.size() / 4, sameTimestamp + " of " + ours.size() + " exact");
        assertTrue(ours.stream().anyMatch(f -> f.timestampNanos % 1000 != 0), "nanosecond digits");
    }

    @Test
    void icmpFilterDeliversOnlyIcmp() throws Exception {
        List<CapturedFrame> frames;
        try (LiveCapture capture = LiveCapture.open(host.iface(), 0, false, "icmp", 0)) {
            Reader reader = new Reader(capture);
            ping(4, 5);
            refusedTcp(host.v4());
            ping(6, 3);
            httpGet();
            Commands.sleep(300);
            frames = reader.stop();
        }
        assertEquals(10, frames.size(), frames.toString());
        for (CapturedFrame f : frames) {
            assertEquals("ICMP", f.protocol);
            int icmpType = f.bytes[14 + (f.bytes[14] & 0x0f) * 4] & 0xff;
            assertTrue(icmpType == 8 || icmpType == 0, "echo request/reply, not " + icmpType);
        }
    }

    @Test
    void statsCountWhatWasCaptured() throws Exception {
        List<CapturedFrame> frames;
        LiveCapture.Stats live;
        LiveCapture capture = LiveCapture.open(host.iface(), 128, false, "icmp and host " + ns.v4(), 0);
        try {
            Reader reader = new Reader(capture);
            CommandResult r = ns.run(COMMAND_TIMEOUT, "ping", "-c", "50", "-i", "0.01", "-s", "1000", "-q",
                    host.v4());
            assertEquals(0, r.exit(), r.output());
            Commands.sleep(300);
            frames = reader.stop();
            live = capture.stats();
        } finally {
            capture.close();
        }
        assertEquals(100, frames.size());
        assertEquals(100, live.delivered(), live.toString());
        assertEquals(100, live.received(), live.toString());
        assertEquals(0, live.droppedByKernel(), live.toString());
        assertEquals(0, live.droppedByInterface(), live.toString());
        for (CapturedFrame f : frames) {
            assertEquals(128, f.capturedLength, "snap length");
            assertEquals(14 + 20 + 8 + 1000, f.wireLength, "wire length");
        }
        assertEquals(live.toString(), capture.stats().toString(), "final stats after close");
        assertEquals(-1, capture.dispatch((i, t, f, w) -> { }, 1), "dispatch after close");
    }

    @Test
    void anyDeviceGivesCookedFramesAsEthernetAndRefusesToSend() throws Exception {
        List<CapturedFrame> frames;
        try (LiveCapture capture = LiveCapture.open(LiveCapture.ANY, 0, false, "icmp and host " + ns.v4(), 0)) {
            assertTrue(capture.linkType() == LinkType.LINUX_SLL || capture.linkType() == LinkType.LINUX_SLL2,
                    capture.linkType().toString());
            Reader reader = new Reader(capture);
            ping(4, 3);
            Commands.sleep(300);
            frames = reader.stop();
            LiveCaptureException e = assertThrows(LiveCaptureException.class,
                    () -> capture.inject(ByteBuffer.wrap(new byte[60])));
            assertEquals(Reason.UNSUPPORTED_OPERATION, e.reason());
            assertTrue(e.getMessage().contains("'any'"), e.getMessage());
        }
        assertEquals(6, frames.size(), frames.toString());
        byte[] hostMac = host.mac();
        byte[] nsMac = ns.mac();
        for (CapturedFrame f : frames) {
            assertEquals("ICMP", f.protocol);
            assertEquals(f.capturedLength, f.wireLength);
            assertEquals(14 + 20 + 8 + 56, f.wireLength);
            byte[] source = Arrays.copyOfRange(f.bytes, 6, 12);
            assertTrue(Arrays.equals(source, hostMac) || Arrays.equals(source, nsMac),
                    "source MAC from the SLL header");
        }
    }

    @Test
    void injectedFrameIsSentOnTheWire() throws Exception {
        byte[] frame = Packets.ether(ns.mac(), host.mac(), Packets.ETHERTYPE_IPV4, Packets.withIpv4Checksum(
                Packets.ipv4(Packets.UDP, host.v4(), ns.v4(), Packets.udp(40000, 4242,
                        "injected by LiveCaptureTest".getBytes(StandardCharsets.US_ASCII)))));
        List<CapturedFrame> seen;
        try (LiveCapture watcher = LiveCapture.open(host.iface(), 0, false, "udp port 4242", 0);
             LiveCapture sender = LiveCapture.open(host.iface(), 0, false, "udp port 4242", 0)) {
            Reader reader = new Reader(watcher);
            ByteBuffer heap = ByteBuffer.wrap(frame);
            sender.inject(heap);
            assertFalse(heap.hasRemaining(), "position moved to the limit");
            ByteBuffer direct = ByteBuffer.allocateDirect(frame.length + 3);
            direct.put(new byte[3]).put(frame).flip().position(3);
            sender.inject(direct);
            Commands.sleep(300);
            seen = reader.stop();
        }
        assertEquals(2, seen.size(), seen.toString());
        for (CapturedFrame f : seen) {
            assertArrayEquals(frame, f.bytes);
        }
    }

    @Test
    void breakLoopAndCloseStopDispatch() throws Exception {
        LiveCapture capture = LiveCapture.open(host.iface(), 0, false, "icmp", 0);
        AtomicInteger frames = new AtomicInteger();
        int[] firstResult = new int[1];
        Thread pinger = new Thread(() -> {
            try {
                ns.run(COMMAND_TIMEOUT, "ping", "-c", "400", "-i", "0.01", "-q", host.v4());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        pinger.start();
        Commands.sleep(300);
        Thread reader = new Thread(() -> {
            try {
                firstResult[0] = capture.dispatch((i, t, f, w) -> frames.incrementAndGet(), 0);
                while (capture.dispatch((i, t, f, w) -> frames.incrementAndGet(), 0) >= 0) {
                    // until closed
                }
            } catch (LiveCaptureException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.start();
        Commands.sleep(500);
        long t0 = System.nanoTime();
        capture.breakLoop();
        Commands.sleep(300);
        int afterBreak = firstResult[0];
        assertTrue(afterBreak > 0, "the first dispatch returned after breakLoop with frames: " + afterBreak);
        capture.close();
        reader.join(2000);
        assertFalse(reader.isAlive(), "dispatch returns -1 after close");
        assertTrue(System.nanoTime() - t0 < 1_500_000_000L);
        assertTrue(capture.isClosed());
        assertTrue(capture.stats().delivered() >= afterBreak);
        pinger.join(10_000);
    }

    @Test
    void idleDispatchReturnsAfterTheReadTimeoutInBothModes() throws Exception {
        for (boolean immediate : new boolean[] {false, true}) {
            try (LiveCapture capture = LiveCapture.open(host.iface(), 0, false, "udp port 7", 0, immediate)) {
                long t0 = System.nanoTime();
                assertEquals(0, capture.dispatch((i, t, f, w) -> fail("no traffic expected"), 0));
                long millis = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(millis >= LiveCapture.READ_TIMEOUT_MILLIS / 2 && millis < 1000,
                        "immediate=" + immediate + ": returned after " + millis + " ms");
            }
        }
    }

    @Test
    void immediateModeDeliversEachPacketAtOnce() throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (LiveCapture capture = LiveCapture.open(host.iface(), 1518, false, "icmp", 0, true)) {
            Thread reader = new Thread(() -> {
                try {
                    while (capture.dispatch((i, ts, f, w) ->
                            latencies.add(System.currentTimeMillis() * 1_000_000L - ts), 0) >= 0) {
                        // until closed
                    }
                } catch (LiveCaptureException e) {
                    throw new UncheckedIOException(e);
                }
            });
            reader.start();
            ping(4, 4);
            Commands.sleep(200);
            capture.close();
            reader.join(2000);
        }
        assertEquals(8, latencies.size(), latencies.toString());
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        // batched mode would hold a lone packet for READ_TIMEOUT_MILLIS (100 ms)
        assertTrue(sorted.get(sorted.size() / 2) < 20_000_000L, "median delivery latency (ns) of " + sorted);
        assertTrue(sorted.get(sorted.size() - 1) < 1_000_000_000L, "max delivery latency (ns) of " + sorted);
    }

    @Test
    void nonexistentInterfaceIsNamed() {
        LiveCaptureException e = assertThrows(LiveCaptureException.class,
                () -> LiveCapture.open("nosuch" + host.iface(), 0, false, null, 0));
        assertEquals(Reason.NO_SUCH_DEVICE, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("'nosuch" + host.iface() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("No such device"), e.getMessage());
        assertTrue(e.getMessage().contains(host.iface()), "lists existing interfaces: " + e.getMessage());
    }

    @Test
    void invalidFilterReportsPcapError() {
        LiveCaptureException e = assertThrows(LiveCaptureException.class,
                () -> LiveCapture.open(host.iface(), 0, false, "tcp port 80 and (", 0));
        assertEquals(Reason.INVALID_FILTER, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("'" + host.iface() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("tcp port 80 and ("), e.getMessage());
        assertTrue(e.getMessage().contains("syntax error"), "pcap_geterr text: " + e.getMessage());

        LiveCaptureException unknown = assertThrows(LiveCaptureException.class,
                () -> LiveCapture.open(host.iface(), 0, false, "port frobnicate", 0));
        assertEquals(Reason.INVALID_FILTER, unknown.reason());
        assertTrue(unknown.getMessage().contains("frobnicate"), unknown.getMessage());
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertEquals(Reason.INVALID_ARGUMENT, assertThrows(LiveCaptureException.class,
                () -> LiveCapture.open(host.iface(), 300_000, false, null, 0)).reason());
        assertEquals(Reason.INVALID_ARGUMENT, assertThrows(LiveCaptureException.class,
                () -> LiveCapture.open(host.iface(), 0, false, null, -1)).reason());
        assertEquals(Reason.INVALID_ARGUMENT, assertThrows(LiveCaptureException.class,
                () -> LiveCapture.open(" ", 0, false, null, 0)).reason());
    }

    @Test
    void unprivilegedUserGetsPermissionMessage(@TempDir Path dir) throws Exception {
        assertTrue(Host.hasCommand("setpriv"), "setpriv (util-linux) is missing");
        CommandResult r = ChildJvm.runProbe(dir,
                List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all"),
                List.of(), host.iface());
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("FAILED PERMISSION_DENIED"), r.output());
        assertTrue(r.output().contains("'" + host.iface() + "'"), r.output());
        assertTrue(r.output().contains("Operation not permitted"), r.output());
        assertTrue(r.output().contains("CAP_NET_RAW") && r.output().contains("CAP_NET_ADMIN"), r.output());
    }

    @Test
    void libraryVersionIsReported() throws Exception {
        try (LiveCapture capture = LiveCapture.open(host.iface(), 0, false, null, 0)) {
            assertTrue(capture.libraryVersion().startsWith("libpcap version "), capture.libraryVersion());
            assertEquals(host.iface(), capture.interfaceName());
        }
    }

    // --- traffic ---

    private void mixedTraffic() throws IOException {
        ping(4, 5);
        ping(6, 3);
        refusedTcp(host.v4());
        refusedTcp(host.v6());
        httpGet();
        dnsQuery(host.v4(), dns4);
        dnsQuery(host.v6(), dns6);
    }

    private void ping(int version, int count) throws IOException {
        CommandResult r = ns.run(COMMAND_TIMEOUT, "ping", "-" + version, "-c", String.valueOf(count),
                "-i", "0.05", "-q", version == 4 ? host.v4() : host.v6());
        assertEquals(0, r.exit(), r.output());
    }

    private void refusedTcp(String address) throws IOException {
        CommandResult r = ns.run(COMMAND_TIMEOUT, "bash", "-c",
                "exec 3<>/dev/tcp/" + address + "/" + closedPort);
        assertTrue(r.exit() != 0 && r.output().contains("refused"), r.output());
    }

    private void httpGet() throws IOException {
        CommandResult r = ns.run(COMMAND_TIMEOUT, "bash", "-c",
                "exec 3<>/dev/tcp/" + host.v4() + "/" + http.getAddress().getPort()
                        + " && printf 'GET / HTTP/1.0\\r\\nHost: test\\r\\n\\r\\n' >&3 && cat <&3");
        assertTrue(r.output().contains("hello from the root namespace"), r.output());
    }

    private void dnsQuery(String address, DatagramResponder responder) throws IOException {
        int before = responder.answered.get();
        // a DNS query for example.com/A; the answer reaches a closed socket (ICMP port unreachable)
        CommandResult r = ns.run(COMMAND_TIMEOUT, "bash", "-c",
                "printf '\\x12\\x34\\x01\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x07example\\x03com\\x00"
                        + "\\x00\\x01\\x00\\x01' > /dev/udp/" + address + "/" + responder.port());
        assertEquals(0, r.exit(), r.output());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (responder.answered.get() == before && System.nanoTime() < deadline) {
            Commands.sleep(10);
        }
        assertTrue(responder.answered.get() > before, "DNS responder answered");
    }

    private static <T> Map<String, Integer> count(List<T> items, Function<T, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        for (T item : items) {
            counts.merge(key.apply(item), 1, Integer::sum);
        }
        return counts;
    }

    /** Reads a capture on its own thread, as a source would, until stopped. */
    static final class Reader {
        private final LiveCapture capture;
        private final List<CapturedFrame> frames = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;
        private volatile boolean stop;
        private volatile Throwable failure;

        Reader(LiveCapture capture) {
            this.capture = capture;
            this.thread = new Thread(this::run, "reader-" + capture.interfaceName());
            thread.start();
        }

        private void run() {
            try {
                while (!stop) {
                    if (capture.dispatch((index, ts, frame, wire) -> frames.add(new CapturedFrame(ts, frame, wire)),
                            0) < 0) {
                        return;
                    }
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        List<CapturedFrame> stop() throws InterruptedException {
            stop = true;
            capture.breakLoop();
            thread.join(5000);
            if (thread.isAlive()) {
                fail("reader did not stop");
            }
            if (failure != null) {
                throw new AssertionError("reader failed", failure);
            }
            synchronized (frames) {
                return new ArrayList<>(frames);
            }
        }
    }

    /** Answers every datagram with its first bytes and the DNS QR bit set. */
    static final class DatagramResponder implements AutoCloseable {
        final AtomicInteger answered = new AtomicInteger();
        private final DatagramSocket socket;
        private final Thread thread;

        DatagramResponder(String address) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
            socket.setSoTimeout(200);
            thread = new Thread(this::run, "udp-responder-" + address);
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void run() {
            byte[] buf = new byte[1500];
            while (!socket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(packet);
                    if (packet.getLength() >= 3) {
                        buf[2] |= (byte) 0x80;
                    }
                    socket.send(new DatagramPacket(buf, packet.getLength(), packet.getSocketAddress()));
                    answered.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // poll the closed flag
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            socket.close();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
