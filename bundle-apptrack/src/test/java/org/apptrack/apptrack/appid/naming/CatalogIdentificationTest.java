package org.apptrack.apptrack.appid.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The bundled catalog as identification reads it: applications of IP protocols without ports. */
class CatalogIdentificationTest {

    private final CatalogIdentification catalog = CatalogIdentification.bundled();

    private String byProtocol(int ipProtocol) {
        return catalog.application(catalog.portApplication(ipProtocol, 0, 0));
    }

    @Test
    void ipsecEspAndAhAreTheIpsecApplication() {
        assertEquals("IKE", byProtocol(50));
        assertEquals("IKE", byProtocol(51));
        assertEquals(catalog.portApplication(17, 500, 40000), catalog.portApplication(50, 0, 0),
                "the same application as IKE's own port");
    }

    @Test
    void icmpAndRoutingProtocolsByTheirNumber() {
        assertEquals("ICMP", byProtocol(1));
        assertEquals("OSPF", byProtocol(89));
        assertEquals("UNKNOWN", byProtocol(253), "an experimental protocol number");
    }
}
