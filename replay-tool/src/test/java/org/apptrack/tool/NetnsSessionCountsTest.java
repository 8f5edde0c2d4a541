package org.apptrack.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apptrack.testsupport.files.TestFiles;
import org.apptrack.testsupport.netns.NetnsBench;
import org.apptrack.testsupport.netns.NetnsSettings;
import org.apptrack.testsupport.netns.Side;
import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.apptrack.testsupport.process.CommandResult;
import org.apptrack.testsupport.process.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-session packet and byte counts equal tshark's on a capture of real traffic that this test
 * makes itself: two fresh network namespaces joined by a veth pair, servers in one (an HTTP server
 * with a small page and a 4 MiB file, a UDP echo server and a DNS-like responder, IPv4 and IPv6),
 * clients in the other (HTTP GETs over IPv4 and IPv6, the 4 MiB download, UDP datagrams with
 * their echoes, DNS-like queries and answers, ICMP and ICMPv6 echo, TCP connections to a closed
 * port answered with RST, a UDP datagram to a closed port answered with ICMP port unreachable).
 * tcpdump captures on the server's veth inside its namespace (so nothing else is on the wire),
 * then the capture is replayed through the engine and compared with tshark
 * ({@link TsharkSessionCounts}).
 *
 * <p>Needs root, {@code ip netns}, tcpdump, tshark, python3 and ping (CI runs as root with
 * {@code scripts/install-test-deps.sh}); otherwise it is skipped or fails ({@link Prerequisites}).
 * The namespaces ({@link NetnsBench}) have unique names and are deleted by {@code close} and by a
 * shutdown hook.
 */
class NetnsSessionCountsTest {

    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String V4_SERVER = "10.199.0.1";
    private static final String V4_CLIENT = "10.199.0.2";
    private static final String V6_SERVER = "fd00:199::1";
    private static final String V6_CLIENT = "fd00:199::2";
    private static final int HTTP_PORT = 8080;
    private static final int ECHO_PORT = 7007;
    private static final int DNS_PORT = 53;
    private static final int CLOSED_PORT = 9;
    private static final int BIG_BYTES = 4 << 20;

    /** The servers, in one python3 process; prints "ready" once every socket listens. */
    private static final String SERVERS = String.join("\n",
            "import http.server, os, socket, socketserver, sys, threading",
            "v4, v6, http_port, echo_port, dns_port, root = sys.argv[1:7]",
            "os.chdir(root)",
            "class H(http.server.SimpleHTTPRequestHandler):",
            "    def log_message(self, *a): pass",
            "class S(socketserver.ThreadingMixIn, http.server.HTTPServer):",
            "    daemon_threads = True",
            "    allow_reuse_address = True",
            "class S6(S):",
            "    address_family = socket.AF_INET6",
            "servers = [S((v4, int(http_port)), H), S6((v6, int(http_port)), H)]",
            "for s in servers: threading.Thread(target=s.serve_forever, daemon=True).start()",
            "def udp(family, addr, port, answer):",
            "    s = socket.socket(family, socket.SOCK_DGRAM)",
            "    s.bind((addr, port))",
            "    def loop():",
            "        while True:",
            "            data, peer = s.recvfrom(4096)",
            "            s.sendto(answer(data), peer)",
            "    threading.Thread(target=loop, daemon=True).start()",
            "echo = lambda d: d",
            "# DNS-like: the question echoed with QR, RA and NXDOMAIN set",
            "dns = lambda d: d[:2] + b'\\x81\\x83' + d[4:6] + b'\\0\\0\\0\\0\\0\\0' + d[12:]",
            "for fam, a in ((socket.AF_INET, v4), (socket.AF_INET6, v6)):",
            "    udp(fam, a, int(echo_port), echo)",
            "    udp(fam, a, int(dns_port), dns)",
            "print('ready', flush=True)",
            "threading.Event().wait()");

    /** The clients, in one python3 process; prints what it did, fails on a wrong answer. */
    private static final String CLIENTS = String.join("\n",
            "import socket, sys, urllib.request",
            "v4, v6, http_port, echo_port, dns_port, closed, big = sys.argv[1:8]",
            "def get(url):",
            "    with urllib.request.urlopen(url, timeout=20) as r:",
            "        return r.read()",
            "assert get(f'http://{v4}:{http_port}/index.html').startswith(b'hello')",
            "assert get(f'http://[{v6}]:{http_port}/index.html').startswith(b'hello')",
            "assert len(get(f'http://{v4}:{http_port}/big.bin')) == int(big)",
            "for fam, a in ((socket.AF_INET, v4), (socket.AF_INET6, v6)):",
            "    s = socket.socket(fam, socket.SOCK_DGRAM)",
            "    s.settimeout(5)",
            "    s.connect((a, int(echo_port)))",
            "    for i in range(10):",
            "        s.send(b'datagram %d ' % i + b'x' * (i * 50))",
            "        assert s.recv(4096).startswith(b'datagram %d ' % i)",
            "    s.close()",
            "    q = socket.socket(fam, socket.SOCK_DGRAM)",
            "    q.settimeout(5)",
            "    q.connect((a, int(dns_port)))",
            "    q.send(b'\\x12\\x34\\x01\\x00\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x07example\\x03com\\x00\\x00\\x01\\x00\\x01')",
            "    assert q.recv(4096)[:4] == b'\\x12\\x34\\x81\\x83'",
            "    q.close()",
            "    t = socket.socket(fam, socket.SOCK_STREAM)",
            "    t.settimeout(5)",
            "    try:",
            "        t.connect((a, int(closed)))",
            "        sys.exit('port %s is open on %s' % (closed, a))",
            "    except ConnectionRefusedError:",
            "        pass",
            "    t.close()",
            "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
            "u.sendto(b'nobody listens', (v4, int(closed)))",
            "u.close()",
            "print('clients done', flush=True)");

    @TempDir
    Path dir;

    @Test
    void countsOfRealTrafficBetweenNamespacesMatchTshark() throws Exception {
        Prerequisites.require("root, to create network namespaces", Host.isRoot());
        Prerequisites.requireCommands("ip", "tcpdump", "tshark", "python3", "ping");
        Prerequisites.require("ip netns", Host.commandRuns("ip", "netns", "list"));
        Prerequisites.require("a tshark that runs", TsharkSessionCounts.tsharkAvailable());

        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), "hello from the server namespace\n");
        byte[] big = new byte[BIG_BYTES];
        ThreadLocalRandom.current().nextBytes(big);
        Files.write(www.resolve("big.bin"), big);
        Path pcap = dir.resolve("netns.pcap");

        boolean mssFrames;
        try (NetnsBench ns = NetnsBench.create(NetnsSettings.unique().v4(V4_SERVER, V4_CLIENT)
                .v6(V6_SERVER, V6_CLIENT).oneSegmentPerFrame())) {
            mssFrames = ns.segmentsPerFrame();
            Side server = ns.a();
            Side client = ns.b();
            Process tcpdump = null;
            Process servers = null;
            try {
                // capture on the server side, inside its namespace: only this test's traffic; a
                // 64 MiB kernel buffer (-B, KiB) so that a busy machine delays tcpdump, not drops
                tcpdump = new ProcessBuilder(server.command("tcpdump", "-i", server.iface(), "-n",
                        "-U", "-s", "0", "-B", "65536", "-w", pcap.toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                ByteArrayOutputStream tcpdumpErr = new ByteArrayOutputStream();
                Thread errReader = Commands.drain(tcpdump.getErrorStream(), tcpdumpErr, "tcpdump-stderr");
                waitFor(() -> Commands.text(tcpdumpErr).contains("listening on"), tcpdump,
                        "tcpdump did not start: " + Commands.text(tcpdumpErr));

                Path serverScript = dir.resolve("servers.py");
                Files.writeString(serverScript, SERVERS);
                servers = new ProcessBuilder(server.command("python3", serverScript.toString(),
                        V4_SERVER, V6_SERVER, "" + HTTP_PORT, "" + ECHO_PORT, "" + DNS_PORT, www.toString()))
                        .redirectErrorStream(true).start();
                ByteArrayOutputStream serverOut = new ByteArrayOutputStream();
                Commands.drain(servers.getInputStream(), serverOut, "servers");
                Process s = servers;
                waitFor(() -> Commands.text(serverOut).contains("ready"), s,
                        "the servers did not start: " + Commands.text(serverOut));

                // traffic from the client namespace
                client.must("ping", "-4", "-c", "5", "-i", "0.2", "-q", V4_SERVER);
                client.must("ping", "-6", "-c", "3", "-i", "0.2", "-q", V6_SERVER);
                Path clientScript = dir.resolve("clients.py");
                Files.writeString(clientScript, CLIENTS);
                CommandResult clients = client.run(STEP, "python3", clientScript.toString(), V4_SERVER, V6_SERVER,
                        "" + HTTP_PORT, "" + ECHO_PORT, "" + DNS_PORT, "" + CLOSED_PORT, "" + BIG_BYTES);
                assertEquals(0, clients.exit(), "clients failed: " + clients.output() + "\nservers: "
                        + Commands.text(serverOut));
                // tcpdump writes every packet (-U); on a busy machine it may lag behind the kernel's
                // buffer: wait until the file stops growing, so that SIGINT loses nothing
                TestFiles.awaitStableSize(pcap, Duration.ofSeconds(30));

                // SIGINT: tcpdump flushes and closes the file, then prints its counters
                Commands.run(Duration.ofSeconds(10), "kill", "-INT", Long.toString(tcpdump.pid()));
                assertTrue(tcpdump.waitFor(30, TimeUnit.SECONDS), "tcpdump did not stop");
                errReader.join(5000);
                String stats = Commands.text(tcpdumpErr);
                System.out.println("tcpdump: " + stats.replace('\n', ' '));
                assertTrue(stats.matches("(?s).*(^|\\n)0 packets dropped by kernel.*"), "tcpdump dropped packets: " + stats);
                java.util.regex.Matcher captured = java.util.regex.Pattern.compile("(\\d+) packets captured").matcher(stats);
                java.util.regex.Matcher received = java.util.regex.Pattern.compile("(\\d+) packets received by filter")
                        .matcher(stats);
                assertTrue(captured.find() && received.find(), stats);
                assertEquals(received.group(1), captured.group(1), "tcpdump stopped before writing everything: " + stats);
            } finally {
                if (servers != null) {
                    servers.destroyForcibly();
                }
                if (tcpdump != null && tcpdump.isAlive()) {
                    tcpdump.destroyForcibly();
                }
            }
        }

        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("org.apptrack.apptrack.cfg"),
                "logSessionCreate = true\nlogSessionClose = true\nnoVolumeUpdates = true\n");
        TsharkSessionCounts.FileResult r = new TsharkSessionCounts(dir).check(pcap, etc);
        r.agreed.forEach(a -> System.out.println("AGREED " + a.key + " " + Arrays.toString(a.counts)));
        r.mismatches.forEach(m -> System.out.println("MISMATCH " + m));
        assertEquals(List.of(), r.mismatches, "mismatches");
        // the sessions this test made are among those that agree
        List<TsharkSessionCounts.Agreed> agreed = r.agreed;
        assertAgreed(agreed, "http over IPv4 (2 connections)", server(6, V4_SERVER, HTTP_PORT), 2);
        assertAgreed(agreed, "http over IPv6", server(6, V6_SERVER, HTTP_PORT), 1);
        assertAgreed(agreed, "udp echo, IPv4", server(17, V4_SERVER, ECHO_PORT), 1);
        assertAgreed(agreed, "udp echo, IPv6", server(17, V6_SERVER, ECHO_PORT), 1);
        assertAgreed(agreed, "dns, IPv4", server(17, V4_SERVER, DNS_PORT), 1);
        assertAgreed(agreed, "dns, IPv6", server(17, V6_SERVER, DNS_PORT), 1);
        assertAgreed(agreed, "tcp to a closed port (RST), IPv4", server(6, V4_SERVER, CLOSED_PORT), 1);
        assertAgreed(agreed, "tcp to a closed port (RST), IPv6", server(6, V6_SERVER, CLOSED_PORT), 1);
        assertAgreed(agreed, "ICMP echo", server(1, V4_SERVER, -1), 1);
        assertAgreed(agreed, "ICMPv6 echo", server(58, V6_SERVER, -1), 1);
        Predicate<String> http4 = server(6, V4_SERVER, HTTP_PORT);
        long bigPackets = agreed.stream().filter(a -> http4.test(a.key))
                .mapToLong(a -> a.counts[0] + a.counts[2]).max().orElse(0);
        long bigBytes = agreed.stream().filter(a -> http4.test(a.key))
                .mapToLong(a -> a.counts[1] + a.counts[3]).max().orElse(0);
        System.out.printf(Locale.ROOT, "netns capture: %d flows agree, excluded %s, the download %d packets %d bytes%n",
                r.compared(), r.excluded, bigPackets, bigBytes);
        assertTrue(bigBytes > BIG_BYTES, "the download's session has " + bigBytes + " bytes");
        // 4 MiB in 1448-byte segments: about 2,900 data packets (with GSO super-frames: about 100)
        long minimum = mssFrames ? BIG_BYTES / 1500 : 50;
        assertTrue(bigPackets >= minimum, "the download's session has only " + bigPackets + " packets");
    }

    /**
     * Keys ("proto addrA portA addrB portB", addresses as {@link InetAddress#getHostAddress()}) of
     * protocol {@code proto} with the endpoint (address, port); port -1: any port but 0 (ICMP echo
     * identifiers; other ICMP messages have 0).
     */
    private static Predicate<String> server(int proto, String address, int port) {
        String a;
        try {
            a = InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
        return key -> {
            String[] f = key.split(" ");
            if (f.length != 5 || !f[0].equals(Integer.toString(proto))) {
                return false;
            }
            for (int i = 1; i <= 3; i += 2) {
                if (f[i].equals(a) && (port < 0 ? !f[i + 1].equals("0") : f[i + 1].equals(Integer.toString(port)))) {
                    return true;
                }
            }
            return false;
        };
    }

    private static void assertAgreed(List<TsharkSessionCounts.Agreed> agreed, String what, Predicate<String> key,
                                     int atLeast) {
        long n = agreed.stream().filter(a -> key.test(a.key)).count();
        assertTrue(n >= atLeast, what + ": " + n + " agreeing flow(s), expected at least " + atLeast + "; agreed: "
                + agreed.stream().map(a -> a.key).collect(java.util.stream.Collectors.toList()));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Process p, String message)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                Thread.sleep(100);
                throw new AssertionError(message);
            }
            Thread.sleep(20);
        }
    }
}
