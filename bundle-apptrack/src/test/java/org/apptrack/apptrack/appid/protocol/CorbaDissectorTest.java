package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

class CorbaDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    @Test
    void giopRequestInEitherByteOrderAndMiopOverUdp() {
        DissectorHarness h = DissectorHarness.tcp(new CorbaDissector(catalog), 2809);
        assertEquals(IDENTIFIED, h.client(Bytes.of().bytes(Hex.bytes("47494f50 0102 00 00")).u32(40).zeros(40).build()));
        assertEquals("CORBA", catalog.application(h.out.application()));
        assertEquals(IDENTIFIED, DissectorHarness.tcp(new CorbaDissector(catalog), 2809).server(
                Bytes.of().bytes(Hex.bytes("47494f50 0102 01 01 28000000")).zeros(40).build()), "little-endian reply");
        assertEquals(IDENTIFIED, DissectorHarness.tcp(new CorbaDissector(catalog), 2809).client(
                Bytes.of().bytes(Hex.bytes("47494f50 0102 00 00")).u32(4096).zeros(1000).build()), "spans segments");
        assertEquals(IDENTIFIED, DissectorHarness.udp(new CorbaDissector(catalog), 15984).client(
                Hex.bytes("4d494f50 10 03 e400 00000000 01000000 0c000000 0000000000000000000000 47494f50")));
    }

    @Test
    void otherVersionsTypesOrSizesAreRefused() {
        assertEquals(NOT_THIS, DissectorHarness.tcp(new CorbaDissector(catalog), 2809).client(
                Bytes.of().bytes(Hex.bytes("47494f50 0200 00 00")).u32(40).zeros(40).build()));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new CorbaDissector(catalog), 2809).client(
                Bytes.of().bytes(Hex.bytes("47494f50 0102 00 09")).u32(40).zeros(40).build()));
        assertEquals(NOT_THIS, DissectorHarness.udp(new CorbaDissector(catalog), 2809).client(
                Bytes.of().bytes(Hex.bytes("47494f50 0102 00 00")).u32(41).zeros(40).build()), "a datagram holds all");
    }
}
