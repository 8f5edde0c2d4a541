package org.apptrack.capture.filter;

import static org.apptrack.testsupport.packets.Packets.address;
import static org.apptrack.testsupport.packets.Packets.ip4;
import static org.apptrack.testsupport.packets.Packets.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.api.traffic.OwnTraffic;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;
import org.apptrack.capture.frame.LinkType;
import org.apptrack.capture.live.BpfProgram;
import org.apptrack.capture.live.LiveCapture;
import org.apptrack.capture.live.LiveCaptureException;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.api.Test;

/** The own-traffic exclusion as filter text, compiled by libpcap and run on frames (no root). */
class OwnTrafficBpfTest {

    private static final List<InetAddress> HOST = List.of(ip("127.0.0.1"), ip("192.0.2.10"), ip("::1"));

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** SSH and HTTP listening on every address, a UDP stream to 198.51.100.5:514, an SSH login. */
    private static OwnTraffic distribution() {
        return OwnTraffic.of(List.of(
                OwnTrafficRule.endpoint(Protocol.TCP, HOST, 8101, "Karaf SSH"),
                OwnTrafficRule.endpoint(Protocol.TCP, HOST, 8181, "HTTP"),
                new OwnTrafficRule(Protocol.UDP, List.of(ip("198.51.100.5")), 514, HOST, 0, "stream siem"),
                new OwnTrafficRule(Protocol.TCP, List.of(ip("192.0.2.10")), 22, List.of(ip("198.51.100.9")), 52314,
                        "SSH_CONNECTION")));
    }

    private static void requireLibpcap() {
        Prerequisites.require("libpcap (apt-get install libpcap0.8)", Host.hasLibpcap());
    }

    @Test
    void theExpressionNamesEachEndpointInBothDirectionsPortsOfOneEndpointTogether() {
        assertEquals("not ("
                + "(tcp and (((src host 127.0.0.1 or src host 192.0.2.10 or src host ::1)"
                + " and (src port 8101 or src port 8181))"
                + " or ((dst host 127.0.0.1 or dst host 192.0.2.10 or dst host ::1)"
                + " and (dst port 8101 or dst port 8181))))"
                + " or (udp and ((src host 198.51.100.5 and src port 514"
                + " and (dst host 127.0.0.1 or dst host 192.0.2.10 or dst host ::1))"
                + " or (dst host 198.51.100.5 and dst port 514"
                + " and (src host 127.0.0.1 or src host 192.0.2.10 or src host ::1))))"
                + " or (tcp and ((src host 192.0.2.10 and src port 22 and dst host 198.51.100.9 and dst port 52314)"
                + " or (dst host 192.0.2.10 and dst port 22 and src host 198.51.100.9 and src port 52314))))",
                OwnTrafficBpf.exclusion(distribution()));
        assertEquals("", OwnTrafficBpf.exclusion(OwnTraffic.NONE));
    }

    @Test
    void theOperatorsFilterComesFirstInParentheses() {
        assertEquals("(icmp or udp) and not (x)", OwnTrafficBpf.combine("icmp or udp", "not (x)"));
        assertEquals("not (x)", OwnTrafficBpf.combine("  ", "not (x)"));
        assertEquals("tcp", OwnTrafficBpf.combine("tcp", ""));
        assertEquals("", OwnTrafficBpf.combine(null, null));
    }

    @Test
    void ipv6AddressesAreWrittenShort() {
        assertEquals("2001:db8::9", OwnTrafficBpf.text(ip("2001:db8:0:0:0:0:0:9")));
        assertEquals("::1", OwnTrafficBpf.text(ip("::1")));
        assertEquals("fe80::", OwnTrafficBpf.text(ip("fe80::")));
        assertEquals("2001:db8:0:1::1", OwnTrafficBpf.text(ip("2001:db8:0:1:0:0:0:1")));
        assertEquals("1:2:3:4:5:6:7:8", OwnTrafficBpf.text(ip("1:2:3:4:5:6:7:8")));
    }

    @Test
    void libpcapCompilesItForEthernetAndLinuxCookedCaptures() throws Exception {
        requireLibpcap();
        String filter = OwnTrafficBpf.combine("ip or ip6", OwnTrafficBpf.exclusion(distribution()));
        LiveCapture.checkFilter(filter, LinkType.ETHERNET);
        LiveCapture.checkFilter(filter, LinkType.LINUX_SLL2);
        LiveCapture.checkFilter(filter, LinkType.LINUX_SLL);
        // a host with many addresses: a long expression still compiles
        List<InetAddress> many = new ArrayList<>(HOST);
        for (int i = 1; i <= 24; i++) {
            many.add(ip("2001:db8:1::" + Integer.toHexString(i)));
            many.add(ip("10.9.0." + i));
        }
        LiveCapture.checkFilter(OwnTrafficBpf.exclusion(OwnTraffic.of(List.of(
                OwnTrafficRule.endpoint(Protocol.TCP, many, 8101, "SSH"),
                new OwnTrafficRule(Protocol.UDP, List.of(ip("198.51.100.5")), 514, many, 0, "siem")))),
                LinkType.LINUX_SLL2);
        LiveCaptureException bad = assertThrows(LiveCaptureException.class,
                () -> LiveCapture.checkFilter("(" + filter, LinkType.ETHERNET));
        assertEquals(LiveCaptureException.Reason.INVALID_FILTER, bad.reason());
    }

    @Test
    void theKernelWouldDropOwnTrafficBothWaysAndKeepTheSamePortsElsewhere() {
        requireLibpcap();
        String filter = OwnTrafficBpf.exclusion(distribution());
        // own traffic
        assertFalse(keeps(filter, udp4("192.0.2.10", 40000, "198.51.100.5", 514)), "log datagram");
        assertFalse(keeps(filter, udp4("198.51.100.5", 514, "192.0.2.10", 40000)), "from the receiver");
        assertFalse(keeps(filter, tcp4("127.0.0.1", 50000, "127.0.0.1", 8101)), "bin/client");
        assertFalse(keeps(filter, tcp4("192.0.2.10", 8181, "203.0.113.7", 50000)), "a REST answer");
        assertFalse(keeps(filter, tcp6("::1", 50000, "::1", 8181)), "REST over IPv6 loopback");
        assertFalse(keeps(filter, tcp4("198.51.100.9", 52314, "192.0.2.10", 22)), "the SSH login");
        assertFalse(keeps(filter, tcp4("192.0.2.10", 22, "198.51.100.9", 52314)), "its output");
        // transit and other traffic
        assertTrue(keeps(filter, tcp4("203.0.113.7", 50000, "198.51.100.80", 8181)), "8181 elsewhere");
        assertTrue(keeps(filter, udp4("203.0.113.7", 40000, "198.51.100.5", 514)), "another host's syslog");
        assertTrue(keeps(filter, udp4("192.0.2.10", 40000, "198.51.100.5", 515)), "another port");
        assertTrue(keeps(filter, tcp4("192.0.2.10", 40000, "198.51.100.5", 514)), "TCP to the UDP receiver");
        assertTrue(keeps(filter, tcp4("198.51.100.9", 52315, "192.0.2.10", 22)), "another SSH login");
        assertTrue(keeps(filter, tcp6("2001:db8::9", 50000, "2001:db8::80", 8101)), "8101 elsewhere, IPv6");
        assertTrue(keeps(OwnTrafficBpf.combine("tcp", filter), tcp4("203.0.113.7", 1, "198.51.100.80", 2)));
        assertFalse(keeps(OwnTrafficBpf.combine("tcp", filter), udp4("203.0.113.7", 1, "198.51.100.80", 2)),
                "the operator's filter still applies");
    }

    private static boolean keeps(String filter, byte[] frame) {
        return BpfProgram.accepts(filter, LinkType.ETHERNET, frame);
    }

    private static byte[] udp4(String src, int sp, String dst, int dp) {
        return Frames.ipv4(Packets.UDP, ip4(src), ip4(dst), Packets.udp(sp, dp, payload(4)));
    }

    private static byte[] tcp4(String src, int sp, String dst, int dp) {
        return Frames.ipv4(Packets.TCP, ip4(src), ip4(dst), Packets.tcp(sp, dp, Packets.SYN, payload(4)));
    }

    private static byte[] tcp6(String src, int sp, String dst, int dp) {
        return Frames.ipv6(Packets.TCP, address(src), address(dst), Packets.tcp(sp, dp, Packets.SYN, payload(4)));
    }
}
