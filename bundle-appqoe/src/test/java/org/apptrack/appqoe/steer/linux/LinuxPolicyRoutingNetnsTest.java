package org.apptrack.appqoe.steer.linux;

import org.apptrack.appqoe.steer.ExistingSessions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apptrack.appqoe.steer.SteeredSession;
import org.apptrack.appqoe.steer.SteeringException;
import org.apptrack.appqoe.steer.SteeringPath;
import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.apptrack.testsupport.process.CommandResult;
import org.apptrack.testsupport.process.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link LinuxPolicyRouting} on real kernels: a {@code lan} namespace (the client), a
 * {@code router} namespace with two uplinks to a {@code remote} namespace that owns a server
 * address reachable over both, and no route to it in the router's main table, so a packet that
 * leaves an uplink was steered there. The actuator runs with the prefix {@code ip netns exec
 * router}; which uplink the packets took is read from the interfaces' tx counters. Needs root, ip,
 * nft and python3 (scripts/install-test-deps.sh; {@link Prerequisites}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinuxPolicyRoutingNetnsTest {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String PREFIX = "aqs-";
    private static final String CLIENT = "10.201.0.2";
    private static final String SERVER = "10.201.9.9";
    private static final String CLIENT6 = "fd00:201::2";
    private static final String SERVER6 = "fd00:201:9::9";
    private static final int PACKETS = 20;
    /** ARP and the like that an uplink may send while the test's packets take the other one. */
    private static final int NOISE = 3;
    private static final LinuxSteeringSettings SETTINGS = LinuxSteeringSettings.defaults().markBase(0x100)
            .tableBase(1000).rulePriority(900);

    private String lan;
    private String router;
    private String remote;
    private SteeringPath uplink1;
    private SteeringPath uplink2;
    private SteeringPath uplink1v6;
    private SteeringPath uplink2v6;
    /** Echoes every datagram to SERVER:5000 back to its sender, so the test sees that replies reach the client. */
    private Process echo;

    @BeforeAll
    void setUp() throws IOException {
        Prerequisites.require("root, for network namespaces", Host.isRoot());
        Prerequisites.requireCommands("ip", "nft", "python3");
        removeLeftovers();
        String id = String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        lan = PREFIX + id + "-lan";
        router = PREFIX + id + "-router";
        remote = PREFIX + id + "-remote";
        boolean ok = false;
        try {
            for (String ns : List.of(lan, router, remote)) {
                must("ip", "netns", "add", ns);
                // quiet links: no router advertisements taken, no autoconfiguration
                ns(ns, "sysctl", "-q", "-w", "net.ipv6.conf.default.accept_ra=0", "net.ipv6.conf.default.autoconf=0");
                ns(ns, "ip", "link", "set", "lo", "up");
            }
            veth(lan, "lan0", router, "lan0");
            veth(router, "up1", remote, "up1");
            veth(router, "up2", remote, "up2");
            address(lan, "lan0", CLIENT + "/24");
            address(router, "lan0", "10.201.0.1/24");
            address(router, "up1", "10.201.1.1/24");
            address(router, "up2", "10.201.2.1/24");
            address(remote, "up1", "10.201.1.2/24");
            address(remote, "up2", "10.201.2.2/24");
            ns(remote, "ip", "addr", "add", SERVER + "/32", "dev", "lo");
            ns(lan, "ip", "route", "add", "default", "via", "10.201.0.1");
            ns(remote, "ip", "route", "add", "10.201.0.0/24", "via", "10.201.1.1");
            address(lan, "lan0", CLIENT6 + "/64", "nodad");
            address(router, "lan0", "fd00:201::1/64", "nodad");
            address(router, "up1", "fd00:201:1::1/64", "nodad");
            address(router, "up2", "fd00:201:2::1/64", "nodad");
            address(remote, "up1", "fd00:201:1::2/64", "nodad");
            address(remote, "up2", "fd00:201:2::2/64", "nodad");
            ns(remote, "ip", "-6", "addr", "add", SERVER6 + "/128", "dev", "lo");
            ns(lan, "ip", "-6", "route", "add", "default", "via", "fd00:201::1");
            ns(remote, "ip", "-6", "route", "add", "fd00:201::/64", "via", "fd00:201:1::1");
            ns(router, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=0",
                    "net.ipv4.conf.default.rp_filter=0", "net.ipv6.conf.all.forwarding=1");
            // resolve the next hops now, so that no test packet waits for (or is dropped behind) ARP/ND
            for (String hop : List.of("10.201.1.2", "10.201.2.2", "fd00:201:1::2", "fd00:201:2::2")) {
                ns(router, "ping", "-c", "1", "-W", "5", hop);
            }
            // what belongs to others and must survive close(): a table, a rule at our priority, a route
            ns(router, "nft", "add", "table", "inet", "someone_else");
            ns(router, "ip", "route", "add", "default", "via", "10.201.2.2", "table", "77");
            ns(router, "ip", "rule", "add", "fwmark", "0x7", "lookup", "77", "priority", "900");
            echo = new ProcessBuilder("ip", "netns", "exec", remote, "python3", "-c",
                    "import socket\n"
                    + "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                    + "s.bind(('" + SERVER + "', 5000))\n"
                    + "while True:\n"
                    + "    data, peer = s.recvfrom(2048)\n"
                    + "    s.sendto(data, peer)\n")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            awaitQuietUplinks();
            uplink1 = new SteeringPath("uplink1", 1, "up1", InetAddress.getByName("10.201.1.2"), null);
            uplink2 = new SteeringPath("uplink2", 2, "up2", InetAddress.getByName("10.201.2.2"), null);
            uplink1v6 = new SteeringPath("uplink1-v6", 3, "up1", InetAddress.getByName("fd00:201:1::2"), null);
            uplink2v6 = new SteeringPath("uplink2-v6", 4, "up2", InetAddress.getByName("fd00:201:2::2"), null);
            ok = true;
        } finally {
            if (!ok) {
                tearDown();
            }
        }
    }

    @AfterAll
    void tearDown() throws IOException {
        if (echo != null) {
            echo.destroyForcibly();
        }
        for (String ns : new String[] {lan, router, remote}) {
            if (ns != null) {
                Commands.run(STEP, "ip", "netns", "delete", ns);
            }
        }
    }

    @Test
    void sessionLeavesByItsPathAndMovesWithIt() throws Exception {
        LinuxPolicyRouting actuator = actuator(ExistingSessions.MOVE);
        try {
            actuator.preparePaths(List.of(uplink1, uplink2));
            assertEquals(new Delta(0, 0, 0), send(41000).atMost(NOISE), "unsteered: no route, no uplink, no echo");

            SteeredSession session = udp(1, 41001);
            actuator.steer(session, uplink1);
            Delta first = send(41001);
            assertLeftBy(1, first, "steered to uplink 1");

            actuator.steer(session, uplink2);
            Delta moved = send(41001);
            assertLeftBy(2, moved, "moved to uplink 2");

            actuator.release(session);
            String elements = ns(router, "nft", "list", "map", "inet", SETTINGS.nftTable(), "sessions4").output();
            assertFalse(elements.contains("41001"), elements);
        } finally {
            actuator.close();
        }
        assertNothingOfOursLeft();
    }

    @Test
    void staySessionsKeepTheirPathWhileNewOnesTakeTheNewOne() throws Exception {
        LinuxPolicyRouting actuator = actuator(ExistingSessions.STAY);
        try {
            actuator.preparePaths(List.of(uplink1, uplink2));
            SteeredSession existing = udp(1, 42001);
            actuator.steer(existing, uplink1);
            Delta before = send(42001);
            assertLeftBy(1, before, "steered to uplink 1");

            actuator.steer(existing, uplink2);
            Delta stayed = send(42001);
            assertLeftBy(1, stayed, "existing session stays on uplink 1");

            actuator.steer(udp(2, 42002), uplink2);
            Delta fresh = send(42002);
            assertLeftBy(2, fresh, "new session takes uplink 2");
        } finally {
            actuator.close();
        }
        assertNothingOfOursLeft();
    }

    @Test
    void ipv6PingFollowsItsPath() throws Exception {
        Prerequisites.requireCommands("ping");
        LinuxPolicyRouting actuator = actuator(ExistingSessions.MOVE);
        try {
            actuator.preparePaths(List.of(uplink1, uplink2, uplink1v6, uplink2v6));
            assertEquals(new Delta(0, 0, 0), ping6().atMost(NOISE), "unsteered: no route, no uplink, no reply");

            SteeredSession pings = new SteeredSession(9, 58, InetAddress.getByName(CLIENT6), 0,
                    InetAddress.getByName(SERVER6), 0, "ICMP");
            actuator.steer(pings, uplink2v6);
            assertLeftBy(2, ping6(), "ICMPv6 steered to uplink 2");

            actuator.steer(pings, uplink1v6);
            assertLeftBy(1, ping6(), "ICMPv6 moved to uplink 1");
        } finally {
            actuator.close();
        }
        assertNothingOfOursLeft();
        String rules6 = ns(router, "ip", "-6", "rule", "show").output();
        assertFalse(rules6.contains("lookup 100"), rules6);
    }

    @Test
    void withoutPrivilegesTheMessageNamesThem() throws Exception {
        Prerequisites.requireCommands("runuser");
        // inside the test's router namespace, as user nobody: the real nft and ip refuse
        LinuxPolicyRouting actuator = new LinuxPolicyRouting(SETTINGS, new ProcessCommandRunner(
                List.of("ip", "netns", "exec", router, "runuser", "-u", "nobody", "--"), STEP, 64 * 1024));
        SteeringException e = assertThrows(SteeringException.class, () -> actuator.preparePaths(List.of(uplink1)));
        assertTrue(e.getMessage().contains("needs root or the capability CAP_NET_ADMIN"), e.getMessage());
        assertTrue(e.getMessage().contains("Operation not permitted"), e.getMessage());
        assertNothingOfOursLeft();
    }

    /**
     * The datagrams left by this uplink and not the other, and their echoes came back to the client
     * (replies, which come in over uplink 1, must not follow the connection's mark out again).
     */
    private static void assertLeftBy(int uplink, Delta d, String what) {
        long on = uplink == 1 ? d.up1 : d.up2;
        long other = uplink == 1 ? d.up2 : d.up1;
        assertTrue(on >= PACKETS && on <= PACKETS + NOISE && other <= NOISE, what + ": " + d);
        assertEquals(PACKETS, d.echoed, what + ": " + d);
    }

    private LinuxPolicyRouting actuator(ExistingSessions policy) {
        return new LinuxPolicyRouting(SETTINGS.existingSessions(policy), ProcessCommandRunner.inNamespace(router));
    }

    private void assertNothingOfOursLeft() throws IOException {
        String tables = ns(router, "nft", "list", "tables").output();
        assertFalse(tables.contains(SETTINGS.nftTable()), tables);
        assertTrue(tables.contains("someone_else"), "another table survives: " + tables);
        String rules = ns(router, "ip", "rule", "show").output();
        assertFalse(rules.contains("0x101") || rules.contains("0x102") || rules.contains("lookup 1001")
                || rules.contains("lookup 1002"), rules);
        assertTrue(rules.contains("fwmark 0x7 lookup 77"), "another rule at our priority survives: " + rules);
        for (String table : List.of("1001", "1002")) {
            CommandResult routes = Commands.run(STEP, "ip", "-n", router, "route", "show", "table", table);
            assertTrue(routes.output().isBlank() || routes.output().contains("does not exist"),
                    "table " + table + ": " + routes.output());
        }
        assertTrue(ns(router, "ip", "route", "show", "table", "77").output().contains("default via 10.201.2.2"));
    }

    private static SteeredSession udp(long id, int clientPort) throws IOException {
        return new SteeredSession(id, 17, InetAddress.getByName(CLIENT), clientPort, InetAddress.getByName(SERVER),
                5000, "TEST");
    }

    /** Sends {@link #PACKETS} UDP datagrams from the client's {@code port} to the server; what each uplink sent meanwhile. */
    private Delta send(int clientPort) throws IOException {
        long up1 = txPackets("up1");
        long up2 = txPackets("up2");
        String script = "import socket, sys, time\n"
                + "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                + "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
                + "s.bind(('" + CLIENT + "', " + clientPort + "))\n"
                + "s.settimeout(5)\n"
                + "echoed = 0\n"
                + "for i in range(" + PACKETS + "):\n"
                + "    s.sendto(b'x' * 64, ('" + SERVER + "', 5000))\n"
                + "    try:\n"
                + "        s.recvfrom(2048)\n"
                + "        echoed += 1\n"
                + "    except OSError:\n"
                + "        s.settimeout(0.1)  # nothing comes back: do not wait for each\n"
                + "print(echoed)\n";
        String echoed = ns(lan, "python3", "-c", script).output().trim();
        return new Delta(txPackets("up1") - up1, txPackets("up2") - up2, Integer.parseInt(echoed));
    }

    /** {@link #PACKETS} echo requests from the client to the IPv6 server; what each uplink sent meanwhile. */
    private Delta ping6() throws IOException {
        long up1 = txPackets("up1");
        long up2 = txPackets("up2");
        CommandResult r = Commands.run(STEP, "ip", "netns", "exec", lan, "ping", "-6", "-n", "-c",
                Integer.toString(PACKETS), "-i", "0.02", "-W", "2", SERVER6);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) received").matcher(r.output());
        assertTrue(m.find(), r.output());
        return new Delta(txPackets("up1") - up1, txPackets("up2") - up2, Integer.parseInt(m.group(1)));
    }

    private long txPackets(String iface) throws IOException {
        return Long.parseLong(ns(router, "cat", "/sys/class/net/" + iface + "/statistics/tx_packets").output().trim());
    }

    private static void veth(String nsA, String ifA, String nsB, String ifB) throws IOException {
        must("ip", "link", "add", "name", ifA, "netns", nsA, "type", "veth", "peer", "name", ifB, "netns", nsB);
        ns(nsA, "ip", "link", "set", ifA, "up");
        ns(nsB, "ip", "link", "set", ifB, "up");
    }

    private static void address(String ns, String iface, String cidr, String... flags) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "addr", "add", cidr, "dev", iface));
        command.addAll(List.of(flags));
        ns(ns, command.toArray(new String[0]));
    }

    private static CommandResult ns(String ns, String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(command));
        return must(full.toArray(new String[0]));
    }

    private static CommandResult must(String... command) throws IOException {
        return Commands.must(STEP, command);
    }

    /**
     * Waits until the uplinks have sent nothing for three seconds (IPv6 link-local DAD and MLD
     * reports follow a link's start for a few seconds), so that the counters count the test's packets.
     */
    private void awaitQuietUplinks() throws IOException {
        long last = -1;
        int quietSeconds = 0;
        for (int i = 0; i < 60 && quietSeconds < 3; i++) {
            long now = txPackets("up1") + txPackets("up2");
            quietSeconds = now == last ? quietSeconds + 1 : 0;
            last = now;
            Commands.sleep(1000);
        }
    }

    /** Namespaces of runs that were killed before their cleanup (older than an hour, so never a running one). */
    private static void removeLeftovers() throws IOException {
        Instant old = Instant.now().minus(Duration.ofHours(1));
        for (String line : Commands.run(STEP, "ip", "netns", "list").output().split("\n")) {
            String name = line.trim().split("\\s+")[0];
            Path file = Paths.get("/run/netns", name);
            if (name.matches("aqs-[0-9a-f]{6}-(lan|router|remote)") && Files.exists(file)
                    && Files.getLastModifiedTime(file).toInstant().isBefore(old)) {
                Commands.run(STEP, "ip", "netns", "delete", name);
            }
        }
    }

    /** Packets each uplink sent. */
    private static final class Delta {
        final long up1;
        final long up2;
        /** Datagrams the server's echo brought back to the client. */
        final int echoed;

        Delta(long up1, long up2, int echoed) {
            this.up1 = up1;
            this.up2 = up2;
            this.echoed = echoed;
        }

        /** Counts up to {@code noise} as 0: what an idle link may send on its own. */
        Delta atMost(int noise) {
            return new Delta(up1 <= noise ? 0 : up1, up2 <= noise ? 0 : up2, echoed);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delta && ((Delta) o).up1 == up1 && ((Delta) o).up2 == up2 && ((Delta) o).echoed == echoed;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(up1 * 31 + up2);
        }

        @Override
        public String toString() {
            return "uplink 1 sent " + up1 + ", uplink 2 sent " + up2 + ", " + echoed + " of " + PACKETS + " echoed";
        }
    }
}
