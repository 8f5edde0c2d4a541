package org.apptrack.capture.frame;

import static org.apptrack.testsupport.packets.Packets.bytes;
import static org.apptrack.testsupport.packets.Packets.cat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Link types whose frames are rewritten to Ethernet: the EtherType and the payload that follows. */
class EthernetFramerTest {

    /** The start of an IPv4 header and of an IPv6 header (what follows does not matter here). */
    private static final byte[] IPV4 = {0x45, 0, 0, 20, 1, 2, 3, 4};
    private static final byte[] IPV6 = {0x60, 0, 0, 0, 0, 0, 17, 64};

    private final EthernetFramer framer = new EthernetFramer(1500);

    private void assertFramed(LinkType type, byte[] captured, int etherType, byte[] payload) {
        ByteBuffer out = framer.toEthernet(type, ByteBuffer.wrap(captured));
        assertEquals(etherType, out.getShort(12) & 0xffff, type + " EtherType");
        byte[] rest = new byte[out.remaining() - 14];
        out.position(14);
        out.get(rest);
        assertArrayEquals(payload, rest, type + " payload");
    }

    @Test
    void pppWithAndWithoutAddressAndControl() {
        assertFramed(LinkType.PPP, cat(bytes(0xff, 0x03, 0x00, 0x21), IPV4), 0x0800, IPV4);
        assertFramed(LinkType.PPP, cat(bytes(0x00, 0x57), IPV6), 0x86dd, IPV6);
        assertFramed(LinkType.PPP_HDLC, cat(bytes(0xff, 0x03, 0x00, 0x57), IPV6), 0x86dd, IPV6);
        // protocol-field compression: 0x21 alone
        assertFramed(LinkType.PPP, cat(bytes(0xff, 0x03, 0x21), IPV4), 0x0800, IPV4);
        // MPLS unicast keeps its label stack for the decoder; LCP is not IP
        assertFramed(LinkType.PPP, cat(bytes(0x02, 0x81, 0, 1, 0x41, 64), IPV4), 0x8847,
                cat(bytes(0, 1, 0x41, 64), IPV4));
        assertFramed(LinkType.PPP, bytes(0xff, 0x03, 0xc0, 0x21, 1, 1, 0, 4), 0, bytes(1, 1, 0, 4));
    }

    @Test
    void ciscoHdlcOnItsOwnLinkTypeAndInsidePpp() {
        assertFramed(LinkType.C_HDLC, cat(bytes(0x0f, 0x00, 0x08, 0x00), IPV4), 0x0800, IPV4);
        assertFramed(LinkType.PPP, cat(bytes(0x0f, 0x00, 0x08, 0x00), IPV4), 0x0800, IPV4);
        assertFramed(LinkType.PPP, cat(bytes(0x8f, 0x00, 0x86, 0xdd), IPV6), 0x86dd, IPV6);
        assertFramed(LinkType.C_HDLC, bytes(0x8f, 0x00, 0x80, 0x35, 9), 0x8035, bytes(9)); // SLARP: not IP
    }

    @Test
    void ppiCarryingEthernetIsThatFrame() {
        byte[] ethernet = cat(bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0x08, 0x00), IPV4);
        byte[] ppi = cat(bytes(0, 0, 12, 0, 1, 0, 0, 0, 0xaa, 0xbb, 0xcc, 0xdd), ethernet);
        ByteBuffer out = framer.toEthernet(LinkType.PPI, ByteBuffer.wrap(ppi));
        byte[] got = new byte[out.remaining()];
        out.get(got);
        assertArrayEquals(ethernet, got);
        // 802.11 inside: an empty frame of EtherType 0, which the decoders count as not IP
        byte[] wlan = cat(bytes(0, 0, 8, 0, 105, 0, 0, 0), new byte[30]);
        assertFramed(LinkType.PPI, wlan, 0, new byte[0]);
    }

    @Test
    void tooShortForTheHeaderIsNull() {
        assertNull(framer.toEthernet(LinkType.C_HDLC, ByteBuffer.wrap(bytes(0x0f, 0, 8))));
        assertNull(framer.toEthernet(LinkType.PPP, ByteBuffer.wrap(bytes(0xff, 0x03, 0x00))));
        assertNull(framer.toEthernet(LinkType.PPP, ByteBuffer.wrap(new byte[0])));
        assertNull(framer.toEthernet(LinkType.PPI, ByteBuffer.wrap(bytes(0, 0, 8, 0, 1, 0, 0))));
        assertNull(framer.toEthernet(LinkType.PPI, ByteBuffer.wrap(cat(bytes(0, 0, 40, 0, 1, 0, 0, 0),
                Arrays.copyOf(IPV4, 20)))));
    }

    @Test
    void linkTypeCodes() {
        assertEquals(LinkType.PPP, LinkType.fromCode(9));
        assertEquals(LinkType.PPP_HDLC, LinkType.fromCode(50));
        assertEquals(LinkType.C_HDLC, LinkType.fromCode(104));
        assertEquals(LinkType.PPI, LinkType.fromCode(192));
    }
}
