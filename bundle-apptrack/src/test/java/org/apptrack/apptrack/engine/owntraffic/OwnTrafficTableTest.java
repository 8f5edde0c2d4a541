package org.apptrack.apptrack.engine.owntraffic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.List;
import org.apptrack.api.traffic.OwnTraffic;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;
import org.junit.jupiter.api.Test;

/** Matching a flow's first packet against the own-traffic rules, as the engine asks. */
class OwnTrafficTableTest {

    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final long MAPPED = 0x0000_ffff_0000_0000L;

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The decoder's form of an address: high long. */
    private static long hi(String text) {
        byte[] b = ip(text).getAddress();
        return b.length == 4 ? 0 : java.nio.ByteBuffer.wrap(b).getLong(0);
    }

    /** The decoder's form of an address: low long (IPv4 mapped). */
    private static long lo(String text) {
        byte[] b = ip(text).getAddress();
        return b.length == 4 ? MAPPED | (java.nio.ByteBuffer.wrap(b).getInt() & 0xffffffffL)
                : java.nio.ByteBuffer.wrap(b).getLong(8);
    }

    private static boolean matches(OwnTrafficTable t, int proto, String src, int sp, String dst, int dp) {
        return t.matches(proto, hi(src), lo(src), sp, hi(dst), lo(dst), dp);
    }

    /** This host: 192.0.2.10, 2001:db8::10 and loopback. */
    private static final List<InetAddress> HOST = List.of(ip("127.0.0.1"), ip("192.0.2.10"), ip("::1"),
            ip("2001:db8::10"));

    private static OwnTrafficTable table(OwnTrafficRule... rules) {
        return OwnTrafficTable.of(OwnTraffic.of(List.of(rules)));
    }

    @Test
    void aWildcardListenerMatchesThisHostsAddressesOnlyInBothDirections() {
        OwnTrafficTable t = table(OwnTrafficRule.endpoint(Protocol.TCP, HOST, 8181, "HTTP"));
        assertTrue(matches(t, TCP, "198.51.100.7", 50000, "192.0.2.10", 8181), "to this host");
        assertTrue(matches(t, TCP, "192.0.2.10", 8181, "198.51.100.7", 50000), "answer from this host");
        assertTrue(matches(t, TCP, "127.0.0.1", 40000, "127.0.0.1", 8181), "loopback");
        assertTrue(matches(t, TCP, "2001:db8::99", 40000, "2001:db8::10", 8181), "IPv6");
        assertFalse(matches(t, TCP, "198.51.100.7", 50000, "203.0.113.80", 8181), "transit to 8181 elsewhere");
        assertFalse(matches(t, TCP, "203.0.113.80", 8181, "198.51.100.7", 50000), "transit from 8181 elsewhere");
        assertFalse(matches(t, UDP, "198.51.100.7", 50000, "192.0.2.10", 8181), "other protocol");
        assertFalse(matches(t, TCP, "198.51.100.7", 50000, "192.0.2.10", 8080), "other port");
        assertFalse(matches(t, TCP, "192.0.2.10", 40000, "198.51.100.7", 8181),
                "this host as a client of someone else's 8181");
    }

    @Test
    void aListenerBoundToOneAddressMatchesThatAddressOnly() {
        OwnTrafficTable t = table(OwnTrafficRule.endpoint(Protocol.TCP, List.of(ip("127.0.0.1")), 8101, "SSH"));
        assertTrue(matches(t, TCP, "127.0.0.1", 40000, "127.0.0.1", 8101));
        assertFalse(matches(t, TCP, "198.51.100.7", 40000, "192.0.2.10", 8101), "not bound there");
    }

    @Test
    void aStreamMatchesItsReceiverWithThisHostAsSenderOnly() {
        OwnTrafficTable t = table(new OwnTrafficRule(Protocol.UDP, List.of(ip("198.51.100.5")), 514, HOST, 0,
                "security-log stream siem"));
        assertTrue(matches(t, UDP, "192.0.2.10", 41000, "198.51.100.5", 514));
        assertTrue(matches(t, UDP, "198.51.100.5", 514, "192.0.2.10", 41000), "the receiver's answer");
        assertFalse(matches(t, UDP, "198.51.100.77", 41000, "198.51.100.5", 514), "another host's syslog");
        assertFalse(matches(t, TCP, "192.0.2.10", 41000, "198.51.100.5", 514), "TCP to the UDP receiver");
    }

    @Test
    void ipv6AndIpv4MappedAddressesMatchTheSameRules() {
        OwnTrafficTable t = table(new OwnTrafficRule(Protocol.TCP, List.of(ip("2001:db8::5")), 6514,
                List.of(ip("2001:db8::10")), 0, "tls stream"),
                OwnTrafficRule.endpoint(Protocol.UDP, List.of(ip("::ffff:10.1.2.3")), 161, "snmp"));
        assertTrue(matches(t, TCP, "2001:db8::10", 33000, "2001:db8::5", 6514));
        assertFalse(matches(t, TCP, "2001:db8::11", 33000, "2001:db8::5", 6514));
        // ::ffff:10.1.2.3 was given: the IPv4 packet matches, and so does an IPv6 packet with the mapped form
        assertTrue(matches(t, UDP, "192.0.2.1", 1234, "10.1.2.3", 161));
        long mappedHi = 0;
        long mappedLo = MAPPED | 0x0a010203L;
        assertTrue(t.matches(UDP, hi("2001:db8::1"), lo("2001:db8::1"), 1234, mappedHi, mappedLo, 161));
    }

    @Test
    void aManagementConnectionMatchesItsFourTupleOnly() {
        OwnTrafficTable t = table(new OwnTrafficRule(Protocol.TCP, List.of(ip("192.0.2.10")), 22,
                List.of(ip("198.51.100.9")), 52314, "SSH_CONNECTION"));
        assertTrue(matches(t, TCP, "198.51.100.9", 52314, "192.0.2.10", 22));
        assertTrue(matches(t, TCP, "192.0.2.10", 22, "198.51.100.9", 52314));
        assertFalse(matches(t, TCP, "198.51.100.9", 52315, "192.0.2.10", 22), "another login");
    }

    @Test
    void noRulesMatchNothing() {
        OwnTrafficTable t = OwnTrafficTable.of(OwnTraffic.NONE);
        assertFalse(matches(t, TCP, "127.0.0.1", 1, "127.0.0.1", 2));
        assertFalse(matches(t, TCP, "127.0.0.1", 0, "127.0.0.1", 65535));
    }

    @Test
    void matchingAllocatesNothing() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) mx;
        assumeTrue(tmx.isThreadAllocatedMemorySupported());
        tmx.setThreadAllocatedMemoryEnabled(true);
        OwnTrafficTable t = table(OwnTrafficRule.endpoint(Protocol.TCP, HOST, 8181, "HTTP"),
                new OwnTrafficRule(Protocol.UDP, List.of(ip("198.51.100.5")), 514, HOST, 0, "siem"));
        long h1 = hi("192.0.2.10");
        long l1 = lo("192.0.2.10");
        long h2 = hi("198.51.100.5");
        long l2 = lo("198.51.100.5");
        // the fewest bytes of several rounds after a warm-up: a busy machine may leave a round
        // interpreted or in the middle of a compilation, whose bookkeeping the counter also sees
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 6; round++) {
            int hits = 0;
            long before = tmx.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 200_000; i++) {
                hits += t.matches(UDP, h1, l1, 40000 + (i & 1023), h2, l2, 514) ? 1 : 0;
                hits += t.matches(TCP, h2, l2, 40000 + (i & 1023), h1, l1, 443) ? 1 : 0;
            }
            long allocated = tmx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertTrue(hits == 200_000, "every datagram to the receiver matched: " + hits);
            if (round > 0) {
                fewest = Math.min(fewest, allocated);
            }
        }
        assertTrue(fewest < 1024, fewest + " bytes allocated for 400,000 matches");
    }
}
