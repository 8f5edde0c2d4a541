package org.apptrack.testsupport.packets;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Hand-built packets, layer by layer, for tests that need to know every byte: each method returns
 * one layer's bytes with the next layer inside, e.g.
 * {@code ether(0x0800, ipv4(6, A, B, tcp(40000, 443, SYN, payload(10))))}. Checksums are zero
 * (the product does not check them) unless a test asks for the IPv4 header's with
 * {@link #withIpv4Checksum}. {@link Frames} builds whole frames from these.
 */
public final class Packets {

    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_IPV6 = 0x86dd;
    public static final int TPID_VLAN = 0x8100;

    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMPV6 = 58;

    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    /** Addresses the tests use as hosts: 10.0.0.1, 192.168.1.200, 172.16.0.9. */
    public static final int A = ip4(10, 0, 0, 1);
    public static final int B = ip4(192, 168, 1, 200);
    public static final int C = ip4(172, 16, 0, 9);

    /** Ethernet addresses of {@link #ether(int, byte[])}. */
    private static final byte[] DST_MAC = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55};
    private static final byte[] SRC_MAC = {0x66, 0x77, (byte) 0x88, (byte) 0x99, (byte) 0xaa, (byte) 0xbb};

    private Packets() {
    }

    // ------------------------------------------------------------------ bytes and addresses

    /** The parts one after the other. */
    public static byte[] cat(byte[]... parts) {
        Bytes b = Bytes.of();
        for (byte[] p : parts) {
            b.bytes(p);
        }
        return b.build();
    }

    /** Each value's low byte. */
    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** {@code n} bytes of text ("abc...z" repeated). */
    public static byte[] payload(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) ('a' + i % 26);
        }
        return p;
    }

    public static int ip4(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    /** A dotted IPv4 address as a number. */
    public static int ip4(String dotted) {
        return ByteBuffer.wrap(address(dotted)).getInt();
    }

    /** Four address bytes as a number. */
    public static int ip4(byte[] address) {
        return ByteBuffer.wrap(address).getInt();
    }

    /** 2001:db8::{last}. */
    public static byte[] ip6(int last) {
        return Bytes.of().u16(0x2001).u16(0x0db8).zeros(10).u16(last).build();
    }

    /** The bytes of an IPv4 or IPv6 address literal. */
    public static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + literal, e);
        }
    }

    // ------------------------------------------------------------------ link layer

    /** Ethernet from 66:77:88:99:aa:bb to 00:11:22:33:44:55. */
    public static byte[] ether(int type, byte[] l3) {
        return ether(DST_MAC, SRC_MAC, type, l3);
    }

    public static byte[] ether(byte[] dstMac, byte[] srcMac, int type, byte[] l3) {
        return Bytes.of().bytes(dstMac).bytes(srcMac).u16(type).bytes(l3).build();
    }

    /** Ethernet (zero addresses) with tags: pairs (TPID, VLAN id, priority 7), then the EtherType. */
    public static byte[] tagged(int type, byte[] l3, int... tpidVid) {
        Bytes p = Bytes.of().zeros(12);
        for (int i = 0; i < tpidVid.length; i += 2) {
            p.u16(tpidVid[i]).u16(0xe000 | tpidVid[i + 1]);
        }
        return p.u16(type).bytes(l3).build();
    }

    /** {@code frame} (Ethernet) with an 802.1Q tag of VLAN {@code vid} (priority 0) after its addresses. */
    public static byte[] vlanTagged(byte[] frame, int vid) {
        return Bytes.of().bytes(java.util.Arrays.copyOf(frame, 12)).u16(TPID_VLAN).u16(vid)
                .bytes(java.util.Arrays.copyOfRange(frame, 12, frame.length)).build();
    }

    // ------------------------------------------------------------------ network layer

    /** IPv4, DSCP 46 (TOS 0xb8), TTL 64, id 0x1234, don't fragment. */
    public static byte[] ipv4(int proto, int src, int dst, byte[] l4) {
        return ipv4(5, new byte[0], -1, 0x1234, 0x4000, proto, src, dst, l4);
    }

    /** {@link #ipv4(int, int, int, byte[])} between address literals. */
    public static byte[] ipv4(int proto, String src, String dst, byte[] l4) {
        return ipv4(proto, ip4(src), ip4(dst), l4);
    }

    /** IPv4 with explicit ihl (words), options, total length (-1 = computed), id, flags|offset word. */
    public static byte[] ipv4(int ihl, byte[] options, int total, int id, int flagsFrag, int proto, int src, int dst,
            byte[] l4) {
        int hl = 20 + options.length;
        int tl = total >= 0 ? total : hl + l4.length;
        return Bytes.of().u8(0x40 | ihl).u8(0xb8).u16(tl).u16(id).u16(flagsFrag).u8(64).u8(proto).u16(0)
                .u32(src & 0xffffffffL).u32(dst & 0xffffffffL).bytes(options).bytes(l4).build();
    }

    /** The IPv4 packet (header first) with its header checksum filled in. */
    public static byte[] withIpv4Checksum(byte[] ipv4) {
        byte[] p = ipv4.clone();
        int headerLength = (p[0] & 0x0f) * 4;
        p[10] = 0;
        p[11] = 0;
        int sum = 0;
        for (int i = 0; i < headerLength; i += 2) {
            sum += ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        p[10] = (byte) (~sum >>> 8);
        p[11] = (byte) ~sum;
        return p;
    }

    /** IPv6, traffic class 0x28, flow label 0x12345, hop limit 63. */
    public static byte[] ipv6(int nh, byte[] src, byte[] dst, byte[] payload) {
        return Bytes.of().u32(0x6_28_00000L | 0x12345).u16(payload.length).u8(nh).u8(63).bytes(src).bytes(dst)
                .bytes(payload).build();
    }

    /** Generic TLV extension (hop-by-hop, routing, destination options) of 8*(units+1) bytes. */
    public static byte[] ext(int nh, int units) {
        return Bytes.of().u8(nh).u8(units).zeros(6 + 8 * units).build();
    }

    /** IPv6 fragment header. */
    public static byte[] frag6(int nh, int offsetBytes, boolean more, long id) {
        return Bytes.of().u8(nh).u8(0).u16(offsetBytes | (more ? 1 : 0)).u32(id).build();
    }

    /** AH with payload-length field (len+2)*4 bytes. */
    public static byte[] ah(int nh, int lenField) {
        return Bytes.of().u8(nh).u8(lenField).zeros((lenField + 2) * 4 - 2).build();
    }

    // ------------------------------------------------------------------ transport layer

    /** TCP, sequence 1000, acknowledgement 2000, window 65535, no options. */
    public static byte[] tcp(int sp, int dp, int flags, byte[] payload) {
        return tcpDoff(sp, dp, flags, 5, payload);
    }

    /** TCP with sequence number {@code seq}, acknowledgement 2000, window 65535, no options. */
    public static byte[] tcpSeq(int sp, int dp, int flags, int seq, byte[] payload) {
        return Bytes.of().u16(sp).u16(dp).u32(seq).u32(2000).u8(5 << 4).u8(flags).u16(65535).u16(0).u16(0)
                .bytes(payload).build();
    }

    /** TCP with data offset {@code doff} words (options zero-filled). */
    public static byte[] tcpDoff(int sp, int dp, int flags, int doff, byte[] payload) {
        Bytes p = Bytes.of().u16(sp).u16(dp).u32(1000).u32(2000).u8(doff << 4).u8(flags).u16(65535).u16(0).u16(0);
        if (doff > 5) {
            p.zeros((doff - 5) * 4);
        }
        return p.bytes(payload).build();
    }

    public static byte[] udp(int sp, int dp, byte[] payload) {
        return udpLen(sp, dp, 8 + payload.length, payload);
    }

    /** UDP with an explicit length field. */
    public static byte[] udpLen(int sp, int dp, int len, byte[] payload) {
        return Bytes.of().u16(sp).u16(dp).u16(len).u16(0).bytes(payload).build();
    }

    /** ICMP or ICMPv6: type, code, zero checksum, then identifier and sequence (or the error's unused word). */
    public static byte[] icmp(int type, int code, int id, int seq, byte[] payload) {
        return Bytes.of().u8(type).u8(code).u16(0).u16(id).u16(seq).bytes(payload).build();
    }
}
