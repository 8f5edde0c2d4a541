package org.apptrack.apptrack.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PortServiceMapTest {

    private final PortServiceMap map = PortServiceMap.junosDefaults();

    private PortServiceMap.Entry lookup(int protocol, int server, int client) {
        return map.entry(map.lookup(protocol, server, client));
    }

    @Test
    void servicesOfTheSpecificationsSamples() {
        // Names as real devices and the specification's samples show them.
        assertEquals("junos-https", lookup(6, 443, 59896).serviceName());
        assertEquals("SSL", lookup(6, 443, 59896).application());
        assertEquals("junos-http", lookup(6, 80, 48873).serviceName());
        assertEquals("Web", lookup(6, 80, 48873).category());
        assertEquals("junos-pop3", lookup(6, 110, 40297).serviceName());
        assertEquals("junos-ftp", lookup(6, 21, 32770).serviceName());
        assertEquals("junos-dns-udp", lookup(17, 53, 40000).serviceName());
        assertEquals("junos-dns-tcp", lookup(6, 53, 40000).serviceName());
    }

    @Test
    void unknownPortsAndProtocolsAreNoneAndUnknown() {
        PortServiceMap.Entry e = lookup(17, 6771, 6771);
        assertEquals("None", e.serviceName());
        assertEquals("UNKNOWN", e.application());
        assertEquals("N/A", e.category());
        assertEquals("N/A", e.subCategory());
        assertEquals("None", lookup(47, 0, 0).serviceName());
        assertEquals("None", lookup(6, 8080, 51000).serviceName());
    }

    @Test
    void theServerPortWinsOverTheClientPort() {
        assertEquals("junos-http", lookup(6, 80, 443).serviceName());
        assertEquals("junos-dns-udp", lookup(17, 40000, 53).serviceName(), "reply-first pickup still knows DNS");
        assertEquals("icmp", lookup(1, 0, 0).serviceName());
    }
}
