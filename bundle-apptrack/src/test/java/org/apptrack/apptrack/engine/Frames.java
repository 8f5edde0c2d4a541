package org.apptrack.apptrack.engine;

import java.io.ByteArrayOutputStream;

/** Hand-built Ethernet frames for engine tests (copied in part from decode/Pkt). */
final class Frames {

    static final int A = ip4(10, 0, 0, 1);
    static final int B = ip4(192, 168, 1, 200);
    static final int C = ip4(172, 16, 0, 9);

    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int PSH = 0x08;
    static final int ACK = 0x10;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Frames u8(int v) {
        out.write(v & 0xff);
        return this;
    }

    private Frames u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    private Frames u32(long v) {
        return u16((int) (v >>> 16)).u16((int) v);
    }

    private Frames bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    private Frames zeros(int n) {
        for (int i = 0; i < n; i++) {
            u8(0);
        }
        return this;
    }

    private byte[] build() {
        return out.toByteArray();
    }

    static int ip4(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    static byte[] ether(int type, byte[] l3) {
        return new Frames().u32(0x00112233L).u16(0x4455).u32(0x66778899L).u16(0xaabb).u16(type).bytes(l3).build();
    }

    static byte[] ipv4Raw(int id, int flagsFrag, int proto, int src, int dst, byte[] l4) {
        return new Frames().u8(0x45).u8(0).u16(20 + l4.length).u16(id).u16(flagsFrag).u8(64).u8(proto).u16(0)
                .u32(src & 0xffffffffL).u32(dst & 0xffffffffL).bytes(l4).build();
    }

    static byte[] ipv4(int proto, int src, int dst, byte[] l4) {
        return ether(0x0800, ipv4Raw(0x1234, 0x4000, proto, src, dst, l4));
    }

    static byte[] tcpSeg(int sp, int dp, int flags, int payloadLen) {
        return new Frames().u16(sp).u16(dp).u32(1000).u32(2000).u8(5 << 4).u8(flags).u16(65535).u16(0).u16(0)
                .bytes(payload(payloadLen)).build();
    }

    static byte[] tcp(int src, int sp, int dst, int dp, int flags) {
        return tcp(src, sp, dst, dp, flags, 0);
    }

    static byte[] tcp(int src, int sp, int dst, int dp, int flags, int payloadLen) {
        return ipv4(6, src, dst, tcpSeg(sp, dp, flags, payloadLen));
    }

    static byte[] udpSeg(int sp, int dp, byte[] payload) {
        return new Frames().u16(sp).u16(dp).u16(8 + payload.length).u16(0).bytes(payload).build();
    }

    static byte[] udp(int src, int sp, int dst, int dp, int payloadLen) {
        return ipv4(17, src, dst, udpSeg(sp, dp, payload(payloadLen)));
    }

    /** A DNS message of 12 header bytes + padding, QR set for a response. */
    static byte[] dns(int src, int sp, int dst, int dp, boolean response) {
        byte[] p = new Frames().u16(0xbeef).u16(response ? 0x8180 : 0x0100).u16(1).u16(response ? 1 : 0).u16(0)
                .u16(0).zeros(20).build();
        return ipv4(17, src, dst, udpSeg(sp, dp, p));
    }

    static byte[] icmpMsg(int type, int code, int id, int seq, byte[] payload) {
        return new Frames().u8(type).u8(code).u16(0).u16(id).u16(seq).bytes(payload).build();
    }

    static byte[] echo(int src, int dst, boolean reply, int id) {
        return ipv4(1, src, dst, icmpMsg(reply ? 0 : 8, 0, id, 1, payload(32)));
    }

    /** ICMP destination unreachable from {@code src} to {@code dst} quoting a UDP packet. */
    static byte[] unreachableForUdp(int src, int dst, int qSrc, int qSp, int qDst, int qDp) {
        byte[] quoted = ipv4Raw(7, 0, 17, qSrc, qDst, udpSeg(qSp, qDp, new byte[0]));
        return ipv4(1, src, dst, icmpMsg(3, 3, 0, 0, quoted));
    }

    /** ICMP destination unreachable (fragmentation needed) from {@code src} to {@code dst} quoting a TCP segment. */
    static byte[] unreachableForTcp(int src, int dst, int qSrc, int qSp, int qDst, int qDp) {
        byte[] quoted = ipv4Raw(7, 0, 6, qSrc, qDst, tcpSeg(qSp, qDp, ACK, 0));
        return ipv4(1, src, dst, icmpMsg(3, 4, 0, 0, quoted));
    }

    /** A UDP datagram fragment: the first carries the UDP header. */
    static byte[] udpFragment(int src, int dst, int id, int offsetBytes, boolean more, byte[] l4) {
        return ether(0x0800, ipv4Raw(id, (more ? 0x2000 : 0) | (offsetBytes >>> 3), 17, src, dst, l4));
    }

    /** 2001:db8::{last}. */
    static byte[] ip6(int last) {
        return new Frames().u16(0x2001).u16(0x0db8).zeros(10).u16(last).build();
    }

    static byte[] ipv6(int nh, byte[] src, byte[] dst, byte[] payload) {
        return ether(0x86dd, new Frames().u32(0x60000000L).u16(payload.length).u8(nh).u8(64).bytes(src).bytes(dst)
                .bytes(payload).build());
    }

    static byte[] echo6(int srcLast, int dstLast, boolean reply, int id) {
        return ipv6(58, ip6(srcLast), ip6(dstLast), icmpMsg(reply ? 129 : 128, 0, id, 1, payload(16)));
    }

    /** ICMP time exceeded from {@code src} to {@code dst} quoting an echo request. */
    static byte[] timeExceededForEcho(int src, int dst, int qSrc, int qDst, int id) {
        byte[] quoted = ipv4Raw(7, 0, 1, qSrc, qDst, icmpMsg(8, 0, id, 1, new byte[0]));
        return ipv4(1, src, dst, icmpMsg(11, 0, 0, 0, quoted));
    }

    static byte[] payload(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) ('a' + i % 26);
        }
        return p;
    }
}
