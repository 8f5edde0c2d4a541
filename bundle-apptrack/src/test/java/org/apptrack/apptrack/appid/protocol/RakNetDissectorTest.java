package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.MAYBE;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

/** RakNet's offline messages, ACKs and frame sets, and RTP and random look-alikes. */
class RakNetDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    private DissectorHarness h() {
        return DissectorHarness.udp(new RakNetDissector(catalog), 19132);
    }

    private static Bytes magic(Bytes b) {
        return b.u32(0x00ffff00L).u32(0xfefefefeL).u32(0xfdfdfdfdL).u32(0x12345678L);
    }

    @Test
    void openConnectionRequestAndUnconnectedPing() {
        DissectorHarness request = h();
        assertEquals(IDENTIFIED, request.client(magic(Bytes.of().u8(0x05)).u8(10).zeros(1400).build()));
        assertEquals("RAKNET", catalog.application(request.out.application()));
        assertEquals(IDENTIFIED, h().client(magic(Bytes.of().u8(0x01).u32(0).u32(1234)).u32(0).u32(7).build()));
    }

    @Test
    void gameNumberedMessagesAndAGameHeaderKeepTheMagic() {
        // Roblox numbers the open-connection request 0x7b; its proxy puts a 31-byte header first
        assertEquals(IDENTIFIED, h().client(magic(Bytes.of().u8(0x7b)).u8(5).zeros(1300).build()));
        assertEquals(IDENTIFIED, h().client(magic(Bytes.of().u32(0x0100001fL).zeros(27).u8(0x7b)).zeros(1300)
                .build()));
    }

    @Test
    void ackWhoseRecordsTileTheDatagram() {
        assertEquals(IDENTIFIED, h().server(Bytes.of().u8(0xc0).u16(1).u8(1).u8(0).u16(0).build()));
        assertEquals(IDENTIFIED, h().server(Bytes.of().u8(0xc0).u16(2).u8(0).u8(0).u16(0).u8(0).u16(2).u8(1).u8(0).u16(5).build()));
        assertEquals(NOT_THIS, h().server(Bytes.of().u8(0xc0).u16(2).u8(1).u8(0).u16(0).build()), "a record short");
        assertEquals(NOT_THIS, h().server(Bytes.of().u8(0xc0).u16(1).u8(2).u8(0).u16(0).build()), "no such type");
    }

    @Test
    void frameSetNeedsASecondOne() {
        // reliable frame: flags 0x40, 144 bits, reliable index, an 18-byte connection request
        byte[] frameSet = Bytes.of().u8(0x84).u8(0).u16(0).u8(0x40).u16(144).u8(0).u16(0).u8(0x09).zeros(17).build();
        DissectorHarness h = h();
        assertEquals(MAYBE, h.client(frameSet));
        assertEquals(IDENTIFIED, h.client(frameSet));
        byte[] cut = Bytes.of().u8(0x84).u8(0).u16(0).u8(0x40).u16(144).u8(0).u16(0).u8(0x09).zeros(16).build();
        assertEquals(NOT_THIS, h().client(cut), "frames must tile the datagram");
    }

    @Test
    void rtpIsNotAFrameSet() {
        DissectorHarness h = h();
        // RTP version 2, PCMU, sequence, timestamp, SSRC, 160 bytes of audio
        byte[] rtp = Bytes.of().u8(0x80).u8(0).u16(100).u32(16000).u32(0x1234abcdL).zeros(160).build();
        assertEquals(NOT_THIS, h.client(rtp));
    }

    @Test
    void randomDatagramsAreNotTaken() {
        Random random = new Random(19132);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[1 + random.nextInt(300)];
            random.nextBytes(b);
            DissectorHarness h = h();
            int first = h.client(b);
            if (first == MAYBE) {
                byte[] c = new byte[1 + random.nextInt(300)];
                random.nextBytes(c);
                assertEquals(NOT_THIS, h.client(c));
            } else {
                assertEquals(NOT_THIS, first);
            }
        }
    }
}
