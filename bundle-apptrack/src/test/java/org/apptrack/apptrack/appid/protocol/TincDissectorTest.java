package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.junit.jupiter.api.Test;

/** tinc's ID request, in the 1.0 and 1.1 forms, and lines that only look like it. */
class TincDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    private int client(String line) {
        return DissectorHarness.tcp(new TincDissector(catalog), 655).client(line);
    }

    @Test
    void idRequestOfBothVersions() {
        DissectorHarness h = DissectorHarness.tcp(new TincDissector(catalog), 655);
        assertEquals(IDENTIFIED, h.client("0 home_gw 17\n"));
        assertEquals("TINC", catalog.application(h.out.application()));
        assertEquals(IDENTIFIED, client("0 node2 17.7\n"));
    }

    @Test
    void otherLinesAreNot() {
        assertEquals(NOT_THIS, client("0 home gw 17\n"), "a space in the name");
        assertEquals(NOT_THIS, client("0 home_gw 18\n"), "another protocol version");
        assertEquals(NOT_THIS, client("0 home_gw 17"), "no line end");
        assertEquals(NOT_THIS, client("0  17\n"), "no name");
        assertEquals(NOT_THIS, client("0 home_gw 17.\n"), "no minor version after the dot");
        assertEquals(NOT_THIS, client("01 home 17\n"));
        assertEquals(NOT_THIS, client("GET / HTTP/1.1\r\n\r\n"));
    }
}
