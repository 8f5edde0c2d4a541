package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.junit.jupiter.api.Test;

class AvastDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    @Test
    void messageWhoseLengthIsThePayloads() {
        DissectorHarness h = DissectorHarness.tcp(new AvastDissector(catalog), 80);
        assertEquals(IDENTIFIED, h.server(Hex.bytes("4e4f53410010010200000000e8e67a0c")));
        assertEquals("AVAST", catalog.application(h.out.application()));
    }

    @Test
    void anotherLengthOrNoMagicIsRefused() {
        assertEquals(NOT_THIS, DissectorHarness.tcp(new AvastDissector(catalog), 80).client(
                Hex.bytes("4e4f53410011010200000000e8e67a0c")));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new AvastDissector(catalog), 80).client("NOSAY / HTTP/1.1\r\n"));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new AvastDissector(catalog), 80).client("GET / HTTP/1.1\r\n\r\n"));
    }
}
