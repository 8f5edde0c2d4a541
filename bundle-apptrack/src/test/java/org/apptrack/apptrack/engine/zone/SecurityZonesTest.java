package org.apptrack.apptrack.engine.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apptrack.apptrack.engine.PolicyResolver;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.junit.jupiter.api.Test;

class SecurityZonesTest {

    private static long v4(String a) {
        String[] p = a.split("\\.");
        int x = 0;
        for (String s : p) {
            x = (x << 8) | Integer.parseInt(s);
        }
        return SessionTable.ipv4Lo(x);
    }

    private static List<AddressPrefix> prefixes(String... p) {
        return Arrays.stream(p).map(AddressPrefix::parse).collect(Collectors.toList());
    }

    @Test
    void prefixesParseToCanonicalFormAndMatchIpv4AndIpv6() {
        AddressPrefix p = AddressPrefix.parse("10.1.2.3/8");
        assertEquals("10.0.0.0/8", p.toString());
        assertTrue(p.matches(0, v4("10.255.0.1")));
        assertFalse(p.matches(0, v4("11.0.0.1")));
        assertEquals(104, p.bits());
        AddressPrefix v6 = AddressPrefix.parse("2001:db8::1/32");
        assertEquals("2001:db8::/32", v6.toString());
        assertTrue(v6.matches(0x2001_0db8_0000_0000L | 0xFFFFL, 42));
        assertFalse(v6.matches(0x2001_0db9_0000_0000L, 0));
        assertEquals("10.1.1.5/32", AddressPrefix.parse("10.1.1.5").toString());
        AddressPrefix all = AddressPrefix.parse("0.0.0.0/0");
        assertTrue(all.matches(0, v4("203.0.113.9")));
        assertFalse(all.matches(0x2001_0db8_0000_0000L, 1), "an IPv4 prefix never matches an IPv6 address");
        assertTrue(AddressPrefix.parse("::/0").matches(0x2001_0db8_0000_0000L, 1));
        assertTrue(AddressPrefix.parse("fc00::/7").matches(0xfd12_0000_0000_0000L, 0));
    }

    @Test
    void badPrefixesAreRejectedWithoutNameLookups() {
        for (String bad : new String[] {"example.com", "10.0.0.0/33", "10.0.0/8", "::/129", "10.0.0.0/x", "300.1.1.1",
                "", "fe80::/-1"}) {
            assertThrows(IllegalArgumentException.class, () -> AddressPrefix.parse(bad), bad);
        }
    }

    @Test
    void longestPrefixWinsWhateverTheOrder() {
        PrefixTable.Builder b = PrefixTable.builder();
        b.add(AddressPrefix.parse("0.0.0.0/0"), 1);
        b.add(AddressPrefix.parse("10.1.0.0/16"), 3);
        b.add(AddressPrefix.parse("10.0.0.0/8"), 2);
        assertEquals(3, b.add(AddressPrefix.parse("10.1.0.0/16"), 9), "a prefix given twice reports its first value");
        PrefixTable t = b.build();
        assertEquals(3, t.lookup(0, v4("10.1.9.9")));
        assertEquals(2, t.lookup(0, v4("10.2.9.9")));
        assertEquals(1, t.lookup(0, v4("8.8.8.8")));
        assertEquals(-1, t.lookup(0x2001_0db8_0000_0000L, 1));
    }

    private static SecurityZones threeZones(boolean dmzTracked) {
        return SecurityZones.builder()
                .zone("trust", true, SecurityZones.ROOT_LOGICAL_SYSTEM, prefixes("10.0.0.0/8"),
                        List.of("of:0000000000000001/1"))
                .zone("untrust", false, SecurityZones.ROOT_LOGICAL_SYSTEM, prefixes("0.0.0.0/0"), List.of())
                .zone("dmz", dmzTracked, "LSYS1", prefixes("10.9.0.0/16"), List.of("of:0000000000000002"))
                .policy("trust", "untrust", "web-out", true)
                .user("alice", List.of("DEPT1", "admins"), prefixes("10.1.1.5", "10.1.2.0/24"))
                .build();
    }

    @Test
    void flowsArePlacedByIngressInterfaceElsePrefixes() {
        SecurityZones z = threeZones(true);
        int trust = z.zoneId("trust");
        int dmz = z.zoneId("dmz");
        assertEquals(trust, z.interfaceZone("of:0000000000000001/1"));
        assertEquals(-1, z.interfaceZone("of:0000000000000001/2"));
        assertEquals(dmz, z.interfaceZone("of:0000000000000002/7"), "a device entry covers all its ports");

        ZonePolicy out = z.policy(z.resolve(-1, 0, v4("10.1.1.5"), 0, v4("8.8.8.8")));
        assertEquals("trust", out.sourceZone().name());
        assertEquals("untrust", out.destinationZone().name());
        assertEquals("web-out", out.policyName());
        assertTrue(out.userIdentity());

        ZonePolicy toDmz = z.policy(z.resolve(-1, 0, v4("10.1.1.5"), 0, v4("10.9.0.1")));
        assertEquals("dmz", toDmz.destinationZone().name(), "the longer prefix wins");
        assertEquals(SecurityZones.DEFAULT_POLICY_NAME, toDmz.policyName());
        assertFalse(toDmz.userIdentity());

        ZonePolicy fromPort = z.policy(z.resolve(dmz, 0, v4("8.8.4.4"), 0, v4("10.1.1.1")));
        assertEquals("dmz", fromPort.sourceZone().name(), "the ingress interface wins over the client address");
        assertEquals("LSYS1", fromPort.logicalSystem());
    }

    @Test
    void trackedWhenEitherZoneTracksAndNotWhenDisabled() {
        SecurityZones z = threeZones(false);
        assertTrue(z.resolve(-1, 0, v4("10.1.1.1"), 0, v4("8.8.8.8")) >= 0, "trust tracks");
        assertTrue(z.resolve(-1, 0, v4("8.8.8.8"), 0, v4("10.1.1.1")) >= 0, "to-zone trust tracks");
        assertEquals(PolicyResolver.NOT_TRACKED, z.resolve(-1, 0, v4("8.8.8.8"), 0, v4("10.9.1.1")),
                "untrust -> dmz: both disabled");
        SecurityZones off = SecurityZones.builder().enabled(false)
                .zone("trust", true, SecurityZones.ROOT_LOGICAL_SYSTEM, prefixes("0.0.0.0/0"), List.of()).build();
        assertEquals(PolicyResolver.NOT_TRACKED, off.resolve(-1, 0, v4("10.1.1.1"), 0, v4("10.1.1.2")));
        SecurityZones only10 = SecurityZones.builder()
                .zone("trust", true, SecurityZones.ROOT_LOGICAL_SYSTEM, prefixes("10.0.0.0/8"), List.of()).build();
        assertEquals(PolicyResolver.NO_ZONE, only10.resolve(-1, 0, v4("10.1.1.1"), 0, v4("8.8.8.8")));
        assertEquals(PolicyResolver.NO_ZONE, only10.resolve(-1, 0, v4("8.8.8.8"), 0, v4("10.1.1.1")));
    }

    @Test
    void userFieldsFollowTheSeedRules() {
        SecurityZones z = threeZones(true);
        ZonePolicy enforcing = z.policy(z.resolve(-1, 0, v4("10.1.1.5"), 0, v4("8.8.8.8")));
        assertEquals("alice", z.username(enforcing, 0, v4("10.1.1.5")));
        assertEquals("DEPT1,admins", z.roles(enforcing, 0, v4("10.1.1.5")));
        assertEquals("alice", z.username(enforcing, 0, v4("10.1.2.77")));
        assertEquals("unauthenticated user", z.username(enforcing, 0, v4("10.1.3.1")));
        assertEquals("N/A", z.roles(enforcing, 0, v4("10.1.3.1")));
        ZonePolicy plain = z.policy(z.resolve(-1, 0, v4("10.1.1.5"), 0, v4("10.2.0.1")));
        assertFalse(plain.userIdentity());
        assertEquals("N/A", z.username(plain, 0, v4("10.1.1.5")));
        assertEquals("N/A", z.roles(plain, 0, v4("10.1.1.5")));
        assertNull(z.user(0, v4("192.0.2.1")));
    }

    @Test
    void reresolveKeepsZonesByNameAndFallsBackToPrefixes() {
        SecurityZones z = threeZones(true);
        ZonePolicy p = z.policy(z.reresolve("dmz", "untrust", 0, v4("8.8.8.8"), 0, v4("1.1.1.1")));
        assertEquals("dmz", p.sourceZone().name());
        ZonePolicy q = z.policy(z.reresolve("gone", "gone-too", 0, v4("10.1.1.1"), 0, v4("1.1.1.1")));
        assertEquals("trust", q.sourceZone().name());
        assertEquals("untrust", q.destinationZone().name());
    }

    @Test
    void inconsistentConfigurationsAreRejectedNamingTheProperty() {
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> SecurityZones.builder()
                .zone("a", true, "root-logical-system", prefixes("10.0.0.0/8"), List.of())
                .zone("b", true, "root-logical-system", prefixes("10.0.0.0/8"), List.of()).build());
        assertEquals("zone.b.prefixes: 10.0.0.0/8 is already in zone a", dup.getMessage());
        IllegalArgumentException ifs = assertThrows(IllegalArgumentException.class, () -> SecurityZones.builder()
                .zone("a", true, "root-logical-system", List.of(), List.of("of:1/1"))
                .zone("b", true, "root-logical-system", List.of(), List.of("of:1/1")).build());
        assertEquals("zone.b.interfaces: of:1/1 is already in zone a", ifs.getMessage());
        IllegalArgumentException pol = assertThrows(IllegalArgumentException.class, () -> SecurityZones.builder()
                .zone("a", true, "root-logical-system", prefixes("10.0.0.0/8"), List.of())
                .policy("a", "nowhere", "p", false).build());
        assertEquals("policy.a.nowhere: no zone named nowhere", pol.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SecurityZones.builder().build());
        IllegalArgumentException user = assertThrows(IllegalArgumentException.class, () -> SecurityZones.builder()
                .zone("a", true, "root-logical-system", prefixes("10.0.0.0/8"), List.of())
                .user("u1", List.of(), prefixes("10.0.0.1")).user("u2", List.of(), prefixes("10.0.0.1")).build());
        assertEquals("user.u2.addresses: 10.0.0.1/32 already belongs to user u1", user.getMessage());
    }
}
