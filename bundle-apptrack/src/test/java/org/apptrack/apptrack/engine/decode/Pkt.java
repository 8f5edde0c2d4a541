package org.apptrack.apptrack.engine.decode;

import java.io.ByteArrayOutputStream;

/** Hand-built frames for decoder tests (big-endian wire format). */
final class Pkt {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Pkt b() {
        return new Pkt();
    }

    Pkt u8(int v) {
        out.write(v & 0xff);
        return this;
    }

    Pkt u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    Pkt u32(long v) {
        return u16((int) (v >>> 16)).u16((int) v);
    }

    Pkt bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    Pkt zeros(int n) {
        for (int i = 0; i < n; i++) {
            u8(0);
        }
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }

    static byte[] cat(byte[]... parts) {
        Pkt p = b();
        for (byte[] x : parts) {
            p.bytes(x);
        }
        return p.build();
    }

    static final int A = ip4(10, 0, 0, 1);
    static final int B = ip4(192, 168, 1, 200);

    static int ip4(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    /** 2001:db8::{last}. */
    static byte[] ip6(int last) {
        return b().u16(0x2001).u16(0x0db8).zeros(10).u16(last).build();
    }

    static byte[] ether(int type, byte[] l3) {
        return b().u32(0x00112233L).u16(0x4455).u32(0x66778899L).u16(0xaabb).u16(type).bytes(l3).build();
    }

    /** Ethernet with tags: tpidVid pairs (tpid, vid), then the EtherType. */
    static byte[] tagged(int type, byte[] l3, int... tpidVid) {
        Pkt p = b().zeros(12);
        for (int i = 0; i < tpidVid.length; i += 2) {
            p.u16(tpidVid[i]).u16(0xe000 | tpidVid[i + 1]);
        }
        return p.u16(type).bytes(l3).build();
    }

    static byte[] ipv4(int proto, int src, int dst, byte[] l4) {
        return ipv4(5, new byte[0], -1, 0x1234, 0x4000, proto, src, dst, l4);
    }

    /** IPv4 with explicit ihl (words), options, total length (-1 = computed), id, flags|offset word. */
    static byte[] ipv4(int ihl, byte[] options, int total, int id, int flagsFrag, int proto, int src, int dst,
            byte[] l4) {
        int hl = 20 + options.length;
        int tl = total >= 0 ? total : hl + l4.length;
        return b().u8(0x40 | ihl).u8(0xb8).u16(tl).u16(id).u16(flagsFrag).u8(64).u8(proto).u16(0)
                .u32(src & 0xffffffffL).u32(dst & 0xffffffffL).bytes(options).bytes(l4).build();
    }

    static byte[] ipv6(int nh, byte[] src, byte[] dst, byte[] payload) {
        return b().u32(0x6_28_00000L | 0x12345).u16(payload.length).u8(nh).u8(63).bytes(src).bytes(dst)
                .bytes(payload).build();
    }

    /** Generic TLV extension (hop-by-hop, routing, destination options) of 8*(units+1) bytes. */
    static byte[] ext(int nh, int units) {
        return b().u8(nh).u8(units).zeros(6 + 8 * units).build();
    }

    static byte[] frag6(int nh, int offsetBytes, boolean more, long id) {
        return b().u8(nh).u8(0).u16(offsetBytes | (more ? 1 : 0)).u32(id).build();
    }

    /** AH with payload-length field (len+2)*4 bytes. */
    static byte[] ah(int nh, int lenField) {
        return b().u8(nh).u8(lenField).zeros((lenField + 2) * 4 - 2).build();
    }

    static byte[] tcp(int sp, int dp, int flags, byte[] payload) {
        return tcpDoff(sp, dp, flags, 5, payload);
    }

    static byte[] tcpDoff(int sp, int dp, int flags, int doff, byte[] payload) {
        Pkt p = b().u16(sp).u16(dp).u32(1000).u32(2000).u8(doff << 4).u8(flags).u16(65535).u16(0).u16(0);
        if (doff > 5) {
            p.zeros((doff - 5) * 4);
        }
        return p.bytes(payload).build();
    }

    static byte[] udp(int sp, int dp, byte[] payload) {
        return b().u16(sp).u16(dp).u16(8 + payload.length).u16(0).bytes(payload).build();
    }

    static byte[] udpLen(int sp, int dp, int len, byte[] payload) {
        return b().u16(sp).u16(dp).u16(len).u16(0).bytes(payload).build();
    }

    static byte[] icmp(int type, int code, int id, int seq, byte[] payload) {
        return b().u8(type).u8(code).u16(0).u16(id).u16(seq).bytes(payload).build();
    }

    static byte[] payload(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) ('a' + i % 26);
        }
        return p;
    }
}
