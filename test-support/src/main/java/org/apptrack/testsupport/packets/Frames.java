package org.apptrack.testsupport.packets;

import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.ETHERTYPE_IPV4;
import static org.apptrack.testsupport.packets.Packets.ETHERTYPE_IPV6;
import static org.apptrack.testsupport.packets.Packets.ICMP;
import static org.apptrack.testsupport.packets.Packets.ICMPV6;
import static org.apptrack.testsupport.packets.Packets.TCP;
import static org.apptrack.testsupport.packets.Packets.UDP;
import static org.apptrack.testsupport.packets.Packets.ether;
import static org.apptrack.testsupport.packets.Packets.icmp;
import static org.apptrack.testsupport.packets.Packets.ip6;
import static org.apptrack.testsupport.packets.Packets.payload;

/**
 * Whole Ethernet frames of the usual kinds, built from {@link Packets}: a TCP segment, a UDP
 * datagram, DNS, ICMP echo and ICMP errors quoting the packet they answer, IPv4 fragments.
 * Addresses are IPv4 numbers ({@link Packets#ip4}) or, for IPv6, 2001:db8::{last}.
 */
public final class Frames {

    private Frames() {
    }

    /** Ethernet + IPv4 (see {@link Packets#ipv4(int, int, int, byte[])}) around {@code l4}. */
    public static byte[] ipv4(int proto, int src, int dst, byte[] l4) {
        return ether(ETHERTYPE_IPV4, Packets.ipv4(proto, src, dst, l4));
    }

    /** Ethernet + IPv6 (see {@link Packets#ipv6}) around {@code payload}. */
    public static byte[] ipv6(int nh, byte[] src, byte[] dst, byte[] payload) {
        return ether(ETHERTYPE_IPV6, Packets.ipv6(nh, src, dst, payload));
    }

    public static byte[] tcp(int src, int sp, int dst, int dp, int flags) {
        return tcp(src, sp, dst, dp, flags, 0);
    }

    public static byte[] tcp(int src, int sp, int dst, int dp, int flags, int payloadLength) {
        return ipv4(TCP, src, dst, Packets.tcp(sp, dp, flags, payload(payloadLength)));
    }

    public static byte[] udp(int src, int sp, int dst, int dp, int payloadLength) {
        return ipv4(UDP, src, dst, Packets.udp(sp, dp, payload(payloadLength)));
    }

    /** A DNS message of 12 header bytes + padding, QR set for a response. */
    public static byte[] dns(int src, int sp, int dst, int dp, boolean response) {
        byte[] p = Bytes.of().u16(0xbeef).u16(response ? 0x8180 : 0x0100).u16(1).u16(response ? 1 : 0).u16(0)
                .u16(0).zeros(20).build();
        return ipv4(UDP, src, dst, Packets.udp(sp, dp, p));
    }

    /** ICMP echo request or reply with 32 bytes of data. */
    public static byte[] echo(int src, int dst, boolean reply, int id) {
        return ipv4(ICMP, src, dst, icmp(reply ? 0 : 8, 0, id, 1, payload(32)));
    }

    /** ICMPv6 echo request or reply between 2001:db8::{srcLast} and 2001:db8::{dstLast}. */
    public static byte[] echo6(int srcLast, int dstLast, boolean reply, int id) {
        return ipv6(ICMPV6, ip6(srcLast), ip6(dstLast), icmp(reply ? 129 : 128, 0, id, 1, payload(16)));
    }

    /** ICMP destination unreachable (port) from {@code src} to {@code dst} quoting a UDP packet. */
    public static byte[] unreachableForUdp(int src, int dst, int qSrc, int qSp, int qDst, int qDp) {
        byte[] quoted = quotedIpv4(UDP, qSrc, qDst, Packets.udp(qSp, qDp, new byte[0]));
        return ipv4(ICMP, src, dst, icmp(3, 3, 0, 0, quoted));
    }

    /** ICMP destination unreachable (fragmentation needed) from {@code src} to {@code dst} quoting a TCP segment. */
    public static byte[] unreachableForTcp(int src, int dst, int qSrc, int qSp, int qDst, int qDp) {
        byte[] quoted = quotedIpv4(TCP, qSrc, qDst, Packets.tcp(qSp, qDp, ACK, new byte[0]));
        return ipv4(ICMP, src, dst, icmp(3, 4, 0, 0, quoted));
    }

    /** ICMP time exceeded from {@code src} to {@code dst} quoting an echo request. */
    public static byte[] timeExceededForEcho(int src, int dst, int qSrc, int qDst, int id) {
        byte[] quoted = quotedIpv4(ICMP, qSrc, qDst, icmp(8, 0, id, 1, new byte[0]));
        return ipv4(ICMP, src, dst, icmp(11, 0, 0, 0, quoted));
    }

    /** A UDP datagram fragment: the first carries the UDP header. */
    public static byte[] udpFragment(int src, int dst, int id, int offsetBytes, boolean more, byte[] l4) {
        return ether(ETHERTYPE_IPV4, Packets.ipv4(5, new byte[0], -1, id, (more ? 0x2000 : 0) | (offsetBytes >>> 3),
                UDP, src, dst, l4));
    }

    private static byte[] quotedIpv4(int proto, int src, int dst, byte[] l4) {
        return Packets.ipv4(5, new byte[0], -1, 7, 0, proto, src, dst, l4);
    }
}
