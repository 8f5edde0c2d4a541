package org.apptrack.appqoe.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apptrack.testsupport.process.CommandResult;
import org.apptrack.testsupport.process.Commands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lab itself: what it builds works end to end, its impairments act, and it leaves nothing behind. */
class NetnsLabTest {

    private static final Duration COMMAND = Duration.ofSeconds(30);

    @BeforeAll
    static void prerequisites() {
        NetnsLab.requirePrerequisites();
    }

    @Test
    void teardownLeavesNoNamespaceInterfaceOrTable() throws Exception {
        List<String> before = NetnsLab.namespaces();
        NetnsLab lab = NetnsLab.create();
        String site = lab.siteNamespace();
        String lan = lab.lanNamespace();
        try {
            assertTrue(NetnsLab.namespaces().containsAll(List.of(site, lan)), NetnsLab.namespaces().toString());
            assertEquals(List.of("up1", "up2", "up3", "lan0"), lab.branchInterfaces().stream().sorted(
                    (a, b) -> a.startsWith("lan") ? 1 : b.startsWith("lan") ? -1 : a.compareTo(b)).toList());
            assertTrue(lab.runInSite(COMMAND, "nft", "list", "tables").output().contains(SiteFirewall.TABLE));
        } finally {
            lab.close();
        }
        assertEquals(List.of(), lab.leftovers());
        List<String> after = NetnsLab.namespaces();
        assertFalse(after.contains(site) || after.contains(lan), after.toString());
        assertEquals(before.stream().sorted().toList(), after.stream().sorted().toList(), "namespaces");
        assertEquals("", Commands.run(COMMAND, "nft", "list", "tables").output().trim(), "nft tables in the branch");
        CommandResult links = Commands.run(COMMAND, "ip", "-br", "link");
        assertEquals(1, links.output().trim().split("\n").length, "only lo in the branch: " + links.output());
        CommandResult forwarding = Commands.run(COMMAND, "sysctl", "-n", "net.ipv4.ip_forward");
        assertEquals("0", forwarding.output().trim());

        // and it can be built again right away
        try (NetnsLab again = NetnsLab.create()) {
            assertTrue(again.runInLan(COMMAND, "ping", "-c", "1", "-W", "5", NetnsLab.APP_SERVER).exit() == 0);
        }
    }

    @Test
    void lanReachesTheApplicationServerThroughTheBranchAndImpairmentsAct() throws Exception {
        try (NetnsLab lab = NetnsLab.create()) {
            lab.startHttpServer(8080);
            CommandResult ping = lab.runInLan(COMMAND, "ping", "-c", "3", "-i", "0.2", "-W", "5", NetnsLab.APP_SERVER);
            assertEquals(0, ping.exit(), ping.output());
            TrafficCount before = lab.traffic(1);
            CommandResult get = lab.runInLan(COMMAND, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                    "http://" + NetnsLab.APP_SERVER + ":8080/");
            assertEquals("200", get.output().trim(), get.output());
            TrafficCount http = lab.traffic(1).since(before);
            assertTrue(http.toSitePackets() >= 3 && http.toBranchPackets() >= 3, "over uplink 1: " + http);
            assertEquals(new TrafficCount(0, 0, 0, 0), lab.traffic(2), "nothing on uplink 2 yet");

            lab.blackout(1, true);
            CommandResult dark = lab.runInLan(COMMAND, "ping", "-c", "2", "-i", "0.2", "-W", "1", NetnsLab.APP_SERVER);
            assertTrue(dark.exit() != 0, "blackout: " + dark.output());
            lab.blackout(1, false);

            lab.loss(1, 50);
            CommandResult lossy = lab.runInLan(COMMAND, "ping", "-c", "100", "-i", "0.01", "-W", "1", "-q",
                    NetnsLab.APP_SERVER);
            lab.loss(1, 0);
            int received = received(lossy.output());
            // both directions at 50 %: about 25 of 100 come back
            assertTrue(received > 5 && received < 60, lossy.output());

            // the site answers over the uplink the connection came in on
            lab.routeApplicationServerVia(3);
            TrafficCount third = lab.traffic(3);
            assertEquals(0, lab.runInLan(COMMAND, "curl", "-s", "-o", "/dev/null", "-m", "10",
                    "http://" + NetnsLab.APP_SERVER + ":8080/").exit());
            TrafficCount overThird = lab.traffic(3).since(third);
            assertTrue(overThird.toSitePackets() >= 3 && overThird.toBranchPackets() >= 3, overThird.toString());

            // rate: a 1 MB download at 2 Mbit/s takes about 4 s
            lab.rate(3, 2000);
            CommandResult slow = lab.runInLan(COMMAND, "curl", "-s", "-o", "/dev/null", "-w", "%{speed_download}",
                    "http://" + NetnsLab.APP_SERVER + ":8080/", "-r", "0-999999");
            lab.clearImpairments();
            System.out.println("download at 2000 kbit tbf: " + slow.output() + " bytes/s");
            // an upper bound only: a busy machine makes it slower, never faster than the bucket
            assertTrue(Double.parseDouble(slow.output().trim()) < 2000 * 1000 / 8 * 1.25, slow.output());
        }
    }

    private static int received(String pingOutput) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) received").matcher(pingOutput);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
