package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.CLAIMED;
import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** Handshakes whose answer echoes the request (Activision, Epic Games), and answers that do not. */
class EchoHandshakeDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    private DissectorHarness h() {
        return DissectorHarness.udp(new EchoHandshakeDissector(catalog), 34741);
    }

    private static byte[] activision(int magic, long a, long b) {
        return Bytes.of().u16(magic).u32(a >>> 32).u32(a & 0xffffffffL).u32(b >>> 32).u32(b & 0xffffffffL)
                .u8(0x15).u16(0x020c).u32(0x2d3f7036L).u8(0xb5).build();
    }

    @Test
    void activisionAnswerEchoesTheRequest() {
        DissectorHarness h = h();
        assertEquals(CLAIMED, h.client(activision(0x0d02, 0x00c4234a84b4b134L, 0xcfffd40f7e9a37c0L)));
        assertEquals(IDENTIFIED, h.server(activision(0x0c02, 0x00c4234a84b4b134L, 0xcfffd40f7e9a37c0L)));
        assertEquals("ACTIVISION", catalog.application(h.out.application()));
    }

    @Test
    void activisionAnswerWithOtherBytesOrTheSameMagicIsNot() {
        DissectorHarness other = h();
        assertEquals(CLAIMED, other.client(activision(0x0d02, 1, 2)));
        assertEquals(NOT_THIS, other.server(activision(0x0c02, 1, 3)));
        DissectorHarness same = h();
        assertEquals(CLAIMED, same.client(activision(0x0d02, 1, 2)));
        assertEquals(NOT_THIS, same.server(activision(0x0d02, 1, 2)), "an echo must answer with the other magic");
    }

    private static byte[] epic(long first, boolean answer) {
        Bytes b = Bytes.of().u32(first).u8(0x08).u32(0x98226574L).u8(0x04);
        return answer ? b.u32(0x34b89353L).zeros(30).build() : b.zeros(40).build();
    }

    @Test
    void epicGamesAnswerSetsTheFlagInTheEchoedWord() {
        DissectorHarness h = h();
        assertEquals(CLAIMED, h.client(epic(0x471a2000L, false)));
        assertEquals(IDENTIFIED, h.server(epic(0x471a2008L, true)));
        assertEquals("EPICGAMES", catalog.application(h.out.application()));
        DissectorHarness repeated = h();
        assertEquals(CLAIMED, repeated.client(epic(0x871a2000L, false)));
        assertEquals(CLAIMED, repeated.client(epic(0x871a2000L, false)), "the request again before an answer");
        assertEquals(IDENTIFIED, repeated.server(epic(0x871a2008L, true)));
        DissectorHarness wrong = h();
        assertEquals(CLAIMED, wrong.client(epic(0x471a2000L, false)));
        assertEquals(NOT_THIS, wrong.server(epic(0x471b2008L, true)));
    }

    @Test
    void aServerSpeakingFirstOrRandomRequestsAreNot() {
        assertEquals(NOT_THIS, h().server(activision(0x0d02, 1, 2)));
        Random random = new Random(3074);
        for (int i = 0; i < 10_000; i++) {
            byte[] b = new byte[1 + random.nextInt(200)];
            random.nextBytes(b);
            if (b.length > 1 && (b[0] == 0x0c || b[0] == 0x0d) && b[1] == 0x02) {
                continue;
            }
            assertEquals(NOT_THIS, h().client(b));
        }
    }
}
