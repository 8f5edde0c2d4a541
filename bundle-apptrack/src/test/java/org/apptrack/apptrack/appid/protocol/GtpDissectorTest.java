package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** GTP-C (v1 and v2), GTP-U and GTP' headers on their ports, named GTP with the variant nested. */
class GtpDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    private String[] names(DissectorHarness h) {
        return new String[] {catalog.application(h.out.application()), catalog.application(h.out.nested())};
    }

    @Test
    void gtpv2CreateSessionRequest() {
        DissectorHarness h = DissectorHarness.udp(new GtpDissector(catalog), 2123);
        // flags 0x48 (version 2, TEID present), type 32, length 20: TEID, sequence, then 12 bytes of IEs
        assertEquals(IDENTIFIED, h.client(Bytes.of().u8(0x48).u8(32).u16(20).u32(0).u32(0x4b546200L).zeros(12)
                .build()));
        assertEquals("GTP", names(h)[0]);
        assertEquals("GTP-C", names(h)[1]);
    }

    @Test
    void gtpv1EchoAndUserData() {
        DissectorHarness c = DissectorHarness.udp(new GtpDissector(catalog), 2123);
        assertEquals(IDENTIFIED, c.client(Bytes.of().u8(0x32).u8(1).u16(4).u32(0).u16(7).u8(0).u8(0).build()));
        assertEquals("GTP-C", names(c)[1]);
        DissectorHarness u = DissectorHarness.udp(new GtpDissector(catalog), 2152);
        assertEquals(IDENTIFIED, u.client(Bytes.of().u8(0x30).u8(255).u16(20).u32(0x1234).zeros(20).build()));
        assertEquals("GTP-U", names(u)[1]);
    }

    @Test
    void gtpPrimeDataRecordTransfer() {
        DissectorHarness h = DissectorHarness.udp(new GtpDissector(catalog), 3386);
        assertEquals(IDENTIFIED, h.client(Bytes.of().u8(0x2e).u8(240).u16(10).u16(4).u8(1).zeros(9).build()));
        assertEquals("GTP-PRIME", names(h)[1]);
    }

    @Test
    void wrongLengthsVersionsAndPortsAreNot() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new GtpDissector(catalog), 2123).client(
                Bytes.of().u8(0x48).u8(32).u16(21).u32(0).u32(0).zeros(12).build()), "length one more");
        assertEquals(NOT_THIS, DissectorHarness.udp(new GtpDissector(catalog), 2123).client(
                Bytes.of().u8(0x68).u8(32).u16(20).u32(0).u32(0).zeros(12).build()), "version 3");
        assertEquals(NOT_THIS, DissectorHarness.udp(new GtpDissector(catalog), 5000).client(
                Bytes.of().u8(0x48).u8(32).u16(20).u32(0).u32(0).zeros(12).build()), "not its port");
        assertEquals(NOT_THIS, DissectorHarness.udp(new GtpDissector(catalog), 2123).client(
                Bytes.of().u8(0x37).u8(3).u16(0).u32(0x42000000L).build()), "optional fields flagged but absent");
        // a GTP' look-alike: the long-header flag set but a length that fits no header
        assertEquals(NOT_THIS, DissectorHarness.udp(new GtpDissector(catalog), 3386).client(
                Bytes.of().u8(0x27).u8(0).u16(0).u32(0x02590000L).zeros(31).build()));
    }
}
