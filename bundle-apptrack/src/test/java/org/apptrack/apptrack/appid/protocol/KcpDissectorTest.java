package org.apptrack.apptrack.appid.protocol;

import static org.apptrack.apptrack.appid.dissect.Dissector.IDENTIFIED;
import static org.apptrack.apptrack.appid.dissect.Dissector.NOT_THIS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apptrack.apptrack.appid.NamesCatalog;
import org.apptrack.testsupport.packets.Bytes;
import org.junit.jupiter.api.Test;

class KcpDissectorTest {

    private final NamesCatalog catalog = new NamesCatalog();

    /** One segment: the header is little-endian. */
    private static Bytes segment(Bytes b, long conversation, int command, int dataLength, int declared) {
        return b.bytes(le32(conversation)).u8(command).u8(0).u8(0x80).u8(0).bytes(le32(20)).bytes(le32(0))
                .bytes(le32(0)).bytes(le32(declared)).zeros(dataLength);
    }

    private static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    @Test
    void pushWithDataAndTwoAcknowledgementsInOneDatagram() {
        DissectorHarness h = DissectorHarness.udp(new KcpDissector(catalog), 8000);
        assertEquals(IDENTIFIED, h.client(segment(Bytes.of(), 10, 81, 100, 100).build()));
        assertEquals("KCP", catalog.application(h.out.application()));
        assertEquals(IDENTIFIED, h.server(segment(segment(Bytes.of(), 10, 82, 0, 0), 10, 82, 0, 0).build()));
    }

    @Test
    void segmentsThatDoNotTileOrMixConversationsAreRefused() {
        assertEquals(NOT_THIS, DissectorHarness.udp(new KcpDissector(catalog), 8000).client(
                segment(Bytes.of(), 10, 81, 100, 99).build()));
        assertEquals(NOT_THIS, DissectorHarness.udp(new KcpDissector(catalog), 8000).client(
                segment(segment(Bytes.of(), 10, 82, 0, 0), 11, 82, 0, 0).build()));
        assertEquals(NOT_THIS, DissectorHarness.udp(new KcpDissector(catalog), 8000).client(
                segment(Bytes.of(), 10, 80, 0, 0).build()), "no such command");
    }
}
