package org.apptrack.apptrack.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apptrack.apptrack.engine.PolicyResolver;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.engine.zone.SecurityZones;
import org.apptrack.apptrack.engine.zone.ZonePolicy;
import org.junit.jupiter.api.Test;

class ZoneSettingsTest {

    private static long v4(int a, int b, int c, int d) {
        return SessionTable.ipv4Lo((a << 24) | (b << 16) | (c << 8) | d);
    }

    @Test
    void withoutZonesTrustAndUntrustApply() {
        SecurityZones z = AppTrackSettings.parse(Map.of()).zones();
        assertEquals(List.of("trust", "untrust"), z.zones().stream().map(Object::toString).collect(
                Collectors.toList()));
        ZonePolicy p = z.policy(z.resolve(-1, 0, v4(192, 168, 1, 10), 0, v4(93, 184, 216, 34)));
        assertEquals("trust", p.sourceZone().name());
        assertEquals("untrust", p.destinationZone().name());
        assertEquals("default-policy-logical-system-00", p.policyName());
        assertEquals("N/A", z.username(p, 0, v4(192, 168, 1, 10)));
    }

    @Test
    void theDistributionDefaultFileParses() throws IOException {
        Path cfg = Path.of("..", "karaf-assembly", "src", "main", "resources", "etc", "org.apptrack.apptrack.cfg");
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(cfg)) {
            props.load(in);
        }
        Map<String, Object> map = new HashMap<>();
        props.forEach((k, v) -> map.put(k.toString(), v));
        AppTrackSettings s = AppTrackSettings.parse(map);
        SecurityZones z = s.zones();
        ZonePolicy p = z.policy(z.resolve(-1, 0, v4(10, 0, 0, 1), 0, v4(8, 8, 8, 8)));
        assertEquals("apptrack-observe", p.policyName());
        ZonePolicy in = z.policy(z.resolve(-1, 0, v4(8, 8, 8, 8), 0, v4(10, 0, 0, 1)));
        assertEquals("untrust", in.sourceZone().name());
        assertEquals("default-policy-logical-system-00", in.policyName());
        ZonePolicy v6 = z.policy(z.resolve(-1, 0xfd00_0000_0000_0000L, 1, 0x2001_0db8_0000_0000L, 1));
        assertEquals("trust", v6.sourceZone().name(), "the continued prefixes line is read whole (fc00::/7)");
        assertTrue(s.logSessionCreate());
        assertFalse(s.offload().enabled(), "the distribution sees every packet: packet-in mode");
    }

    @Test
    void zonesPoliciesAndUsersFromFlatKeys() {
        Map<String, Object> props = new HashMap<>();
        props.put("zone.lan.prefixes", "10.0.0.0/8, 2001:db8:1::/48");
        props.put("zone.lan.interfaces", new String[] {"of:0000000000000001/1", "of:0000000000000001/2"});
        props.put("zone.wan.prefixes", List.of("0.0.0.0/0", "::/0"));
        props.put("zone.guest.prefixes", "10.99.0.0/16");
        props.put("zone.guest.applicationTracking", "false");
        props.put("zone.guest.logicalSystem", "LSYS-guest");
        props.put("policy.lan.wan", "permit-web");
        props.put("policy.lan.wan.userIdentity", "true");
        props.put("user.alice.addresses", "10.1.1.5");
        props.put("user.alice.roles", "DEPT1");
        props.put("user.svc1.addresses", "10.1.1.6");
        props.put("user.svc1.name", "backup@example.com");
        props.put("service.pid", "org.apptrack.apptrack"); // ConfigAdmin's own keys are ignored
        SecurityZones z = AppTrackSettings.parse(props).zones();
        assertEquals(3, z.zones().size());
        assertEquals(z.zoneId("lan"), z.interfaceZone("of:0000000000000001/2"));
        ZonePolicy p = z.policy(z.resolve(-1, 0, v4(10, 1, 1, 5), 0, v4(1, 1, 1, 1)));
        assertEquals("permit-web", p.policyName());
        assertEquals("alice", z.username(p, 0, v4(10, 1, 1, 5)));
        assertEquals("DEPT1", z.roles(p, 0, v4(10, 1, 1, 5)));
        assertEquals("backup@example.com", z.username(p, 0, v4(10, 1, 1, 6)));
        assertEquals("N/A", z.roles(p, 0, v4(10, 1, 1, 6)));
        ZonePolicy guest = z.policy(z.resolve(-1, 0, v4(10, 99, 0, 1), 0, v4(10, 1, 1, 1)));
        assertEquals("LSYS-guest", guest.logicalSystem());
        assertTrue(guest.tracked(), "guest -> lan: lan tracks");
        assertEquals(PolicyResolver.NOT_TRACKED, z.resolve(-1, 0, v4(10, 99, 0, 1), 0, v4(10, 99, 0, 2)));
    }

    @Test
    void disableStopsTrackingButKeepsZones() {
        SecurityZones z = AppTrackSettings.parse(Map.of("disable", "true")).zones();
        assertFalse(z.enabled());
        assertEquals(2, z.zones().size());
        assertEquals(PolicyResolver.NOT_TRACKED, z.resolve(-1, 0, v4(10, 0, 0, 1), 0, v4(8, 8, 8, 8)));
    }

    private static String rejected(Map<String, Object> props) {
        return assertThrows(IllegalArgumentException.class, () -> AppTrackSettings.parse(props)).getMessage();
    }

    @Test
    void errorsNameTheProperty() {
        assertTrue(rejected(Map.of("zone.lan.prefix", "10.0.0.0/8")).startsWith("zone.lan.prefix: unknown property"));
        assertTrue(rejected(Map.of("zone.l.a.n.prefixes", "10.0.0.0/8")).startsWith("zone.l.a.n.prefixes: expected"));
        assertTrue(rejected(Map.of("zone.lan.prefixes", "10.0.0.0/80"))
                .startsWith("zone.lan.prefixes: prefix length out of range"));
        assertTrue(rejected(Map.of("zone.lan.prefixes", "lan.example.com"))
                .startsWith("zone.lan.prefixes: not an IPv4 or IPv6 address"));
        assertTrue(rejected(Map.of("zone.lan.prefixes", "10.0.0.0/8", "zone.lan.applicationTracking", "yes"))
                .startsWith("zone.lan.applicationTracking: not true or false"));
        assertEquals("zone.lan.prefixes: a zone needs prefixes or interfaces",
                rejected(Map.of("zone.lan.logicalSystem", "LSYS1")));
        assertEquals("policy.lan.dmz: no zone named dmz",
                rejected(Map.of("zone.lan.prefixes", "0.0.0.0/0", "policy.lan.dmz", "p1")));
        assertTrue(rejected(Map.of("zone.lan.prefixes", "0.0.0.0/0", "policy.lan", "p1")).startsWith("policy.lan: "));
        assertEquals("policy.lan.lan.userIdentity: no policy policy.lan.lan",
                rejected(Map.of("zone.lan.prefixes", "0.0.0.0/0", "policy.lan.lan.userIdentity", "true")));
        assertTrue(rejected(Map.of("zone.lan.prefixes", "0.0.0.0/0", "policy.lan.lan", "a\"b"))
                .startsWith("policy.lan.lan: control character or quote"));
        assertEquals("user.bob.addresses: a user needs at least one address or prefix",
                rejected(Map.of("user.bob.roles", "x")));
        assertTrue(rejected(Map.of("disable", "maybe")).startsWith("disable: not true or false"));
    }
}
