package org.apptrack.capture.frame;

import java.nio.ByteBuffer;

/**
 * Gives frames of any {@link LinkType} an Ethernet header, because ONOS apps (and ONOS's
 * {@code Ethernet} deserializer) expect Ethernet. Ethernet frames pass through untouched; others
 * are copied once into a reused buffer behind a synthesized header whose EtherType comes from the
 * capture (SLL protocol field, Cisco HDLC protocol field, the PPP protocol) or from the IP version
 * nibble (NULL, LOOP, RAW), and whose source MAC is the SLL link-layer address when it is one.
 * A PPI header is removed when it carries an Ethernet frame. One instance per reading thread.
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
    /** Address, control and a two-byte protocol (PPP, Cisco HDLC). */
    private static final int HDLC_HEADER = 4;
    private static final int PPI_HEADER = 8;
    private static final int PPI_DLT_ETHERNET = 1;
    private static final int PPP_IPV4 = 0x0021;
    private static final int PPP_IPV6 = 0x0057;
    private static final int PPP_MPLS_UNICAST = 0x0281;
    private static final int PPP_MPLS_MULTICAST = 0x0283;
    private static final int ETHERTYPE_MPLS_UNICAST = 0x8847;
    private static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;

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
            case C_HDLC:
                if (length < HDLC_HEADER) {
                    return null;
                }
                return rewrite(captured, p + HDLC_HEADER, length - HDLC_HEADER, captured.getShort(p + 2) & 0xffff,
                        -1, 0);
            case PPP:
            case PPP_HDLC:
                return ppp(captured, p, length);
            case PPI:
                return ppi(captured, p, length);
            default:
                return null;
        }
    }

    /**
     * PPP: the HDLC address and control bytes (0xff 0x03) are optional, the protocol one byte when
     * compressed (odd first byte, RFC 1661 section 6.5). libpcap's DLT_PPP also carries Cisco HDLC
     * frames (address 0x0f or 0x8f), whose protocol is an EtherType.
     */
    private ByteBuffer ppp(ByteBuffer captured, int p, int length) {
        int off = p;
        int end = p + length;
        if (end - off >= 2) {
            int address = captured.get(off) & 0xff;
            if (address == 0x0f || address == 0x8f) {
                return end - off < HDLC_HEADER ? null : rewrite(captured, off + HDLC_HEADER, end - off - HDLC_HEADER,
                        captured.getShort(off + 2) & 0xffff, -1, 0);
            }
            if (address == 0xff && (captured.get(off + 1) & 0xff) == 0x03) {
                off += 2;
            }
        }
        if (end - off < 1) {
            return null;
        }
        int protocol = captured.get(off) & 0xff;
        if ((protocol & 1) == 0) {
            if (end - off < 2) {
                return null;
            }
            protocol = captured.getShort(off) & 0xffff;
            off += 2;
        } else {
            off += 1;
        }
        return rewrite(captured, off, end - off, etherTypeOfPpp(protocol), -1, 0);
    }

    /** PPI (little-endian header length and link type): only an Ethernet frame inside is read. */
    private ByteBuffer ppi(ByteBuffer captured, int p, int length) {
        if (length < PPI_HEADER) {
            return null;
        }
        int headerLength = Short.reverseBytes(captured.getShort(p + 2)) & 0xffff;
        int dlt = Integer.reverseBytes(captured.getInt(p + 4));
        if (headerLength < PPI_HEADER || length - headerLength < ETHERNET_HEADER) {
            return null;
        }
        if (dlt != PPI_DLT_ETHERNET) {
            // not Ethernet inside: a frame of EtherType 0, which decoders count as not IP
            return rewrite(captured, p + headerLength, 0, 0, -1, 0);
        }
        return copy(captured, p + headerLength, length - headerLength, 0);
    }

    private static int etherTypeOfPpp(int protocol) {
        switch (protocol) {
            case PPP_IPV4: return ETHERTYPE_IPV4;
            case PPP_IPV6: return ETHERTYPE_IPV6;
            case PPP_MPLS_UNICAST: return ETHERTYPE_MPLS_UNICAST;
            case PPP_MPLS_MULTICAST: return ETHERTYPE_MPLS_MULTICAST;
            default: return 0;
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
            case PPP:
            case PPP_HDLC:
            case C_HDLC:
                return HDLC_HEADER;
            case PPI:
                return PPI_HEADER + ETHERNET_HEADER;
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
        return copy(src, payloadStart, payloadLength, ETHERNET_HEADER);
    }

    /** Copies {@code length} bytes from {@code start} into the scratch buffer at {@code at}; returns the buffer. */
    private ByteBuffer copy(ByteBuffer src, int payloadStart, int payloadLength, int at) {
        ByteBuffer out = scratch;
        if (payloadLength + at > out.capacity()) {
            payloadLength = out.capacity() - at;
        }
        byte[] dst = out.array();
        int base = out.arrayOffset() + at;
        if (src.hasArray()) {
            System.arraycopy(src.array(), src.arrayOffset() + payloadStart, dst, base, payloadLength);
        } else {
            int position = src.position();
            src.position(payloadStart);
            src.get(dst, base, payloadLength);
            src.position(position);
        }
        out.limit(at + payloadLength);
        out.position(0);
        return out;
    }
}
