package org.apptrack.api.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;
import org.junit.jupiter.api.Test;

class OwnTrafficRuleTest {

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void addressesAreSortedWithoutDuplicatesScopesOrMappedForms() throws Exception {
        InetAddress scoped = Inet6Address.getByAddress(null, ip("fe80::1").getAddress(), 2);
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        OwnTrafficRule r = OwnTrafficRule.endpoint(Protocol.TCP, List.of(ip("::1"), scoped, ip("192.0.2.7"),
                Inet6Address.getByAddress(null, mapped, -1), ip("127.0.0.1")), 8101, "Karaf SSH");
        assertEquals(List.of(ip("127.0.0.1"), ip("192.0.2.7"), ip("::1"), ip("fe80::1")), r.addresses());
        assertTrue(r.addresses().get(0) instanceof Inet4Address);
        assertEquals("fe80:0:0:0:0:0:0:1", r.addresses().get(3).getHostAddress(), "no scope id");
        assertTrue(r.peers().isEmpty());
        assertEquals("tcp 127.0.0.1, 192.0.2.7, 0:0:0:0:0:0:0:1, fe80:0:0:0:0:0:0:1 port 8101 with any (Karaf SSH)",
                r.toString());
    }

    @Test
    void equalRulesCompareEqualWhateverTheOrderGiven() throws Exception {
        OwnTrafficRule a = new OwnTrafficRule(Protocol.UDP, List.of(ip("10.0.0.9")), 514,
                List.of(ip("10.0.0.1"), ip("::1")), 0, "security-log stream siem");
        OwnTrafficRule b = new OwnTrafficRule(Protocol.UDP, List.of(ip("10.0.0.9")), 514,
                List.of(ip("::1"), ip("10.0.0.1")), 0, "security-log stream siem");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new OwnTrafficRule(Protocol.TCP, List.of(ip("10.0.0.9")), 514,
                List.of(ip("::1"), ip("10.0.0.1")), 0, "security-log stream siem"));
        assertEquals(OwnTraffic.of(List.of(a)), OwnTraffic.of(List.of(a, b)));
        assertSame(OwnTraffic.NONE, OwnTraffic.of(List.of()));
    }

    @Test
    void rulesWithoutAnAddressOrWithABadPortAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> OwnTrafficRule.endpoint(Protocol.TCP, List.of(), 22, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> OwnTrafficRule.endpoint(Protocol.TCP, List.of(ip("10.0.0.1")), 0, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> OwnTrafficRule.endpoint(Protocol.TCP, List.of(ip("10.0.0.1")), 65536, "x"));
        assertThrows(IllegalArgumentException.class, () -> new OwnTrafficRule(Protocol.TCP, List.of(ip("10.0.0.1")),
                22, List.of(), -1, "x"));
    }
}
