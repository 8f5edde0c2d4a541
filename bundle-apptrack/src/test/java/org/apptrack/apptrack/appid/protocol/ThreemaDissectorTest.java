package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.CLAIMED;
import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.junit.jupiter.api.Test;

/** Threema's client and server hellos on port 5222, and what is not one. */
class ThreemaDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();
    private final Random random = new Random(5222);

    private byte[] random(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        b[0] = 0x11; // never '<'
        return b;
    }

    @Test
    void clientHelloThenServerHello() {
        DissectorHarness h = DissectorHarness.tcp(new ThreemaDissector(catalog), 5222);
        assertEquals(CLAIMED, h.client(random(48)));
        assertEquals(IDENTIFIED, h.server(random(80)));
        assertEquals("THREEMA", catalog.application(h.out.application()));
        assertTrue(h.out.encrypted());
    }

    @Test
    void anotherAnswerIsNotThreema() {
        DissectorHarness h = DissectorHarness.tcp(new ThreemaDissector(catalog), 5222);
        assertEquals(CLAIMED, h.client(random(48)));
        assertEquals(NOT_THIS, h.server(random(81)));
    }

    @Test
    void xmppOtherPortsAndAServerSpeakingFirstAreNot() {
        assertEquals(NOT_THIS, DissectorHarness.tcp(new ThreemaDissector(catalog), 5222)
                .client("<stream:stream to='example.com' xmlns='jabber:client'>"));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new ThreemaDissector(catalog), 443).client(random(48)));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new ThreemaDissector(catalog), 5222).server(random(80)));
        assertEquals(NOT_THIS, DissectorHarness.tcp(new ThreemaDissector(catalog), 5222).client(random(47)));
    }
}
