package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.MAYBE;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static java.nio.charset.StandardCharsets.US_ASCII;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

class SoftEtherDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    @Test
    void probeAndTheAddressAnswer() {
        DissectorHarness h = DissectorHarness.udp(new SoftEtherDissector(catalog), 5004);
        assertEquals(MAYBE, h.client("A"));
        assertEquals(MAYBE, h.client("A"));
        assertEquals(IDENTIFIED, h.server("IP=198.51.100.7,PORT=51381"));
        assertEquals("SOFTETHER", catalog.application(h.out.application()));
        assertEquals(IDENTIFIED, DissectorHarness.udp(new SoftEtherDissector(catalog), 5004).server(
                "IP=2001:db8::7,PORT=443"));
    }

    @Test
    void controlPackFromEitherSide() {
        DissectorHarness h = DissectorHarness.udp(new SoftEtherDissector(catalog), 5004);
        assertEquals(IDENTIFIED, h.client(Bytes.of().u32(3).u32(7)
                .bytes("opcode".getBytes(US_ASCII)).u32(2).u32(1).u32(9)
                .bytes("get_token".getBytes(US_ASCII)).zeros(40).build()));
        assertEquals("SOFTETHER", catalog.application(h.out.application()));
        assertEquals(NOT_THIS, DissectorHarness.udp(new SoftEtherDissector(catalog), 5004).client(
                Bytes.of().u32(3).u32(7).bytes("op code".getBytes(US_ASCII)).u32(2).u32(1).build()),
                "a name with a space");
        assertEquals(NOT_THIS, DissectorHarness.udp(new SoftEtherDissector(catalog), 5004).client(
                Bytes.of().u32(3).u32(7).bytes("opcode".getBytes(US_ASCII)).u32(5).u32(1).build()),
                "no such value type");
    }

    @Test
    void anythingElseIsRefused() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new SoftEtherDissector(catalog), 5004).client("AB"));
        assertEquals(NOT_THIS, DissectorHarness.udp(new SoftEtherDissector(catalog), 5004).server(
                "IP=198.51.100.7,PORT=51381;x"));
        assertEquals(NOT_THIS, DissectorHarness.udp(new SoftEtherDissector(catalog), 5004).server(
                "IP=host.example,PORT=1"));
        assertEquals(NOT_THIS, DissectorHarness.udp(new SoftEtherDissector(catalog), 5004).server(
                "IP=198.51.100.7,PORT=99999"));
    }
}
