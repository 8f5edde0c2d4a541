package org.apptrack.appqoe.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ApbrMatchTest {

    private static final long V4 = 0x0000_FFFF_0000_0000L;
    private static final long CLIENT = V4 | 0x0A01_0203L;        // 10.1.2.3
    private static final long SERVER = V4 | 0xC633_6407L;        // 198.51.100.7
    private static final long V6_HIGH = 0x2001_0DB8_0001_0000L;   // 2001:db8:1::
    private static final long V6_LOW = 0x5L;

    private static ApbrMatch match(String... keyValues) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return ApbrMatch.parse(new KeyedFields("apbrProfile.a.rule.r.", new TreeMap<>(m)));
    }

    private static boolean web(ApbrMatch m, String app, String nested) {
        return m.matches(app, nested, 6, 0, CLIENT, 0, SERVER, 443, 0);
    }

    @Test
    void noCriteriaMatchesEverything() {
        ApbrMatch m = match();
        assertTrue(web(m, null, null));
        assertTrue(m.matches("DNS", null, 17, V6_HIGH, V6_LOW, V6_HIGH, V6_LOW, 53, 46));
        assertFalse(m.needsApplication());
        assertTrue(web(ApbrMatch.ANY, "X", null));
    }

    @Test
    void applicationMatchesTheApplicationOrTheNestedOne() {
        ApbrMatch m = match("application", "HTTP, junos:YOUTUBE");
        assertTrue(m.needsApplication());
        assertTrue(web(m, "HTTP", "FACEBOOK"));
        assertTrue(web(m, "SSL", "YOUTUBE"));
        assertTrue(web(m, "ssl", "youtube"), "names compare case-insensitively");
        assertFalse(web(m, "SSL", "NETFLIX"));
        assertFalse(web(m, null, null), "not identified yet");
        assertFalse(web(m, "UNKNOWN", "UNKNOWN"));
        assertTrue(web(match("application", "any"), null, null));
    }

    @Test
    void nestedApplicationMatchesOnlyTheNestedOne() {
        ApbrMatch m = match("nestedApplication", "YOUTUBE");
        assertTrue(web(m, "HTTP", "YOUTUBE"));
        assertFalse(web(m, "YOUTUBE", null));
        ApbrMatch both = match("application", "SSL", "nestedApplication", "ZOOM");
        assertTrue(web(both, "SSL", "ZOOM"));
        assertFalse(web(both, "HTTP", "ZOOM"), "every criterion must match");
    }

    @Test
    void protocolsByNameOrNumber() {
        ApbrMatch m = match("protocol", "udp, 47, icmp6");
        assertTrue(m.matches(null, null, 17, 0, CLIENT, 0, SERVER, 53, 0));
        assertTrue(m.matches(null, null, 47, 0, CLIENT, 0, SERVER, 0, 0));
        assertTrue(m.matches(null, null, 58, 0, CLIENT, 0, SERVER, 0, 0));
        assertFalse(m.matches(null, null, 6, 0, CLIENT, 0, SERVER, 53, 0));
        assertFalse(m.matches(null, null, 300, 0, CLIENT, 0, SERVER, 53, 0));
        assertTrue(match("protocol", "255").allowsProtocol(255));
        assertFalse(match("protocol", "255").allowsProtocol(254));
    }

    @Test
    void addressesOfBothFamilies() {
        ApbrMatch m = match("sourceAddress", "10.0.0.0/8, 2001:db8:1::/48", "destinationAddress", "198.51.100.0/24");
        assertTrue(m.matches(null, null, 6, 0, CLIENT, 0, SERVER, 80, 0));
        assertFalse(m.matches(null, null, 6, 0, V4 | 0x0B01_0203L, 0, SERVER, 80, 0), "11.1.2.3");
        assertFalse(m.matches(null, null, 6, 0, CLIENT, 0, V4 | 0xC633_6507L, 80, 0), "198.51.101.7");
        assertTrue(m.matches(null, null, 6, V6_HIGH, V6_LOW, 0, SERVER, 80, 0));
        assertTrue(m.matches(null, null, 6, V6_HIGH + 1, V6_LOW, 0, SERVER, 80, 0), "2001:db8:1:1::5 is inside /48");
        assertFalse(m.matches(null, null, 6, 0x2001_0DB8_0002_0000L, V6_LOW, 0, SERVER, 80, 0));
        ApbrMatch v4Any = match("destinationAddress", "0.0.0.0/0");
        assertTrue(v4Any.matches(null, null, 6, 0, CLIENT, 0, SERVER, 80, 0));
        assertFalse(v4Any.matches(null, null, 6, 0, CLIENT, V6_HIGH, V6_LOW, 80, 0), "an IPv4 prefix holds no IPv6 address");
        ApbrMatch host = match("destinationAddress", "198.51.100.7");
        assertTrue(host.matches(null, null, 6, 0, CLIENT, 0, SERVER, 80, 0));
        assertFalse(host.matches(null, null, 6, 0, CLIENT, 0, SERVER + 1, 80, 0));
    }

    @Test
    void portsAndRanges() {
        ApbrMatch m = match("destinationPort", "22, 8000-8080");
        assertTrue(m.matches(null, null, 6, 0, CLIENT, 0, SERVER, 22, 0));
        assertTrue(m.matches(null, null, 6, 0, CLIENT, 0, SERVER, 8000, 0));
        assertTrue(m.matches(null, null, 6, 0, CLIENT, 0, SERVER, 8080, 0));
        assertFalse(m.matches(null, null, 6, 0, CLIENT, 0, SERVER, 8081, 0));
        assertFalse(m.matches(null, null, 6, 0, CLIENT, 0, SERVER, 23, 0));
    }

    @Test
    void dscpInAnyForm() {
        ApbrMatch m = match("dscp", "ef, 001010, 0");
        assertTrue(m.matches(null, null, 17, 0, CLIENT, 0, SERVER, 5060, 46));
        assertTrue(m.matches(null, null, 17, 0, CLIENT, 0, SERVER, 5060, 10));
        assertTrue(m.matches(null, null, 17, 0, CLIENT, 0, SERVER, 5060, 0));
        assertFalse(m.matches(null, null, 17, 0, CLIENT, 0, SERVER, 5060, 18));
        assertFalse(m.matches(null, null, 17, 0, CLIENT, 0, SERVER, 5060, 64));
    }

    @Test
    void matchingAllocatesNothing() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) mx;
        assumeTrue(tmx.isThreadAllocatedMemorySupported());
        tmx.setThreadAllocatedMemoryEnabled(true);
        ApbrMatch m = match("application", "HTTP, YOUTUBE", "protocol", "tcp, udp", "sourceAddress",
                "10.0.0.0/8, 2001:db8::/32", "destinationPort", "443, 8000-8080", "dscp", "ef, be");
        String app = "SSL";
        String nested = "YOUTUBE";
        int hits = 0;
        for (int round = 0; round < 3; round++) {
            long before = tmx.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 100_000; i++) {
                if (m.matches(app, nested, 6, 0, CLIENT, 0, SERVER, 443 + (i & 1), (i & 2) == 0 ? 46 : 0)) {
                    hits++;
                }
            }
            long allocated = tmx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            if (round == 2) {
                // One allocation per match would be at least 1.6 MB; the JIT and the allocation
                // counter itself account for a few hundred bytes now and then.
                assertTrue(allocated < 100_000, allocated + " bytes allocated for 100000 matches");
            }
        }
        assertEquals(150_000, hits, "port 443 with either DSCP matches, port 444 does not");
    }
}
