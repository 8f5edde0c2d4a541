package org.apptrack.apptrack.engine.decode;

/**
 * Why {@link FrameDecoder#decode(java.nio.ByteBuffer)} rejected a frame. Each rejected
 * (non-"not IP") frame increments exactly one cause. Checksums are never verified
 * (captures taken on a sending host carry offloaded, i.e. unfilled, checksums).
 */
public enum MalformedCause {
    /** Fewer than 14 bytes: no complete Ethernet II header (destination, source, EtherType). */
    TRUNCATED_ETHERNET,
    /** An 802.1Q/802.1ad/QinQ tag (TPID 0x8100, 0x88a8 or 0x9100) is cut short: fewer than 4 bytes for TCI and the next EtherType. */
    TRUNCATED_VLAN,
    /** A PPPoE session header (EtherType 0x8864) cut short, or not version 1 type 1 code 0, or its PPP protocol cut short. */
    BAD_PPPOE,
    /** An MPLS label stack (EtherType 0x8847/0x8848) cut short, or deeper than {@value FrameDecoder#MAX_MPLS_LABELS} labels. */
    BAD_MPLS,
    /** EtherType IPv4 but fewer than 20 bytes, or fewer bytes than the header length (IHL) announces (options cut). */
    TRUNCATED_IPV4_HEADER,
    /** EtherType IPv4 but the version nibble is not 4. */
    BAD_IPV4_VERSION,
    /** IPv4 header length (IHL) below 5 words (20 bytes). */
    BAD_IPV4_HEADER_LENGTH,
    /** IPv4 total length below the header length (a total length of 0 is accepted as TSO, see {@link FrameDecoder}). */
    BAD_IPV4_TOTAL_LENGTH,
    /** IPv4 fragment invalid: offset + data beyond 65535 ("ping of death"), or MF set with data not a multiple of 8. */
    BAD_IPV4_FRAGMENT,
    /** EtherType IPv6 but fewer than 40 bytes. */
    TRUNCATED_IPV6_HEADER,
    /** EtherType IPv6 but the version nibble is not 6. */
    BAD_IPV6_VERSION,
    /** An IPv6 extension header (hop-by-hop, routing, destination options, fragment, AH) runs past the packet or capture. */
    TRUNCATED_IPV6_EXTENSION,
    /** Invalid IPv6 extension chain: hop-by-hop not first, AH shorter than 12 bytes, or more than {@value FrameDecoder#MAX_IPV6_EXTENSIONS} headers. */
    BAD_IPV6_EXTENSION,
    /** IPv6 fragment invalid: offset + data beyond 65535, or M set with data not a multiple of 8. */
    BAD_IPV6_FRAGMENT,
    /** TCP (unfragmented or first fragment) shorter than 20 bytes, or than its data offset announces, in the captured bytes (this includes tiny first fragments, RFC 1858). */
    TRUNCATED_TCP,
    /** TCP data offset below 5 words, or header longer than the IP packet says the segment is. */
    BAD_TCP_DATA_OFFSET,
    /** UDP (unfragmented or first fragment) shorter than its 8-byte header. */
    TRUNCATED_UDP,
    /** UDP length below 8, or (unfragmented) above the IP payload length. */
    BAD_UDP_LENGTH,
    /** ICMP or ICMPv6 (unfragmented or first fragment) shorter than its 8-byte header. */
    TRUNCATED_ICMP,
    /** ICMP/ICMPv6 error whose quoted inner IP header (20+ bytes IPv4 / 40 bytes IPv6) is cut short. */
    TRUNCATED_ICMP_INNER,
    /** ICMP/ICMPv6 error whose quoted inner IP header has the wrong version or a header length below 5 words. */
    BAD_ICMP_INNER;

    private static final MalformedCause[] VALUES = values();

    /** The cause of an ordinal, without allocating (unlike {@link #values()}). */
    static MalformedCause ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /** Number of causes (size of counter arrays). */
    public static int count() {
        return VALUES.length;
    }
}
