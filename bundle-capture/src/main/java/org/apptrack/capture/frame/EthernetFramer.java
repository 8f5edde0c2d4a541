package org.apptrack.capture.frame;

import java.nio.ByteBuffer;

/**
 * Gives frames of any {@link LinkType} an Ethernet header, because ONOS apps (and ONOS's
 * {@code Ethernet} deserializer) expect Ethernet. Ethernet frames pass through untouched; others
 * are copied once into a reused buffer behind a synthesized header whose EtherType comes from the
 * capture (SLL protocol field) or from the IP version nibble (NULL, LOOP, RAW), and whose source
 * MAC is the SLL link-layer address when it is one. One instance per reading thread.
 */
public final class EthernetFramer {

    /** EtherType IPv4. */
    public static final int ETHERTYPE_IPV4 = 0x0800;
    /** EtherType IPv6. */
    public static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int ETHERNET_HEADER = 14;
    private static final int SLL_HEADER = 16;
    private static final int SLL2_HEADER = 20;
    private static final int NULL_HEADER = 4;

    private final ByteBuffer scratch;

    /** @param maxFrame the largest captured frame (the snap length), plus room for the header */
    public EthernetFramer(int maxFrame) {
        this.scratch = ByteBuffer.allocate(Math.max(maxFrame, 64) + ETHERNET_HEADER);
    }

    /**
     * Returns the frame as Ethernet between position and limit: {@code captured} itself for
     * Ethernet, else a reused buffer valid until the next call; null when the captured bytes are
     * too short to hold the link-layer header (the caller counts that).
     */
    public ByteBuffer toEthernet(LinkType type, ByteBuffer captured) {
        int p = captured.position();
        int length = captured.remaining();
        switch (type) {
            case ETHERNET:
                return length >= ETHERNET_HEADER ? captured : null;
            case LINUX_SLL:
                if (length < SLL_HEADER) {
                    return null;
                }
                return rewrite(captured, p + SLL_HEADER, length - SLL_HEADER, captured.getShort(p + 14) & 0xffff,
                        p + 6, captured.getShort(p + 4) & 0xffff);
            case LINUX_SLL2:
                if (length < SLL2_HEADER) {
                    return null;
                }
                return rewrite(captured, p + SLL2_HEADER, length - SLL2_HEADER, captured.getShort(p) & 0xffff,
                        p + 12, captured.get(p + 11) & 0xff);
            case NULL:
            case LOOP:
                if (length < NULL_HEADER + 1) {
                    return null;
                }
                return rewrite(captured, p + NULL_HEADER, length - NULL_HEADER,
                        etherTypeOfIp(captured.get(p + NULL_HEADER)), -1, 0);
            case RAW:
            case IPV4:
            case IPV6:
                if (length < 1) {
                    return null;
                }
                return rewrite(captured, p, length, etherTypeOfIp(captured.get(p)), -1, 0);
            default:
                return null;
        }
    }

    /** The header length a link type puts before the network layer. */
    public static int headerLength(LinkType type) {
        switch (type) {
            case ETHERNET:
                return ETHERNET_HEADER;
            case LINUX_SLL:
                return SLL_HEADER;
            case LINUX_SLL2:
                return SLL2_HEADER;
            case NULL:
            case LOOP:
                return NULL_HEADER;
            default:
                return 0;
        }
    }

    private static int etherTypeOfIp(byte first) {
        int version = (first >> 4) & 0xf;
        return version == 6 ? ETHERTYPE_IPV6 : version == 4 ? ETHERTYPE_IPV4 : 0;
    }

    private ByteBuffer rewrite(ByteBuffer src, int payloadStart, int payloadLength, int etherType,
                               int linkAddressStart, int linkAddressLength) {
        ByteBuffer out = scratch;
        out.clear();
        if (payloadLength + ETHERNET_HEADER > out.capacity()) {
            payloadLength = out.capacity() - ETHERNET_HEADER;
        }
        for (int i = 0; i < 6; i++) {
            out.put(i, (byte) 0);
        }
        for (int i = 0; i < 6; i++) {
            out.put(6 + i, linkAddressLength == 6 ? src.get(linkAddressStart + i) : 0);
        }
        out.putShort(12, (short) etherType);
        byte[] dst = out.array();
        int base = out.arrayOffset() + ETHERNET_HEADER;
        if (src.hasArray()) {
            System.arraycopy(src.array(), src.arrayOffset() + payloadStart, dst, base, payloadLength);
        } else {
            int position = src.position();
            src.position(payloadStart);
            src.get(dst, base, payloadLength);
            src.position(position);
        }
        out.limit(ETHERNET_HEADER + payloadLength);
        out.position(0);
        return out;
    }
}
