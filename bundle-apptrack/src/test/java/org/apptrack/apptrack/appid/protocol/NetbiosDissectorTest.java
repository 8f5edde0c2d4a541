package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** NetBIOS datagrams (RFC 1002 4.4), with an SMB1 mailslot message inside or not. */
class NetbiosDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    /** "WORKGROUP" first-level encoded: 32 letters 'A'..'P'. */
    private static byte[] name() {
        return "FHEPFCELEHFCEPFFFACACACACACACABN".getBytes(StandardCharsets.US_ASCII);
    }

    private static Bytes datagram() {
        return Bytes.of().u8(0x11).u8(0x02).u16(0x8001).u32(0xc0a80001L).u16(138).u16(200).u16(0)
                .u8(0x20).bytes(name()).u8(0).u8(0x20).bytes(name()).u8(0);
    }

    @Test
    void browserDatagramCarriesSmb1() {
        DissectorHarness h = DissectorHarness.udp(new NetbiosDissector(catalog), 138);
        assertEquals(IDENTIFIED, h.client(datagram().u32(0xff534d42L).u8(0x25).zeros(40).build()));
        assertEquals("NETBIOS", catalog.application(h.out.application()));
        assertEquals("SMBV1", catalog.application(h.out.nested()));
    }

    @Test
    void datagramWithOtherDataHasNoNestedApplication() {
        DissectorHarness h = DissectorHarness.udp(new NetbiosDissector(catalog), 138);
        assertEquals(IDENTIFIED, h.client(datagram().u32(0x12345678L).zeros(40).build()));
        assertEquals(0, h.out.nested());
        DissectorHarness cut = DissectorHarness.udp(new NetbiosDissector(catalog), 138);
        assertEquals(IDENTIFIED, cut.client(datagram().build()), "no user data at all");
        assertEquals(0, cut.out.nested());
    }

    @Test
    void aDatagramWithoutAnEncodedNameIsNot() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new NetbiosDissector(catalog), 138).client(
                Bytes.of().u8(0x11).u8(0x02).u16(1).u32(0).u16(138).u16(80).u16(0).u8(0x20).zeros(40).build()));
    }
}
