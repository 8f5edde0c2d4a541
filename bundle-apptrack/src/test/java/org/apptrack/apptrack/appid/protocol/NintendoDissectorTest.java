package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

class NintendoDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    @Test
    void piaMagicAndVersion() {
        DissectorHarness h = DissectorHarness.udp(new NintendoDissector(catalog), 49432);
        assertEquals(IDENTIFIED, h.client(Bytes.of().u32(0x32ab9864L).u8(2).zeros(80).build()));
        assertEquals("NINTENDO", catalog.application(h.out.application()));
    }

    @Test
    void anotherVersionOrAShortDatagramIsRefused() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new NintendoDissector(catalog), 49432).client(
                Bytes.of().u32(0x32ab9864L).u8(3).zeros(80).build()));
        assertEquals(NOT_THIS, DissectorHarness.udp(new NintendoDissector(catalog), 49432).client(
                Bytes.of().u32(0x32ab9864L).u8(2).zeros(20).build()));
    }
}
