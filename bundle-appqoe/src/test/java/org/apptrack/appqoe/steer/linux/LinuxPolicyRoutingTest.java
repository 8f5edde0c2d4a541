package org.apptrack.appqoe.steer.linux;

import org.apptrack.appqoe.steer.ExistingSessions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apptrack.appqoe.steer.SteeredSession;
import org.apptrack.appqoe.steer.SteeringException;
import org.apptrack.appqoe.steer.SteeringPath;
import org.junit.jupiter.api.Test;

/** The commands and nft/ip text {@link LinuxPolicyRouting} generates, and its error messages. */
class LinuxPolicyRoutingTest {

    private static final LinuxSteeringSettings SETTINGS = LinuxSteeringSettings.defaults().markBase(0x100)
            .tableBase(1000).rulePriority(900).elementTimeout(Duration.ofHours(2));

    private final SteeringPath isp1;
    private final SteeringPath isp2;
    private final SteeringPath tunnel;

    LinuxPolicyRoutingTest() throws IOException {
        isp1 = new SteeringPath("isp1", 1, "wan1", InetAddress.getByName("198.51.100.1"), null);
        isp2 = new SteeringPath("isp2", 2, "wan2", InetAddress.getByName("2001:db8:2::1"), null);
        tunnel = new SteeringPath("tunnel", 3, "wg0", null, null);
    }

    private static SteeredSession udp4(long id, int clientPort) throws IOException {
        return new SteeredSession(id, 17, InetAddress.getByName("192.168.1.10"), clientPort,
                InetAddress.getByName("203.0.113.5"), 3478, "STUN");
    }

    @Test
    void aPathsOwnAddressIsRoutedByItsTableSoProbesToASharedReflectorTakeTheirUplink() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner();
        LinuxPolicyRouting actuator = new LinuxPolicyRouting(SETTINGS, runner);
        SteeringPath withSource = new SteeringPath("isp1", 1, "wan1", InetAddress.getByName("198.51.100.1"), null,
                InetAddress.getByName("198.51.100.2"));

        actuator.preparePaths(List.of(withSource));

        assertEquals("route replace default via 198.51.100.1 dev wan1 table 1001\n"
                + "rule add fwmark 0x101 lookup 1001 priority 900\n"
                + "rule add from 198.51.100.2 lookup 1001 priority 900\n", runner.runs.get(2).input);
        assertEquals("rule add fwmark 0x101 lookup 1001 priority 900\n", runner.runs.get(3).input);
    }

    @Test
    void preparePathsRemovesOldRoutingThenAddsTablesRulesAndOurNftTable() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner();
        LinuxPolicyRouting actuator = new LinuxPolicyRouting(SETTINGS, runner);

        actuator.preparePaths(List.of(isp1, isp2, tunnel));

        List<RecordingCommandRunner.Run> runs = runner.runs;
        assertEquals(5, runs.size(), runs.toString());
        assertEquals("ip -force -batch -", runs.get(0).line());
        assertEquals("rule del fwmark 0x101 lookup 1001 priority 900\nrule del lookup 1001 priority 900\nroute flush table 1001\n"
                + "rule del fwmark 0x102 lookup 1002 priority 900\nrule del lookup 1002 priority 900\nroute flush table 1002\n"
                + "rule del fwmark 0x103 lookup 1003 priority 900\nrule del lookup 1003 priority 900\nroute flush table 1003\n", runs.get(0).input);
        assertEquals("ip -6 -force -batch -", runs.get(1).line());
        assertEquals("ip -batch -", runs.get(2).line());
        assertEquals("route replace default via 198.51.100.1 dev wan1 table 1001\n"
                + "rule add fwmark 0x101 lookup 1001 priority 900\n"
                + "rule add fwmark 0x102 lookup 1002 priority 900\n"
                + "route replace default dev wg0 table 1003\n"
                + "rule add fwmark 0x103 lookup 1003 priority 900\n", runs.get(2).input);
        assertEquals("ip -6 -batch -", runs.get(3).line());
        assertEquals("rule add fwmark 0x101 lookup 1001 priority 900\n"
                + "route replace default via 2001:db8:2:0:0:0:0:1 dev wan2 table 1002\n"
                + "rule add fwmark 0x102 lookup 1002 priority 900\n"
                + "route replace default dev wg0 table 1003\n"
                + "rule add fwmark 0x103 lookup 1003 priority 900\n", runs.get(3).input);
        assertEquals("nft -f -", runs.get(4).line());
        assertEquals("add table inet apptrack_appqoe\n"
                + "delete table inet apptrack_appqoe\n"
                + "table inet apptrack_appqoe {\n"
                + "\tmap sessions4 {\n\t\ttype ipv4_addr . ipv4_addr . inet_proto . inet_service . inet_service : mark\n"
                + "\t\tflags timeout\n\t}\n"
                + "\tmap sessions6 {\n\t\ttype ipv6_addr . ipv6_addr . inet_proto . inet_service . inet_service : mark\n"
                + "\t\tflags timeout\n\t}\n"
                + "\tmap hosts4 {\n\t\ttype ipv4_addr . ipv4_addr . inet_proto : mark\n\t\tflags timeout\n\t}\n"
                + "\tmap hosts6 {\n\t\ttype ipv6_addr . ipv6_addr . inet_proto : mark\n\t\tflags timeout\n\t}\n"
                + "\tchain prerouting {\n"
                + "\t\ttype filter hook prerouting priority mangle; policy accept;\n"
                + "\t\tct direction original ct mark 0x100-0x1ff meta mark set ct mark\n"
                + "\t\tmeta nfproto ipv4 meta l4proto { 6, 17, 132, 136 } meta mark set ip saddr . ip daddr"
                + " . meta l4proto . th sport . th dport map @sessions4 ct mark set meta mark\n"
                + "\t\tmeta nfproto ipv6 meta l4proto { 6, 17, 132, 136 } meta mark set ip6 saddr . ip6 daddr"
                + " . meta l4proto . th sport . th dport map @sessions6 ct mark set meta mark\n"
                + "\t\tmeta nfproto ipv4 meta l4proto != { 6, 17, 132, 136 } meta mark set ip saddr . ip daddr"
                + " . meta l4proto map @hosts4 ct mark set meta mark\n"
                + "\t\tmeta nfproto ipv6 meta l4proto != { 6, 17, 132, 136 } meta mark set ip6 saddr . ip6 daddr"
                + " . meta l4proto map @hosts6 ct mark set meta mark\n"
                + "\t}\n}\n", runs.get(4).input);
    }

    @Test
    void stayGuardsTheLookupWithOurConntrackMarks() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner();
        new LinuxPolicyRouting(SETTINGS.existingSessions(ExistingSessions.STAY), runner).preparePaths(List.of(isp1));

        String table = runner.nft().get(0).input;
        assertTrue(table.contains("\t\tct direction original ct mark 0x100-0x1ff meta mark set ct mark\n"), table);
        assertTrue(table.contains("\t\tct mark != 0x100-0x1ff meta nfproto ipv4 meta l4proto { 6, 17, 132, 136 }"
                + " meta mark set ip saddr"), table);
        assertEquals(4, table.split("ct mark != 0x100-0x1ff", -1).length - 1, "all four lookups guarded");
    }

    @Test
    void steerAddsAnElementMoveReplacesItReleaseRemovesIt() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner();
        LinuxPolicyRouting actuator = new LinuxPolicyRouting(SETTINGS, runner);
        actuator.preparePaths(List.of(isp1, isp2));
        SteeredSession s = udp4(1, 40001);

        actuator.steer(s, isp1);
        assertEquals("nft -f -", runner.last().line());
        assertEquals("add element inet apptrack_appqoe sessions4 { 192.168.1.10 . 203.0.113.5 . 17 . 40001 . 3478"
                + " timeout 7200s : 0x101 }\n", runner.last().input);

        actuator.steer(s, isp2);
        assertEquals("add element inet apptrack_appqoe sessions4 { 192.168.1.10 . 203.0.113.5 . 17 . 40001 . 3478"
                + " timeout 7200s : 0x101 }\n"
                + "delete element inet apptrack_appqoe sessions4 { 192.168.1.10 . 203.0.113.5 . 17 . 40001 . 3478 }\n"
                + "add element inet apptrack_appqoe sessions4 { 192.168.1.10 . 203.0.113.5 . 17 . 40001 . 3478"
                + " timeout 7200s : 0x102 }\n", runner.last().input);
        assertEquals(Map.of(1L, "isp2"), actuator.steeredSessions());

        int before = runner.runs.size();
        actuator.steer(s, isp2);
        assertEquals(before, runner.runs.size(), "same path again: no command");

        actuator.release(s);
        assertEquals("add element inet apptrack_appqoe sessions4 { 192.168.1.10 . 203.0.113.5 . 17 . 40001 . 3478"
                + " timeout 7200s : 0x102 }\n"
                + "delete element inet apptrack_appqoe sessions4 { 192.168.1.10 . 203.0.113.5 . 17 . 40001 . 3478 }\n",
                runner.last().input);
        before = runner.runs.size();
        actuator.release(s);
        assertEquals(before, runner.runs.size(), "a second release does nothing");
        assertTrue(actuator.steeredSessions().isEmpty());
    }

    @Test
    void ipv6AndPortlessSessionsUseTheirMaps() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner();
        LinuxPolicyRouting actuator = new LinuxPolicyRouting(SETTINGS, runner);
        actuator.preparePaths(List.of(isp1, isp2));
        SteeredSession tcp6 = new SteeredSession(2, 6, InetAddress.getByName("2001:db8:1::10"), 50000,
                InetAddress.getByName("2001:db8:ff::5"), 443, "HTTPS");
        SteeredSession ping4 = new SteeredSession(3, 1, InetAddress.getByName("192.168.1.10"), 0,
                InetAddress.getByName("203.0.113.5"), 0, "ICMP");

        actuator.steer(tcp6, isp2);
        assertEquals("add element inet apptrack_appqoe sessions6 { 2001:db8:1:0:0:0:0:10 . 2001:db8:ff:0:0:0:0:5 . 6"
                + " . 50000 . 443 timeout 7200s : 0x102 }\n", runner.last().input);
        actuator.steer(ping4, isp1);
        assertEquals("add element inet apptrack_appqoe hosts4 { 192.168.1.10 . 203.0.113.5 . 1 timeout 7200s"
                + " : 0x101 }\n", runner.last().input);
    }

    @Test
    void steerAllIsOneTransaction() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner();
        LinuxPolicyRouting actuator = new LinuxPolicyRouting(SETTINGS, runner);
        actuator.preparePaths(List.of(isp1, isp2));
        Map<SteeredSession, SteeringPath> batch = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            batch.put(udp4(i, 40000 + i), i % 2 == 0 ? isp1 : isp2);
        }
        int before = runner.runs.size();

        actuator.steerAll(batch);

        assertEquals(before + 1, runner.runs.size());
        assertEquals(100, runner.last().input.split("\n").length);
        assertEquals(100, actuator.steeredSessions().size());

        actuator.releaseAll(batch.keySet());
        assertEquals(before + 2, runner.runs.size());
        assertEquals(200, runner.last().input.split("\n").length);
    }

    @Test
    void failedTransactionLeavesTheBookkeepingAsItWas() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner();
        LinuxPolicyRouting actuator = new LinuxPolicyRouting(SETTINGS, runner);
        actuator.preparePaths(List.of(isp1, isp2));
        actuator.steer(udp4(1, 40001), isp1);
        runner.answer = c -> new CommandOutput(1, "Error: Could not process rule: No buffer space available");

        SteeringException e = assertThrows(SteeringException.class, () -> actuator.steer(udp4(1, 40001), isp2));
        assertTrue(e.getMessage().contains("nft -f - failed (exit 1)")
                && e.getMessage().contains("No buffer space available"), e.getMessage());
        assertEquals(Map.of(1L, "isp1"), actuator.steeredSessions());
    }

    @Test
    void closeDeletesOurTableRulesAndRoutesOnly() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner();
        LinuxPolicyRouting actuator = new LinuxPolicyRouting(SETTINGS, runner);
        actuator.preparePaths(List.of(isp1, tunnel));
        runner.runs.clear();

        actuator.close();

        assertEquals(3, runner.runs.size(), runner.runs.toString());
        assertEquals("nft -f -", runner.runs.get(0).line());
        assertEquals("add table inet apptrack_appqoe\ndelete table inet apptrack_appqoe\n", runner.runs.get(0).input);
        assertEquals("ip -force -batch -", runner.runs.get(1).line());
        assertEquals("rule del fwmark 0x101 lookup 1001 priority 900\nrule del lookup 1001 priority 900\nroute flush table 1001\n"
                + "rule del fwmark 0x103 lookup 1003 priority 900\nrule del lookup 1003 priority 900\nroute flush table 1003\n", runner.runs.get(1).input);
        assertEquals("ip -6 -force -batch -", runner.runs.get(2).line());
        assertEquals(runner.runs.get(1).input, runner.runs.get(2).input);
    }

    @Test
    void nftPermissionErrorNamesTheMissingPrivilege() throws Exception {
        // nft 1.0.6's own words when run without CAP_NET_ADMIN
        RecordingCommandRunner runner = RecordingCommandRunner.answering(c -> c.get(0).equals("nft")
                ? new CommandOutput(1, "netlink: Error: cache initialization failed: Operation not permitted")
                : new CommandOutput(0, ""));
        LinuxPolicyRouting actuator = new LinuxPolicyRouting(SETTINGS, runner);

        SteeringException e = assertThrows(SteeringException.class, () -> actuator.preparePaths(List.of(isp1)));
        assertTrue(e.getMessage().contains("needs root or the capability CAP_NET_ADMIN"), e.getMessage());
        assertTrue(e.getMessage().contains("Operation not permitted"), e.getMessage());
        // and what was created before the failure is removed again
        RecordingCommandRunner.Run last = runner.last();
        assertTrue(last.line().startsWith("ip -6 -force -batch -") && last.input.contains("rule del fwmark 0x101"),
                runner.runs.toString());
    }

    @Test
    void ipPermissionErrorNamesTheMissingPrivilege() {
        RecordingCommandRunner runner = RecordingCommandRunner.answering(
                c -> new CommandOutput(2, "RTNETLINK answers: Operation not permitted\nCommand failed -:1"));
        SteeringException e = assertThrows(SteeringException.class,
                () -> new LinuxPolicyRouting(SETTINGS, runner).preparePaths(List.of(isp1)));
        assertTrue(e.getMessage().contains("CAP_NET_ADMIN") && e.getMessage().contains("ip -force -batch -"),
                e.getMessage());
    }

    @Test
    void missingBinariesAreNamedWithTheirPackage() {
        RecordingCommandRunner local = new RecordingCommandRunner();
        local.answer = c -> {
            if (c.get(0).equals("nft")) {
                throw new IOException("Cannot run program \"nft\": error=2, No such file or directory");
            }
            return new CommandOutput(0, "");
        };
        SteeringException e = assertThrows(SteeringException.class,
                () -> new LinuxPolicyRouting(SETTINGS, local).preparePaths(List.of(isp1)));
        assertTrue(e.getMessage().contains("the command nft was not found; install the package nftables"),
                e.getMessage());

        // the same behind "ip netns exec NS", which reports it in its output
        RecordingCommandRunner inNamespace = RecordingCommandRunner.answering(c -> c.get(0).equals("ip")
                ? new CommandOutput(0, "")
                : new CommandOutput(255, "exec of \"nft\" failed: No such file or directory"));
        e = assertThrows(SteeringException.class,
                () -> new LinuxPolicyRouting(SETTINGS, inNamespace).preparePaths(List.of(isp1)));
        assertTrue(e.getMessage().contains("install the package nftables"), e.getMessage());

        RecordingCommandRunner noIp = new RecordingCommandRunner();
        noIp.answer = c -> {
            throw new IOException("Cannot run program \"ip\": error=2, No such file or directory");
        };
        e = assertThrows(SteeringException.class,
                () -> new LinuxPolicyRouting(SETTINGS, noIp).preparePaths(List.of(isp1)));
        assertTrue(e.getMessage().contains("the command ip was not found; install the package iproute2"),
                e.getMessage());
    }

    @Test
    void pathsAreCheckedBeforeAnythingRuns() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner();
        LinuxPolicyRouting actuator = new LinuxPolicyRouting(SETTINGS, runner);
        SteeringException e = assertThrows(SteeringException.class, () -> actuator.preparePaths(
                List.of(new SteeringPath("onos-only", 4, null, null, "of:0000000000000001/2"))));
        assertTrue(e.getMessage().contains("onos-only has no egress interface"), e.getMessage());
        e = assertThrows(SteeringException.class, () -> actuator.preparePaths(
                List.of(isp1, new SteeringPath("other", 1, "wan9", null, null))));
        assertTrue(e.getMessage().contains("isp1 and other have the same index 1"), e.getMessage());
        assertTrue(runner.runs.isEmpty());

        e = assertThrows(SteeringException.class, () -> actuator.steer(udp4(1, 1), isp1));
        assertTrue(e.getMessage().contains("isp1 is not prepared"), e.getMessage());
    }

    @Test
    void repreparingKeepsTheSessionsOfPathsThatRemain() throws Exception {
        RecordingCommandRunner runner = new RecordingCommandRunner();
        LinuxPolicyRouting actuator = new LinuxPolicyRouting(SETTINGS, runner);
        actuator.preparePaths(List.of(isp1, isp2));
        actuator.steer(udp4(1, 40001), isp1);
        actuator.steer(udp4(2, 40002), isp2);

        actuator.preparePaths(List.of(isp1, tunnel));

        String table = runner.nft().get(runner.nft().size() - 1).input;
        assertTrue(table.endsWith("add element inet apptrack_appqoe sessions4 { 192.168.1.10 . 203.0.113.5 . 17"
                + " . 40001 . 3478 timeout 7200s : 0x101 }\n"), table);
        assertFalse(table.contains("40002"), table);
        assertEquals(Map.of(1L, "isp1"), actuator.steeredSessions());
        assertTrue(runner.runs.stream().anyMatch(r -> r.line().equals("ip -force -batch -")
                && r.input.contains("route flush table 1002")), "the removed path's table is emptied");
    }

    @Test
    void settingsRejectNumbersThatCollideWithTheSystemsTables() {
        assertThrows(IllegalArgumentException.class, () -> LinuxSteeringSettings.defaults().tableBase(100));
        assertThrows(IllegalArgumentException.class, () -> LinuxSteeringSettings.defaults().markBase(0));
        assertThrows(IllegalArgumentException.class, () -> LinuxSteeringSettings.defaults().rulePriority(32766));
        assertThrows(IllegalArgumentException.class, () -> LinuxSteeringSettings.defaults().nftTable("x; flush"));
        assertThrows(IllegalArgumentException.class, () -> new SteeringPath("p", 0, "eth0; reboot", null, null));
        assertEquals(ExistingSessions.STAY, ExistingSessions.parse(" Stay "));
    }
}
