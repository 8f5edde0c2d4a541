package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

class PhotonDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    /** A header and one command of {@code length} bytes (12 of header). */
    private static Bytes command(Bytes b, int type, int length) {
        return b.u8(type).u8(0xff).u8(1).u8(4).u32(length).u32(1).zeros(length - 12);
    }

    @Test
    void connectCommandAndAcknowledgementsThatTileTheDatagram() {
        DissectorHarness h = DissectorHarness.udp(new PhotonDissector(catalog), 5055);
        assertEquals(IDENTIFIED, h.client(command(Bytes.of().u16(0xffff).u8(0).u8(1).u32(4).u32(0x22b6e6baL), 2, 44)
                .build()));
        assertEquals("TOCABOCA", catalog.application(h.out.application()));

        Bytes two = Bytes.of().u16(2).u8(0).u8(2).u32(7).u32(0x22b6e6baL);
        command(command(two, 1, 20), 6, 30);
        assertEquals(IDENTIFIED, DissectorHarness.udp(new PhotonDissector(catalog), 5056).server(two.build()));
    }

    @Test
    void commandsThatDoNotTileOrUnknownTypesAreRefused() {
        Bytes shortByOne = command(Bytes.of().u16(1).u8(0).u8(1).u32(0).u32(0), 2, 44);
        assertEquals(NOT_THIS, DissectorHarness.udp(new PhotonDissector(catalog), 5055).client(shortByOne.u8(0).build()),
                "a byte after the last command");
        assertEquals(NOT_THIS, DissectorHarness.udp(new PhotonDissector(catalog), 5055).client(
                command(Bytes.of().u16(1).u8(0).u8(2).u32(0).u32(0), 2, 44).build()), "two counted, one present");
        assertEquals(NOT_THIS, DissectorHarness.udp(new PhotonDissector(catalog), 5055).client(
                command(Bytes.of().u16(1).u8(0).u8(1).u32(0).u32(0), 0x40, 20).build()), "no such command");
        assertEquals(NOT_THIS, DissectorHarness.udp(new PhotonDissector(catalog), 5055).client(new byte[13]));
    }

    @Test
    void theTwelveByteProbe() {
        assertEquals(IDENTIFIED, DissectorHarness.udp(new PhotonDissector(catalog), 5055).server(
                Hex.bytes("7d7d7d7d7d7d7d7d7d7d7d7d12")));
        assertEquals(NOT_THIS, DissectorHarness.udp(new PhotonDissector(catalog), 5055).server(
                Hex.bytes("7d7d7d7d7d7d7d7d7d7d7d7d1213")));
    }
}
