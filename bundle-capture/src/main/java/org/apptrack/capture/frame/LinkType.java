package org.apptrack.capture.frame;

/**
 * The link-layer header types (tcpdump.org LINKTYPE_ values) the capture sources read. ONOS apps
 * expect Ethernet frames, so every other type is rewritten to Ethernet by {@link EthernetFramer}.
 */
public enum LinkType {
    /** LINKTYPE_NULL: 4-byte address family in the capturing host's byte order (BSD loopback). */
    NULL(0),
    /** LINKTYPE_ETHERNET. */
    ETHERNET(1),
    /** LINKTYPE_PPP: PPP (RFC 1661), with or without the HDLC address and control bytes; Cisco HDLC frames too, as libpcap reads them. */
    PPP(9),
    /** LINKTYPE_PPP_HDLC: PPP in HDLC-like framing (RFC 1662). */
    PPP_HDLC(50),
    /** LINKTYPE_RAW: a bare IPv4 or IPv6 packet. */
    RAW(101),
    /** LINKTYPE_C_HDLC: Cisco HDLC, an EtherType after the address and control bytes. */
    C_HDLC(104),
    /** LINKTYPE_LOOP: like NULL with the family in network byte order (OpenBSD loopback). */
    LOOP(108),
    /** LINKTYPE_LINUX_SLL: Linux "cooked" capture v1 (16-byte header). */
    LINUX_SLL(113),
    /** LINKTYPE_PPI: a Per-Packet Information header before a frame of another link type (only Ethernet is read). */
    PPI(192),
    /** LINKTYPE_IPV4: a bare IPv4 packet. */
    IPV4(228),
    /** LINKTYPE_IPV6: a bare IPv6 packet. */
    IPV6(229),
    /** LINKTYPE_LINUX_SLL2: Linux "cooked" capture v2 (20-byte header). */
    LINUX_SLL2(276);

    private final int code;

    LinkType(int code) {
        this.code = code;
    }

    /** The LINKTYPE_ number in capture files. */
    public int code() {
        return code;
    }

    /** The link type of a LINKTYPE_ number (DLT_RAW's historic 12 and 14 included), or null. */
    public static LinkType fromCode(int code) {
        switch (code) {
            case 12:
            case 14:
                return RAW;
            default:
                for (LinkType t : values()) {
                    if (t.code == code) {
                        return t;
                    }
                }
                return null;
        }
    }
}
