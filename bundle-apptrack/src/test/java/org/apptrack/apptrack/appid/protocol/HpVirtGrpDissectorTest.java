package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

class HpVirtGrpDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    @Test
    void clientsFirstMessageCarriesItsLength() {
        DissectorHarness h = DissectorHarness.tcp(new HpVirtGrpDissector(catalog), 5223);
        assertEquals(IDENTIFIED, h.client(Bytes.of().u8(0x16).u16(132).u8(0).zeros(128).build()));
        assertEquals("HP-VIRTGRP", catalog.application(h.out.application()));
    }

    @Test
    void tlsRecordsOtherLengthsAndTheServerAreRefused() {
        assertEquals(NOT_THIS, DissectorHarness.tcp(new HpVirtGrpDissector(catalog), 443).client(
                Bytes.of().u8(0x16).u8(3).u8(1).u16(127).zeros(127).build()), "a TLS record");
        assertEquals(NOT_THIS, DissectorHarness.tcp(new HpVirtGrpDissector(catalog), 5223).client(
                Bytes.of().u8(0x16).u16(140).u8(0).zeros(128).build()));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new HpVirtGrpDissector(catalog), 5223).server(
                Bytes.of().u8(0x16).u16(132).u8(0).zeros(128).build()));
    }
}
