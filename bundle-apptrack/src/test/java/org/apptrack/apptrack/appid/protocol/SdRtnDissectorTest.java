package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

class SdRtnDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    private static byte[] join(String name, int declared) {
        return Bytes.of().u16(0x005a).u32(0x384c0000L).u8(0x21).u8(0).u32(0).u8(4)
                .bytes("SNI".getBytes(StandardCharsets.US_ASCII)).u16(declared).u8(0)
                .bytes(name.getBytes(StandardCharsets.US_ASCII)).bytes(Hex.bytes("50444d440000")).build();
    }

    @Test
    void joinMessageNamesTheEdgeServer() {
        DissectorHarness h = DissectorHarness.udp(new SdRtnDissector(catalog), 8130);
        String name = "23-248-186-179.edge.agora.io";
        assertEquals(IDENTIFIED, h.client(join(name, name.length())));
        assertEquals("SD-RTN", catalog.application(h.out.application()));
        assertEquals(name, h.out.nameText());
    }

    @Test
    void aNameLongerThanTheDatagramOrNotAHostNameIsRefused() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new SdRtnDissector(catalog), 8130).client(join("a.agora.io", 400)));
        assertEquals(NOT_THIS, DissectorHarness.udp(new SdRtnDissector(catalog), 8130).client(join("a b\u0001c.io", 9)));
        byte[] otherType = join("edge.agora.io", 13);
        otherType[6] = 0x23;
        assertEquals(NOT_THIS, DissectorHarness.udp(new SdRtnDissector(catalog), 8130).client(otherType));
    }
}
