package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.MAYBE;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** DNSCrypt's opaque query and the resolver magic of its answer, over UDP and TCP. */
class DnsCryptDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();
    private final Random random = new Random(443);

    private byte[] opaque(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    @Test
    void answerWithTheResolverMagicOverUdp() {
        DissectorHarness h = DissectorHarness.udp(new DnsCryptDissector(catalog), 443);
        assertEquals(MAYBE, h.client(opaque(520)));
        assertEquals(IDENTIFIED, h.server(Bytes.of().u32(0x7236666eL).u32(0x76576a38L).bytes(opaque(240)).build()));
        assertEquals("DNSCRYPT", catalog.application(h.out.application()));
    }

    @Test
    void answerAfterTheLengthOverTcp() {
        DissectorHarness h = DissectorHarness.tcp(new DnsCryptDissector(catalog), 443);
        assertEquals(MAYBE, h.client(Bytes.of().u16(200).bytes(opaque(200)).build()));
        assertEquals(IDENTIFIED, h.server(Bytes.of().u16(248).u32(0x7236666eL).u32(0x76576a38L).bytes(opaque(240))
                .build()));
    }

    @Test
    void otherAnswersAndShortQueriesAreNot() {
        DissectorHarness h = DissectorHarness.udp(new DnsCryptDissector(catalog), 443);
        assertEquals(MAYBE, h.client(opaque(520)));
        assertEquals(NOT_THIS, h.server(opaque(248)));
        assertEquals(NOT_THIS, DissectorHarness.udp(new DnsCryptDissector(catalog), 53).client(opaque(40)));
    }
}
