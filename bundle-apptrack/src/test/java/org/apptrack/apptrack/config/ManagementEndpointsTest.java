package org.apptrack.apptrack.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;
import org.junit.jupiter.api.Test;

class ManagementEndpointsTest {

    @Test
    void portsOfThisHostAndEndpointsAnywhere() throws Exception {
        List<ManagementEndpoint> e = ManagementEndpoints.parse(
                " tcp/22,UDP/161 , tcp/192.0.2.10:8443, tcp/[2001:db8::1]:22, udp/[::]:123, tcp/22");
        assertEquals(5, e.size(), "duplicates left out: " + e);
        assertEquals(Protocol.TCP, e.get(0).protocol());
        assertNull(e.get(0).address(), "this host");
        assertEquals(22, e.get(0).port());
        assertEquals(Protocol.UDP, e.get(1).protocol());
        assertEquals(InetAddress.getByName("192.0.2.10"), e.get(2).address());
        assertEquals(InetAddress.getByName("2001:db8::1"), e.get(3).address());
        assertNull(e.get(4).address(), "a wildcard address is this host");
        assertEquals("udp/161", e.get(1).toString());
        assertTrue(ManagementEndpoints.parse(null).isEmpty());
        assertTrue(ManagementEndpoints.parse("").isEmpty());
        assertEquals(2, ManagementEndpoints.parse(new String[] {"tcp/22", "udp/161"}).size());
    }

    @Test
    void invalidEntriesAreRefusedNamingTheFieldAndTheEntry() {
        for (String bad : new String[] {"22", "ssh/22", "tcp/0", "tcp/65536", "tcp/host.example.net:22",
                "tcp/2001:db8::1:22", "tcp/300.1.1.1:22", "tcp/[xyz]:22", "tcp/22/33"}) {
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> ManagementEndpoints.parse("tcp/8101, " + bad), bad);
            assertTrue(x.getMessage().startsWith("managementEndpoints: '" + bad + "'"), x.getMessage());
        }
        StringBuilder many = new StringBuilder();
        for (int p = 1; p <= ManagementEndpoints.MAX + 1; p++) {
            many.append("tcp/").append(p).append(',');
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ManagementEndpoints.parse(many.toString()))
                .getMessage().startsWith("managementEndpoints: more than 64"));
    }

    @Test
    void appTrackRefusesAConfigurationWithABadEndpoint() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> AppTrackSettings.parse(Map.of("managementEndpoints", "tcp/22, icmp/0")));
        assertTrue(x.getMessage().startsWith("managementEndpoints: 'icmp/0'"), x.getMessage());
        assertEquals(1, AppTrackSettings.parse(Map.of("managementEndpoints", "tcp/22")).managementEndpoints().size());
    }
}
