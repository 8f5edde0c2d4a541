package org.apptrack.apptrack.engine.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Zero-allocation flyweight decoder of Ethernet frames (Ethernet II, 802.1Q, 802.1ad/QinQ,
 * PPPoE sessions, MPLS label stacks, IPv4, IPv6 + extension headers, TCP, UDP, ICMP, ICMPv6) for
 * the AppTrack engine.
 *
 * <p>{@link #decode(ByteBuffer)} reads the bytes between the buffer's position and limit with
 * absolute gets only (heap or direct, any byte order) and never modifies the buffer (not even its
 * position). It never throws on bad input: a frame is either decoded ({@code true}), not IP
 * ({@code false}, counted by {@link #notIp()}), or malformed ({@code false}, counted by exactly
 * one {@link MalformedCause}). After a successful decode the accessors describe the frame until
 * the next call; after a failed one they are reset to zero.
 *
 * <p>Rules: the IPv4 payload is bounded by the smaller of total length and captured bytes, while
 * {@link #l3Length()} reports the header's total length (IPv6: 40 + payload length). A total
 * length (IPv4) or payload length (IPv6, unless next header is 59) of zero is taken as a
 * segmentation-offload artefact of a sending-host capture, as Wireshark does: the captured bytes
 * are used instead. Checksums are not verified. Non-first fragments have no ports. ICMP echo
 * request/reply use the identifier as both ports (as Juniper SRX does); other ICMP types have
 * ports 0; ICMP errors additionally expose the quoted inner 5-tuple. Other IP protocols (GRE,
 * ESP, SCTP, ...) decode with ports 0.
 *
 * <p>Addresses are 128-bit (high/low longs); IPv4 addresses are stored IPv4-mapped
 * ({@code ::ffff:a.b.c.d}) so one key format serves both families.
 *
 * <p>Not thread-safe: one instance per decoding thread.
 */
public final class FrameDecoder {

    /** Longest IPv6 extension header chain accepted before {@link MalformedCause#BAD_IPV6_EXTENSION}. */
    public static final int MAX_IPV6_EXTENSIONS = 10;

    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_IPV6 = 0x86dd;
    public static final int TPID_8021Q = 0x8100;
    public static final int TPID_8021AD = 0x88a8;
    public static final int TPID_QINQ = 0x9100;
    public static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
    public static final int ETHERTYPE_MPLS_UNICAST = 0x8847;
    public static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;
    /** Longest MPLS label stack accepted before {@link MalformedCause#BAD_MPLS}. */
    public static final int MAX_MPLS_LABELS = 8;
    private static final int PPP_IPV4 = 0x0021;
    private static final int PPP_IPV6 = 0x0057;

    public static final int PROTO_ICMP = 1;
    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;
    public static final int PROTO_ICMPV6 = 58;
    public static final int PROTO_ESP = 50;
    public static final int PROTO_NONE = 59;

    /** High 32 bits of the low long of an IPv4-mapped address ::ffff:0:0/96. */
    private static final long MAPPED_PREFIX = 0x0000_ffff_0000_0000L;
    private static final int OK = -1;

    // Bit layout of the packed per-frame fields (packed so that a frame costs few stores).
    /** {@link #ports}: srcPort << 16 | dstPort. */
    private static final int PORT_SHIFT = 16;
    /** {@link #vlans}: outerVlan << 16 | innerVlan. */
    private static final int VLAN_SHIFT = 16;
    /** {@link #ipInfo}: ipVersion << 24 | protocol << 16 | ttl << 8 | trafficClass. */
    private static final int VERSION_SHIFT = 24;
    private static final int PROTOCOL_SHIFT = 16;
    private static final int TTL_SHIFT = 8;
    /** {@link #fragmentInfo}: fragmentOffset << 2 | moreFragments << 1 | fragment. */
    private static final int FRAGMENT = 1;
    private static final int MORE_FRAGMENTS = 2;
    private static final int FRAGMENT_OFFSET_SHIFT = 2;

    // ---- counters (frames() is their sum: one increment per frame)
    private long decoded;
    private long notIp;
    private long malformedTotal;
    private final long[] malformed = new long[MalformedCause.count()];

    // ---- per-frame state. A successful decode writes every field below except the ICMP group,
    // which is cleared only when the previous frame set it; a failed decode clears everything.
    private boolean bigEndian;
    private int ipInfo;
    private int vlans;
    private long srcHigh;
    private long srcLow;
    private long dstHigh;
    private long dstLow;
    private int ports;
    private int tcpFlags;
    private int tcpSequence;
    private int fragmentInfo;
    private long fragmentId;
    private int l3Offset;
    private int l3Length;
    private int l4Offset;
    private int payloadOffset;
    private int payloadLength;

    // ---- ICMP group: written by ICMP frames only
    private boolean icmpFieldsSet;
    private int icmpType;
    private int icmpCode;
    private boolean icmpError;
    private int innerIpVersion;
    private int innerProtocol;
    private long innerSrcHigh;
    private long innerSrcLow;
    private long innerDstHigh;
    private long innerDstLow;
    private int innerSrcPort;
    private int innerDstPort;

    // ---- IPv6 extension walk results
    private int walkNh;
    private int walkOff;
    private boolean walkFrag;
    private boolean walkFragMore;
    private int walkFragOffset;
    private long walkFragId;
    private int walkFragDataOff;

    /**
     * Decodes the frame between {@code frame.position()} and {@code frame.limit()}.
     *
     * @return true if an IPv4/IPv6 packet was decoded; false if not IP or malformed (counted)
     */
    public boolean decode(ByteBuffer frame) {
        bigEndian = frame.order() == ByteOrder.BIG_ENDIAN;
        if (icmpFieldsSet) {
            clearIcmpFields();
        }
        int off = frame.position();
        int end = frame.limit();
        if (end - off < 14) {
            return reject(MalformedCause.TRUNCATED_ETHERNET);
        }
        int type = u16(frame, off + 12);
        off += 14;
        vlans = 0;
        if (isVlanTpid(type)) {
            off = skipVlanTags(frame, off, end);
            if (off < 0) {
                return reject(MalformedCause.TRUNCATED_VLAN);
            }
            type = u16(frame, off - 2);
        }
        if (type == ETHERTYPE_PPPOE_SESSION || type == ETHERTYPE_MPLS_UNICAST || type == ETHERTYPE_MPLS_MULTICAST) {
            long unwrapped = unwrap(frame, off, end, type);
            if (unwrapped < 0) {
                return reject(MalformedCause.ofOrdinal((int) -unwrapped - 1));
            }
            off = (int) (unwrapped >>> 16);
            type = (int) (unwrapped & 0xffff);
        }
        int status;
        if (type == ETHERTYPE_IPV4) {
            status = decodeIpv4(frame, off, end);
        } else if (type == ETHERTYPE_IPV6) {
            status = decodeIpv6(frame, off, end);
        } else {
            notIp++;
            reset();
            return false;
        }
        if (status != OK) {
            return reject(MalformedCause.ofOrdinal(status));
        }
        decoded++;
        return true;
    }

    /**
     * Steps over a PPPoE session header (RFC 2516: version/type 0x11, code 0, session id, length,
     * then the PPP protocol, one byte when compressed) or an MPLS label stack (to the bottom of
     * stack, then the IP version nibble names the payload). Returns {@code offset << 16 | etherType}
     * of the payload (EtherType 0 when it is not IP), or {@code -(cause + 1)} when malformed.
     * Out of line: the plain Ethernet path stays small.
     */
    private long unwrap(ByteBuffer b, int off, int end, int type) {
        if (type == ETHERTYPE_PPPOE_SESSION) {
            if (end - off < 7 || (b.get(off) & 0xff) != 0x11 || b.get(off + 1) != 0) {
                return -(MalformedCause.BAD_PPPOE.ordinal() + 1);
            }
            off += 6;
            int protocol = b.get(off) & 0xff;
            if ((protocol & 1) == 0) {
                if (end - off < 2) {
                    return -(MalformedCause.BAD_PPPOE.ordinal() + 1);
                }
                protocol = u16(b, off);
                off += 2;
            } else {
                off += 1;
            }
            int inner = protocol == PPP_IPV4 ? ETHERTYPE_IPV4 : protocol == PPP_IPV6 ? ETHERTYPE_IPV6 : 0;
            return (long) off << 16 | inner;
        }
        for (int labels = 0; ; labels++) {
            if (end - off < 4 || labels == MAX_MPLS_LABELS) {
                return -(MalformedCause.BAD_MPLS.ordinal() + 1);
            }
            boolean bottom = (b.get(off + 2) & 0x01) != 0;
            off += 4;
            if (bottom) {
                break;
            }
        }
        if (end - off < 1) {
            return -(MalformedCause.BAD_MPLS.ordinal() + 1);
        }
        int version = (b.get(off) & 0xff) >>> 4;
        return (long) off << 16 | (version == 4 ? ETHERTYPE_IPV4 : version == 6 ? ETHERTYPE_IPV6 : 0);
    }

    private static boolean isVlanTpid(int type) {
        return type == TPID_8021Q || type == TPID_8021AD || type == TPID_QINQ;
    }

    /**
     * Skips the VLAN tags starting at {@code off} (the first one's TPID already read) and sets
     * {@link #vlans}; returns the offset after the last tag (its EtherType just before), or -1
     * when a tag is truncated. Out of line, so that the untagged path stays short.
     */
    private int skipVlanTags(ByteBuffer b, int off, int end) {
        int vlanIds = 0;
        int tags = 0;
        int type;
        do {
            if (end - off < 4) {
                return -1;
            }
            int tagAndType = (int) u32(b, off);
            int vid = (tagAndType >>> 16) & 0x0fff;
            if (tags == 0) {
                vlanIds = vid << VLAN_SHIFT;
            } else if (tags == 1) {
                vlanIds |= vid;
            }
            tags++;
            type = tagAndType & 0xffff;
            off += 4;
        } while (isVlanTpid(type));
        vlans = vlanIds;
        return off;
    }

    private int decodeIpv4(ByteBuffer b, int off, int end) {
        int avail = end - off;
        if (avail < 20) {
            return MalformedCause.TRUNCATED_IPV4_HEADER.ordinal();
        }
        // Three header words: version/IHL, TOS, total length | id, flags/offset | TTL, protocol.
        int word0 = (int) u32(b, off);
        int word1 = (int) u32(b, off + 4);
        int word2 = (int) u32(b, off + 8);
        int vihl = word0 >>> 24;
        if (vihl >>> 4 != 4) {
            return MalformedCause.BAD_IPV4_VERSION.ordinal();
        }
        int ihl = (vihl & 0x0f) << 2;
        if (ihl < 20) {
            return MalformedCause.BAD_IPV4_HEADER_LENGTH.ordinal();
        }
        if (ihl > avail) {
            return MalformedCause.TRUNCATED_IPV4_HEADER.ordinal();
        }
        int total = word0 & 0xffff;
        if (total == 0) {
            total = avail; // TSO: "reported as 0", use what was captured
        } else if (total < ihl) {
            return MalformedCause.BAD_IPV4_TOTAL_LENGTH.ordinal();
        }
        boolean mf = (word1 & 0x2000) != 0;
        int fragOff = (word1 & 0x1fff) << 3;
        int dataLen = total - ihl;
        if (badFragment(fragOff, dataLen, mf)) {
            return MalformedCause.BAD_IPV4_FRAGMENT.ordinal();
        }
        int protocol = (word2 >>> 16) & 0xff;
        setIpHeader(4, protocol, word2 >>> 24, (word0 >>> 16) & 0xff, off, total);
        boolean fragment = mf || fragOff != 0;
        setFragment(fragment, mf, fragOff, word1 >>> 16);
        setIpv4Addresses(u64(b, off + 12));
        int declaredEnd = off + total;
        int capEnd = Math.min(declaredEnd, end);
        return decodeL4(b, protocol, off + ihl, capEnd, declaredEnd, fragment, fragOff != 0, false);
    }

    /** A fragment reaching beyond 65535 bytes, or a non-last one not a multiple of 8 bytes long. */
    private static boolean badFragment(int offset, int dataLength, boolean more) {
        return offset + dataLength > 65535 || (more && (dataLength & 7) != 0);
    }

    private void setIpHeader(int version, int protocol, int ttl, int trafficClass, int offset, int length) {
        ipInfo = version << VERSION_SHIFT | protocol << PROTOCOL_SHIFT | ttl << TTL_SHIFT | trafficClass;
        l3Offset = offset;
        l3Length = length;
    }

    private void setFragment(boolean fragment, boolean more, int offset, long id) {
        fragmentInfo = offset << FRAGMENT_OFFSET_SHIFT | (more ? MORE_FRAGMENTS : 0) | (fragment ? FRAGMENT : 0);
        fragmentId = id;
    }

    /** Source and destination IPv4 addresses, read as one big-endian long. */
    private void setIpv4Addresses(long addresses) {
        srcHigh = 0;
        srcLow = MAPPED_PREFIX | addresses >>> 32;
        dstHigh = 0;
        dstLow = MAPPED_PREFIX | addresses & 0xffff_ffffL;
    }

    private int decodeIpv6(ByteBuffer b, int off, int end) {
        int avail = end - off;
        if (avail < 40) {
            return MalformedCause.TRUNCATED_IPV6_HEADER.ordinal();
        }
        int word0 = (int) u32(b, off);
        if (word0 >>> 28 != 6) {
            return MalformedCause.BAD_IPV6_VERSION.ordinal();
        }
        int word1 = (int) u32(b, off + 4); // payload length | next header | hop limit
        int plen = word1 >>> 16;
        int nh = (word1 >>> 8) & 0xff;
        int l3 = 40 + plen;
        if (plen == 0 && nh != PROTO_NONE) {
            l3 = avail; // TSO / jumbogram: use what was captured
        }
        int declaredEnd = off + l3;
        int capEnd = Math.min(declaredEnd, end);
        srcHigh = u64(b, off + 8);
        srcLow = u64(b, off + 16);
        dstHigh = u64(b, off + 24);
        dstLow = u64(b, off + 32);
        int ttl = word1 & 0xff;
        int trafficClass = (word0 >>> 20) & 0xff;
        if (isIpv6Extension(nh)) {
            return decodeIpv6Extensions(b, nh, off, l3, capEnd, declaredEnd, ttl, trafficClass);
        }
        setIpHeader(6, nh, ttl, trafficClass, off, l3);
        setFragment(false, false, 0, 0);
        return decodeL4(b, nh, off + 40, capEnd, declaredEnd, false, false, true);
    }

    /** The rest of an IPv6 packet whose fixed header is followed by extension headers (out of line). */
    private int decodeIpv6Extensions(ByteBuffer b, int nh, int off, int l3, int capEnd, int declaredEnd,
            int ttl, int trafficClass) {
        int status = walkIpv6Extensions(b, nh, off + 40, capEnd);
        if (status != OK) {
            return status;
        }
        boolean fragment = false;
        if (walkFrag) {
            int dataLen = declaredEnd - walkFragDataOff;
            if (badFragment(walkFragOffset, dataLen, walkFragMore)) {
                return MalformedCause.BAD_IPV6_FRAGMENT.ordinal();
            }
            fragment = walkFragMore || walkFragOffset != 0;
            setFragment(fragment, walkFragMore, walkFragOffset, walkFragId);
        } else {
            setFragment(false, false, 0, 0);
        }
        setIpHeader(6, walkNh, ttl, trafficClass, off, l3);
        return decodeL4(b, walkNh, walkOff, capEnd, declaredEnd, fragment, walkFragOffset != 0, true);
    }

    private static boolean isIpv6Extension(int nh) {
        return nh == 0 || nh == 43 || nh == 60 || nh == 44 || nh == 51;
    }

    /**
     * Walks IPv6 extension headers from {@code nh} at {@code off}, bounded by {@code end}. Sets
     * walkNh/walkOff to the upper-layer protocol and its offset (or the fragment's next header
     * for a non-first fragment) and the walkFrag* fields.
     */
    private int walkIpv6Extensions(ByteBuffer b, int nh, int off, int end) {
        walkFrag = false;
        walkFragMore = false;
        walkFragOffset = 0;
        walkFragId = 0;
        int count = 0;
        while (isIpv6Extension(nh)) {
            if (count == MAX_IPV6_EXTENSIONS || (nh == 0 && count != 0)) {
                return MalformedCause.BAD_IPV6_EXTENSION.ordinal();
            }
            if (end - off < 8) {
                return MalformedCause.TRUNCATED_IPV6_EXTENSION.ordinal();
            }
            int len;
            if (nh == 44) {
                int fo = u16(b, off + 2);
                walkFrag = true;
                walkFragOffset = fo & 0xfff8;
                walkFragMore = (fo & 1) != 0;
                walkFragId = u32(b, off + 4);
                walkFragDataOff = off + 8;
                len = 8;
            } else if (nh == 51) {
                len = (u8(b, off + 1) + 2) << 2;
                if (len < 12) {
                    return MalformedCause.BAD_IPV6_EXTENSION.ordinal();
                }
            } else {
                len = (u8(b, off + 1) + 1) << 3;
            }
            if (end - off < len) {
                return MalformedCause.TRUNCATED_IPV6_EXTENSION.ordinal();
            }
            nh = u8(b, off);
            off += len;
            count++;
            if (walkFrag && walkFragOffset != 0) {
                break; // later fragment: the rest is opaque fragment data
            }
        }
        walkNh = nh;
        walkOff = off;
        return OK;
    }

    /** Layer 4 of a packet whose IP header is decoded; sets ports, TCP flags, payload (and ICMP fields). */
    private int decodeL4(ByteBuffer b, int protocol, int off, int capEnd, int declaredEnd, boolean fragment,
            boolean laterFragment, boolean v6) {
        l4Offset = off;
        ports = 0;
        tcpFlags = 0;
        tcpSequence = 0;
        if (laterFragment) {
            return payload(off, capEnd);
        }
        switch (protocol) {
            case PROTO_TCP:
                return decodeTcp(b, off, capEnd, declaredEnd);
            case PROTO_UDP:
                return decodeUdp(b, off, capEnd, declaredEnd, fragment);
            case PROTO_ICMP:
                if (v6) {
                    return payload(off, capEnd);
                }
                return decodeIcmp(b, off, capEnd, false);
            case PROTO_ICMPV6:
                if (!v6) {
                    return payload(off, capEnd);
                }
                return decodeIcmp(b, off, capEnd, true);
            default:
                return payload(off, capEnd);
        }
    }

    private int decodeTcp(ByteBuffer b, int off, int capEnd, int declaredEnd) {
        int avail = capEnd - off;
        if (avail < 20) {
            return MalformedCause.TRUNCATED_TCP.ordinal();
        }
        int offsetAndFlags = u16(b, off + 12);
        int hl = (offsetAndFlags >>> 12) << 2;
        if (hl < 20 || hl > declaredEnd - off) {
            return MalformedCause.BAD_TCP_DATA_OFFSET.ordinal();
        }
        if (hl > avail) {
            return MalformedCause.TRUNCATED_TCP.ordinal();
        }
        ports = (int) u32(b, off);
        tcpFlags = offsetAndFlags & 0xff;
        tcpSequence = (int) u32(b, off + 4);
        return payload(off + hl, capEnd);
    }

    private int decodeUdp(ByteBuffer b, int off, int capEnd, int declaredEnd, boolean fragment) {
        if (capEnd - off < 8) {
            return MalformedCause.TRUNCATED_UDP.ordinal();
        }
        long header = u64(b, off); // ports | length | checksum
        int ulen = (int) (header >>> 16) & 0xffff;
        int end = capEnd;
        if (ulen < 8) {
            return MalformedCause.BAD_UDP_LENGTH.ordinal();
        }
        if (!fragment) {
            if (ulen > declaredEnd - off) {
                return MalformedCause.BAD_UDP_LENGTH.ordinal();
            }
            end = Math.min(capEnd, off + ulen);
        }
        ports = (int) (header >>> 32);
        return payload(off + 8, end);
    }

    private int decodeIcmp(ByteBuffer b, int off, int capEnd, boolean v6) {
        if (capEnd - off < 8) {
            return MalformedCause.TRUNCATED_ICMP.ordinal();
        }
        icmpFieldsSet = true;
        int type = u8(b, off);
        icmpType = type;
        icmpCode = u8(b, off + 1);
        if (v6 ? (type == 128 || type == 129) : (type == 0 || type == 8)) {
            int id = u16(b, off + 4);
            ports = id << PORT_SHIFT | id;
        } else if (v6 ? (type >= 1 && type <= 4) : (type == 3 || type == 4 || type == 5 || type == 11 || type == 12)) {
            int status = v6 ? decodeInnerIpv6(b, off + 8, capEnd) : decodeInnerIpv4(b, off + 8, capEnd);
            if (status != OK) {
                return status;
            }
            icmpError = true;
        }
        return payload(off + 8, capEnd);
    }

    private int decodeInnerIpv4(ByteBuffer b, int off, int end) {
        int avail = end - off;
        if (avail < 20) {
            return MalformedCause.TRUNCATED_ICMP_INNER.ordinal();
        }
        int vihl = u8(b, off);
        int ihl = (vihl & 0x0f) << 2;
        if (vihl >>> 4 != 4 || ihl < 20) {
            return MalformedCause.BAD_ICMP_INNER.ordinal();
        }
        if (ihl > avail) {
            return MalformedCause.TRUNCATED_ICMP_INNER.ordinal();
        }
        innerIpVersion = 4;
        innerProtocol = u8(b, off + 9);
        innerSrcLow = MAPPED_PREFIX | u32(b, off + 12);
        innerDstLow = MAPPED_PREFIX | u32(b, off + 16);
        boolean later = (u16(b, off + 6) & 0x1fff) != 0;
        if (!later) {
            innerPorts(b, off + ihl, end, PROTO_ICMP, 0, 8);
        }
        return OK;
    }

    private int decodeInnerIpv6(ByteBuffer b, int off, int end) {
        if (end - off < 40) {
            return MalformedCause.TRUNCATED_ICMP_INNER.ordinal();
        }
        if (u8(b, off) >>> 4 != 6) {
            return MalformedCause.BAD_ICMP_INNER.ordinal();
        }
        innerIpVersion = 6;
        innerSrcHigh = u64(b, off + 8);
        innerSrcLow = u64(b, off + 16);
        innerDstHigh = u64(b, off + 24);
        innerDstLow = u64(b, off + 32);
        int nh = u8(b, off + 6);
        innerProtocol = nh;
        // The quote is cut to the minimum MTU, so a truncated inner chain is normal: no ports then.
        if (walkIpv6Extensions(b, nh, off + 40, end) == OK) {
            innerProtocol = walkNh;
            if (walkFragOffset == 0) {
                innerPorts(b, walkOff, end, PROTO_ICMPV6, 128, 129);
            }
        }
        return OK;
    }

    private void innerPorts(ByteBuffer b, int off, int end, int icmpProto, int echoA, int echoB) {
        int p = innerProtocol;
        if ((p == PROTO_TCP || p == PROTO_UDP) && end - off >= 4) {
            innerSrcPort = u16(b, off);
            innerDstPort = u16(b, off + 2);
        } else if (p == icmpProto && end - off >= 8) {
            int t = u8(b, off);
            if (t == echoA || t == echoB) {
                innerSrcPort = u16(b, off + 4);
                innerDstPort = innerSrcPort;
            }
        }
    }

    private int payload(int from, int to) {
        payloadOffset = from;
        payloadLength = Math.max(0, to - from);
        return OK;
    }

    private boolean reject(MalformedCause cause) {
        malformed[cause.ordinal()]++;
        malformedTotal++;
        reset();
        return false;
    }

    /** Zeroes every per-frame field (after a frame that did not decode). */
    private void reset() {
        ipInfo = 0;
        vlans = 0;
        srcHigh = 0;
        srcLow = 0;
        dstHigh = 0;
        dstLow = 0;
        ports = 0;
        tcpFlags = 0;
        tcpSequence = 0;
        fragmentInfo = 0;
        fragmentId = 0;
        l3Offset = 0;
        l3Length = 0;
        l4Offset = 0;
        payloadOffset = 0;
        payloadLength = 0;
        clearIcmpFields();
    }

    private void clearIcmpFields() {
        icmpFieldsSet = false;
        icmpType = 0;
        icmpCode = 0;
        icmpError = false;
        innerIpVersion = 0;
        innerProtocol = 0;
        innerSrcHigh = 0;
        innerSrcLow = 0;
        innerDstHigh = 0;
        innerDstLow = 0;
        innerSrcPort = 0;
        innerDstPort = 0;
    }

    // ---- byte access (absolute, byte-order independent)

    private static int u8(ByteBuffer b, int i) {
        return b.get(i) & 0xff;
    }

    private int u16(ByteBuffer b, int i) {
        short s = b.getShort(i);
        return (bigEndian ? s : Short.reverseBytes(s)) & 0xffff;
    }

    private long u32(ByteBuffer b, int i) {
        int v = b.getInt(i);
        return (bigEndian ? v : Integer.reverseBytes(v)) & 0xffff_ffffL;
    }

    private long u64(ByteBuffer b, int i) {
        long v = b.getLong(i);
        return bigEndian ? v : Long.reverseBytes(v);
    }

    // ---- accessors (valid after decode() returned true)

    /** 4 or 6; 0 if the last frame was not decoded. */
    public int ipVersion() { return ipInfo >>> VERSION_SHIFT; }
    /** VLAN id of the first (outer) tag; 0 when untagged. */
    public int outerVlan() { return vlans >>> VLAN_SHIFT; }
    /** VLAN id of the second (inner, QinQ) tag; 0 when absent. */
    public int innerVlan() { return vlans & 0xffff; }
    /** IP protocol (IPv4 protocol; IPv6 upper-layer next header after extensions, 50 for ESP, 59 none). */
    public int protocol() { return (ipInfo >>> PROTOCOL_SHIFT) & 0xff; }
    public long srcHigh() { return srcHigh; }
    public long srcLow() { return srcLow; }
    public long dstHigh() { return dstHigh; }
    public long dstLow() { return dstLow; }
    /** IPv4 source address; 0 for IPv6. */
    public int srcIpv4() { return ipVersion() == 4 ? (int) srcLow : 0; }
    /** IPv4 destination address; 0 for IPv6. */
    public int dstIpv4() { return ipVersion() == 4 ? (int) dstLow : 0; }
    /** TCP/UDP source port, ICMP echo identifier, else 0. */
    public int srcPort() { return ports >>> PORT_SHIFT; }
    /** TCP/UDP destination port, ICMP echo identifier, else 0. */
    public int dstPort() { return ports & 0xffff; }
    /** TCP flags byte (CWR ECE URG ACK PSH RST SYN FIN); 0 if not TCP. */
    public int tcpFlags() { return tcpFlags; }

    /** The TCP segment's sequence number (0 for other packets). */
    public int tcpSequence() { return tcpSequence; }
    /** True if this is a fragment (more-fragments set or non-zero offset). */
    public boolean isFragment() { return (fragmentInfo & FRAGMENT) != 0; }
    /** True for the first fragment (offset 0, more-fragments set): it carries the ports. */
    public boolean isFirstFragment() { return isFragment() && fragmentOffset() == 0; }
    /** True for a non-first fragment: no ports. */
    public boolean isLaterFragment() { return fragmentOffset() != 0; }
    public boolean moreFragments() { return (fragmentInfo & MORE_FRAGMENTS) != 0; }
    /** Fragment offset in bytes. */
    public int fragmentOffset() { return fragmentInfo >>> FRAGMENT_OFFSET_SHIFT; }
    /** IPv4 identification (16 bits) or IPv6 fragment identification (32 bits, unsigned); 0 if none. */
    public long fragmentId() { return fragmentId; }
    /** Absolute buffer offset of the IP header. */
    public int l3Offset() { return l3Offset; }
    /** Layer-3 bytes AppTrack counts: IPv4 total length; IPv6 40 + payload length. */
    public int l3Length() { return l3Length; }
    /** Absolute buffer offset of the layer-4 header (or fragment data). */
    public int l4Offset() { return l4Offset; }
    /** Absolute buffer offset of the layer-4 payload (for DPI). */
    public int payloadOffset() { return payloadOffset; }
    /** Captured length of the layer-4 payload. */
    public int payloadLength() { return payloadLength; }
    /** DSCP (upper 6 bits of TOS / traffic class). */
    public int dscp() { return (ipInfo & 0xff) >>> 2; }
    /** ECN (lower 2 bits of TOS / traffic class). */
    public int ecn() { return ipInfo & 3; }
    /** IPv4 TTL or IPv6 hop limit. */
    public int ttl() { return (ipInfo >>> TTL_SHIFT) & 0xff; }
    /** Same as {@link #ttl()}. */
    public int hopLimit() { return ttl(); }
    /** ICMP/ICMPv6 type; 0 if not ICMP (check {@link #protocol()}). */
    public int icmpType() { return icmpType; }
    public int icmpCode() { return icmpCode; }
    /** True for an ICMP error with a decoded quoted inner header. */
    public boolean isIcmpError() { return icmpError; }
    public int innerIpVersion() { return innerIpVersion; }
    public int innerProtocol() { return innerProtocol; }
    public long innerSrcHigh() { return innerSrcHigh; }
    public long innerSrcLow() { return innerSrcLow; }
    public long innerDstHigh() { return innerDstHigh; }
    public long innerDstLow() { return innerDstLow; }
    /** Quoted TCP/UDP source port (or quoted echo id); 0 if not present in the quote. */
    public int innerSrcPort() { return innerSrcPort; }
    public int innerDstPort() { return innerDstPort; }

    // ---- counters

    /** Frames passed to {@link #decode(ByteBuffer)}. Always decoded + notIp + malformedTotal. */
    public long frames() { return decoded + notIp + malformedTotal; }
    /** Frames decoded successfully. */
    public long decoded() { return decoded; }
    /** Frames with a non-IP EtherType (ARP, LLDP, 802.3 length, ...). */
    public long notIp() { return notIp; }
    public long malformed(MalformedCause cause) { return malformed[cause.ordinal()]; }
    public long malformedTotal() { return malformedTotal; }

    /** Zeroes all counters. */
    public void resetCounters() {
        decoded = 0;
        notIp = 0;
        malformedTotal = 0;
        java.util.Arrays.fill(malformed, 0);
    }
}
