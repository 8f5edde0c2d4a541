package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.MAYBE;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.junit.jupiter.api.Test;

/** Ookla's speed test protocol: the client's HI and the server's HELLO; look-alikes are not it. */
class OoklaDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    private DissectorHarness ookla() {
        return DissectorHarness.tcp(new OoklaDissector(catalog), 8080);
    }

    @Test
    void hiAndHelloNameTheSession() {
        DissectorHarness h = ookla();
        assertEquals(MAYBE, h.client("HI\n"));
        assertEquals(IDENTIFIED, h.server("HELLO 2.4 2016-10-06.1324.996ab91\n"));
        assertEquals("OOKLA", catalog.application(h.out.application()));

        DissectorHarness withId = ookla();
        assertEquals(MAYBE, withId.client("HI 8e17cb65-c6b5-4b39-adcc-97006a1e4537\n"));
        assertEquals(IDENTIFIED, withId.server("HELLO 2.9 (2.9.2) 2021-11-30.2159.ffae0e0\n"));
    }

    @Test
    void lookAlikesAreNotOokla() {
        assertEquals(NOT_THIS, ookla().client("HIGH SCORE\n"));
        assertEquals(NOT_THIS, ookla().client("HI"), "an opening line ends with a newline");
        assertEquals(NOT_THIS, ookla().client("GET / HTTP/1.1\r\n\r\n"));
        DissectorHarness greeting = ookla();
        assertEquals(MAYBE, greeting.client("HI\n"));
        assertEquals(NOT_THIS, greeting.server("HELLO world\n"), "HELLO is followed by a version");
        byte[] noise = new byte[64];
        new Random(7).nextBytes(noise);
        assertEquals(NOT_THIS, ookla().client(noise));
        assertEquals(NOT_THIS, ookla().server(noise));
    }
}
