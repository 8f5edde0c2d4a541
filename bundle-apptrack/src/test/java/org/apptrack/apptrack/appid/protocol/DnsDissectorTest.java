package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.CLAIMED;
import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** The DNS dissector on the resolvers that speak DNS only to hand out their DNSCrypt certificate. */
class DnsDissectorTest {

    private final IdentificationCatalog catalog = new NamesCatalog();

    @Test
    void avastSecureDnsCertificateQueryInRandomisedCaseOnUdp443() {
        DissectorHarness h = DissectorHarness.udp(new DnsDissector(catalog), 443);
        assertEquals(CLAIMED, h.client(txtQuery("2", "SeCURednS", "aVasT", "CoM")));
        assertEquals("AVASTSECUREDNS", catalog.application(h.out.application()));
    }

    @Test
    void otherNamesOfAvastAndOtherCertificateQueriesAreNotAvastSecureDns() {
        DissectorHarness www = DissectorHarness.udp(new DnsDissector(catalog), 53);
        assertEquals(CLAIMED, www.client(txtQuery("securedns", "avast", "com")));
        assertEquals("DNS", catalog.application(www.out.application()), "a lookup of the resolver's name is DNS");

        DissectorHarness longer = DissectorHarness.udp(new DnsDissector(catalog), 53);
        assertEquals(CLAIMED, longer.client(txtQuery("2", "securedns", "avast", "com", "example")));
        assertEquals("DNS", catalog.application(longer.out.application()));

        DissectorHarness dnscrypt = DissectorHarness.udp(new DnsDissector(catalog), 443);
        assertEquals(CLAIMED, dnscrypt.client(txtQuery("2", "dnscrypt-cert", "example", "org")));
        assertEquals("DNSCRYPT", catalog.application(dnscrypt.out.application()));
    }

    @Test
    void theAnswerKeepsTheName() {
        DissectorHarness h = DissectorHarness.udp(new DnsDissector(catalog), 443);
        h.client(txtQuery("2", "securedns", "avast", "com"));
        byte[] query = txtQuery("2", "securedns", "avast", "com");
        query[2] = (byte) 0x81;
        query[3] = (byte) 0x80;
        assertEquals(IDENTIFIED, h.server(query));
        assertEquals("AVASTSECUREDNS", catalog.application(h.out.application()));
    }

    private static byte[] txtQuery(String... labels) {
        Bytes b = Bytes.of().u16(0x48c4).u16(0x0100).u16(1).u16(0).u16(0).u16(0);
        for (String label : labels) {
            b.u8(label.length()).bytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        return b.u8(0).u16(16).u16(1).build();
    }
}
