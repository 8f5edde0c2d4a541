package org.apptrack.apptrack.engine.decode;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.ah;
import static org.apptrack.testsupport.packets.Packets.cat;
import static org.apptrack.testsupport.packets.Packets.ether;
import static org.apptrack.testsupport.packets.Packets.ext;
import static org.apptrack.testsupport.packets.Packets.frag6;
import static org.apptrack.testsupport.packets.Packets.icmp;
import static org.apptrack.testsupport.packets.Packets.ip6;
import static org.apptrack.testsupport.packets.Packets.ipv4;
import static org.apptrack.testsupport.packets.Packets.ipv6;
import static org.apptrack.testsupport.packets.Packets.payload;
import static org.apptrack.testsupport.packets.Packets.tagged;
import static org.apptrack.testsupport.packets.Packets.tcp;
import static org.apptrack.testsupport.packets.Packets.tcpDoff;
import static org.apptrack.testsupport.packets.Packets.udp;
import static org.apptrack.testsupport.packets.Packets.udpLen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.apptrack.apptrack.api.IpAddresses;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrameDecoderTest {

    private static final long MAPPED = 0x0000_ffff_0000_0000L;
    private final FrameDecoder d = new FrameDecoder();

    private boolean decode(byte[] frame) {
        boolean heap = decodeIn(frame, false, ByteOrder.BIG_ENDIAN);
        // direct buffer, little-endian order, non-zero position: same answer
        FrameDecoder other = new FrameDecoder();
        ByteBuffer direct = ByteBuffer.allocateDirect(frame.length + 7).order(ByteOrder.LITTLE_ENDIAN);
        direct.position(5);
        direct.put(frame);
        direct.put(new byte[] {1, 2});
        direct.position(5).limit(5 + frame.length);
        boolean r = other.decode(direct);
        assertEquals(heap, r);
        assertEquals(5, direct.position());
        assertEquals(5 + frame.length, direct.limit());
        assertEquals(d.srcLow(), other.srcLow());
        assertEquals(d.dstHigh(), other.dstHigh());
        assertEquals(d.srcPort(), other.srcPort());
        assertEquals(d.dstPort(), other.dstPort());
        assertEquals(d.protocol(), other.protocol());
        assertEquals(d.l3Length(), other.l3Length());
        assertEquals(d.payloadLength(), other.payloadLength());
        assertEquals(d.payloadOffset() == 0 ? 0 : d.payloadOffset() + 5, other.payloadOffset());
        assertEquals(d.innerSrcPort(), other.innerSrcPort());
        assertEquals(d.fragmentId(), other.fragmentId());
        return heap;
    }

    private boolean decodeIn(byte[] frame, boolean direct, ByteOrder order) {
        ByteBuffer buf = ByteBuffer.wrap(frame.clone()).order(order);
        byte[] before = frame.clone();
        boolean r = d.decode(buf);
        assertEquals(0, buf.position());
        assertEquals(frame.length, buf.limit());
        assertTrue(Arrays.equals(before, buf.array()));
        return r;
    }

    private void assertCounted() {
        assertEquals(d.frames(), d.decoded() + d.notIp() + d.malformedTotal());
    }

    @Test
    void tcpIpv4() {
        byte[] f = ether(0x0800, ipv4(6, A, B, tcp(40000, 443, 0x18, payload(10))));
        assertTrue(decode(f));
        assertEquals(4, d.ipVersion());
        assertEquals(0, d.outerVlan());
        assertEquals(0, d.innerVlan());
        assertEquals(6, d.protocol());
        assertEquals(0, d.srcHigh());
        assertEquals(MAPPED | (A & 0xffffffffL), d.srcLow());
        assertEquals(MAPPED | (B & 0xffffffffL), d.dstLow());
        assertEquals(A, d.srcIpv4());
        assertEquals(B, d.dstIpv4());
        assertEquals(40000, d.srcPort());
        assertEquals(443, d.dstPort());
        assertEquals(0x18, d.tcpFlags());
        assertEquals(1000, d.tcpSequence());
        assertEquals(50, d.l3Length());
        assertEquals(14 + 20 + 20, d.payloadOffset());
        assertEquals(10, d.payloadLength());
        assertEquals(0xb8 >>> 2, d.dscp());
        assertEquals(64, d.ttl());
        assertFalse(d.isFragment());
        assertEquals(0x1234, d.fragmentId());
        assertFalse(d.isIcmpError());
        assertEquals("10.0.0.1", IpAddresses.format(d.srcHigh(), d.srcLow()));
        assertEquals(1, d.frames());
        assertEquals(1, d.decoded());
    }

    @Test
    void udpIpv4WithEthernetPaddingAndTcpOptions() {
        byte[] ip = ipv4(17, A, B, udp(5353, 53, payload(2)));
        byte[] f = cat(ether(0x0800, ip), new byte[20]); // padding after the IP packet
        assertTrue(decode(f));
        assertEquals(17, d.protocol());
        assertEquals(5353, d.srcPort());
        assertEquals(53, d.dstPort());
        assertEquals(30, d.l3Length());
        assertEquals(2, d.payloadLength());
        assertEquals(14 + 28, d.payloadOffset());

        assertTrue(decode(ether(0x0800, ipv4(6, A, B, tcpDoff(1, 2, 0x02, 8, payload(5))))));
        assertEquals(14 + 20 + 32, d.payloadOffset());
        assertEquals(5, d.payloadLength());
    }

    @Test
    void ipv4OptionsAndSnapTruncatedPayload() {
        byte[] opts = {(byte) 0x94, 4, 0, 0, 1, 1, 1, 0}; // router alert + NOPs + EOL
        byte[] f = ether(0x0800, ipv4(7, opts, -1, 7, 0, 6, A, B, tcp(80, 1234, 0x10, payload(100))));
        byte[] cut = Arrays.copyOf(f, f.length - 60); // snaplen cut
        assertTrue(decode(cut));
        assertEquals(28 + 20 + 100, d.l3Length()); // reports total length
        assertEquals(14 + 28 + 20, d.payloadOffset());
        assertEquals(40, d.payloadLength()); // bounded by captured bytes
        assertEquals(80, d.srcPort());
    }

    @Test
    void ipv4TsoZeroTotalLength() {
        byte[] f = ether(0x0800, ipv4(5, new byte[0], 0, 1, 0x4000, 6, A, B, tcp(1, 2, 0x10, payload(3000))));
        assertTrue(decode(f));
        assertEquals(20 + 20 + 3000, d.l3Length());
        assertEquals(3000, d.payloadLength());
    }

    @Test
    void ipv6TsoZeroPayloadLengthAndIcmpLaterFragment() {
        byte[] v6 = ipv6(6, ip6(1), ip6(2), tcp(1, 2, 0x10, payload(2000)));
        v6[4] = 0;
        v6[5] = 0;
        assertTrue(decode(ether(0x86dd, v6)));
        assertEquals(40 + 20 + 2000, d.l3Length());
        assertEquals(2000, d.payloadLength());

        byte[] later = ether(0x0800, ipv4(5, new byte[0], -1, 5, 0x0010, 1, A, B, new byte[3]));
        assertTrue(decode(later)); // a 3-byte later ICMP fragment is fine: no ICMP header expected
        assertEquals(1, d.protocol());
        assertFalse(d.isIcmpError());
        assertEquals(0, d.srcPort());
        assertEquals(128, d.fragmentOffset());
    }

    @Test
    void vlanAndQinq() {
        byte[] ip = ipv4(17, A, B, udp(1, 2, payload(4)));
        assertTrue(decode(tagged(0x0800, ip, 0x8100, 100)));
        assertEquals(100, d.outerVlan());
        assertEquals(0, d.innerVlan());
        assertEquals(14 + 4 + 28, d.payloadOffset());
        assertTrue(decode(tagged(0x0800, ip, 0x88a8, 200, 0x8100, 300)));
        assertEquals(200, d.outerVlan());
        assertEquals(300, d.innerVlan());
        assertTrue(decode(tagged(0x0800, ip, 0x9100, 4095, 0x8100, 1)));
        assertEquals(4095, d.outerVlan());
        assertEquals(1, d.innerVlan());
        assertTrue(decode(tagged(0x86dd, ipv6(17, ip6(1), ip6(2), udp(1, 2, new byte[0])), 0x88a8, 5, 0x8100, 6,
                0x8100, 7)));
        assertEquals(5, d.outerVlan());
        assertEquals(6, d.innerVlan());
        assertEquals(6, d.ipVersion());
    }

    /** PPPoE session header (version/type 0x11, code 0, session, length) and the PPP protocol. */
    private static byte[] pppoe(int pppProtocol, byte[] l3) {
        return Packets.cat(new byte[] {0x11, 0, 0x12, 0x34, (byte) ((l3.length + 2) >>> 8), (byte) (l3.length + 2),
            (byte) (pppProtocol >>> 8), (byte) pppProtocol}, l3);
    }

    /** MPLS labels (label 16 + i, the last with the bottom-of-stack bit). */
    private static byte[] mpls(int labels, byte[] payload) {
        byte[] stack = new byte[labels * 4];
        for (int i = 0; i < labels; i++) {
            int word = (16 + i) << 12 | (i == labels - 1 ? 0x100 : 0) | 64;
            stack[i * 4] = (byte) (word >>> 24);
            stack[i * 4 + 1] = (byte) (word >>> 16);
            stack[i * 4 + 2] = (byte) (word >>> 8);
            stack[i * 4 + 3] = (byte) word;
        }
        return Packets.cat(stack, payload);
    }

    @Test
    void pppoeSessionsCarryIpv4AndIpv6() {
        byte[] ip = ipv4(6, A, B, tcp(40000, 443, 0x02, new byte[0]));
        assertTrue(decode(ether(0x8864, pppoe(0x0021, ip))));
        assertEquals(4, d.ipVersion());
        assertEquals(443, d.dstPort());
        assertEquals(14 + 8 + 20 + 20, d.payloadOffset());
        assertTrue(decode(tagged(0x8864, pppoe(0x0057, ipv6(17, ip6(1), ip6(2), udp(1, 53, payload(3)))),
                0x88a8, 7, 0x8100, 8)));
        assertEquals(6, d.ipVersion());
        assertEquals(53, d.dstPort());
        assertEquals(7, d.outerVlan());
        // protocol-field compression: one byte 0x21
        byte[] compressed = {0x11, 0, 0, 1, 0, (byte) (ip.length + 1), 0x21};
        assertTrue(decode(ether(0x8864, Packets.cat(compressed, ip))));
        assertEquals(443, d.dstPort());
        // LCP inside a session and PPPoE discovery are not IP
        assertFalse(decode(ether(0x8864, pppoe(0xc021, payload(10)))));
        assertFalse(decode(ether(0x8863, payload(20))));
        assertEquals(2, d.notIp());
        assertEquals(0, d.malformedTotal());
    }

    @Test
    void mplsLabelStacksCarryIp() {
        byte[] ip = ipv4(17, A, B, udp(1, 2, payload(4)));
        assertTrue(decode(ether(0x8847, mpls(1, ip))));
        assertEquals(2, d.dstPort());
        assertEquals(14 + 4 + 28, d.payloadOffset());
        assertTrue(decode(ether(0x8847, mpls(3, ipv6(17, ip6(1), ip6(2), udp(1, 2, new byte[0]))))));
        assertEquals(6, d.ipVersion());
        assertFalse(decode(ether(0x8847, mpls(2, new byte[] {0, 0, 0, 0})))); // a pseudowire control word
        assertEquals(1, d.notIp());
    }

    @Test
    void ipv4Fragments() {
        byte[] first = ether(0x0800, ipv4(5, new byte[0], -1, 0xbeef, 0x2000, 17, A, B, udpLen(9, 10, 3000, payload(16))));
        assertTrue(decode(first));
        assertTrue(d.isFragment());
        assertTrue(d.isFirstFragment());
        assertEquals(9, d.srcPort());
        assertEquals(10, d.dstPort());
        assertEquals(0xbeef, d.fragmentId());
        assertEquals(16, d.payloadLength());

        byte[] later = ether(0x0800, ipv4(5, new byte[0], -1, 0xbeef, 3, 17, A, B, payload(10)));
        assertTrue(decode(later));
        assertTrue(d.isFragment());
        assertFalse(d.isFirstFragment());
        assertTrue(d.isLaterFragment());
        assertEquals(24, d.fragmentOffset());
        assertEquals(0, d.srcPort());
        assertEquals(0, d.dstPort());
        assertEquals(17, d.protocol());
        assertEquals(14 + 20, d.payloadOffset());
        assertEquals(10, d.payloadLength());
        assertEquals(0xbeef, d.fragmentId());
    }

    @Test
    void tcpIpv6WithExtensionChain() {
        byte[] l4 = tcp(5555, 80, 0x02, payload(7));
        byte[] chain = cat(ext(60, 0), ext(43, 1), ext(51, 0), ah(6, 4), l4); // HBH, DST, RH, AH
        byte[] f = ether(0x86dd, ipv6(0, ip6(1), ip6(2), chain));
        assertTrue(decode(f));
        assertEquals(6, d.ipVersion());
        assertEquals(6, d.protocol());
        assertEquals(5555, d.srcPort());
        assertEquals(80, d.dstPort());
        assertEquals(2, d.tcpFlags());
        assertEquals(40 + chain.length, d.l3Length());
        assertEquals(0x2001_0db8_0000_0000L, d.srcHigh());
        assertEquals(1, d.srcLow());
        assertEquals(2, d.dstLow());
        assertEquals(0, d.srcIpv4());
        assertEquals(0x28 >>> 2, d.dscp());
        assertEquals(63, d.hopLimit());
        assertEquals(14 + 40 + 8 + 16 + 8 + 24 + 20, d.payloadOffset());
        assertEquals(7, d.payloadLength());
        assertEquals("2001:db8::1", IpAddresses.format(d.srcHigh(), d.srcLow()));
    }

    @Test
    void ipv6EspAndNoNextHeaderStop() {
        assertTrue(decode(ether(0x86dd, ipv6(60, ip6(1), ip6(2), cat(ext(50, 0), payload(30))))));
        assertEquals(50, d.protocol());
        assertEquals(0, d.srcPort());
        assertEquals(30, d.payloadLength());
        assertTrue(decode(ether(0x86dd, ipv6(59, ip6(1), ip6(2), new byte[0]))));
        assertEquals(59, d.protocol());
        assertEquals(40, d.l3Length());
        assertEquals(0, d.payloadLength());
    }

    @Test
    void ipv6Fragments() {
        byte[] first = ether(0x86dd, ipv6(44, ip6(1), ip6(2), cat(frag6(17, 0, true, 0xcafebabeL),
                udpLen(4000, 4001, 2000, payload(8)))));
        assertTrue(decode(first));
        assertTrue(d.isFragment());
        assertTrue(d.isFirstFragment());
        assertTrue(d.moreFragments());
        assertEquals(0xcafebabeL, d.fragmentId());
        assertEquals(17, d.protocol());
        assertEquals(4000, d.srcPort());
        assertEquals(4001, d.dstPort());

        byte[] later = ether(0x86dd, ipv6(0, ip6(1), ip6(2), cat(ext(44, 0), frag6(17, 1448, false, 0xcafebabeL),
                payload(50))));
        assertTrue(decode(later));
        assertTrue(d.isFragment());
        assertFalse(d.isFirstFragment());
        assertFalse(d.moreFragments());
        assertEquals(1448, d.fragmentOffset());
        assertEquals(17, d.protocol());
        assertEquals(0, d.srcPort());
        assertEquals(0, d.dstPort());
        assertEquals(50, d.payloadLength());
        assertEquals(14 + 40 + 8 + 8, d.payloadOffset());
    }

    @Test
    void otherProtocolsHavePortsZero() {
        assertTrue(decode(ether(0x0800, ipv4(47, A, B, payload(24)))));
        assertEquals(47, d.protocol());
        assertEquals(0, d.srcPort());
        assertEquals(24, d.payloadLength());
        assertTrue(decode(ether(0x0800, ipv4(132, A, B, payload(24)))));
        assertEquals(0, d.dstPort());
        assertTrue(decode(ether(0x86dd, ipv6(50, ip6(1), ip6(2), payload(24)))));
        assertEquals(50, d.protocol());
    }

    @Test
    void icmpEcho() {
        assertTrue(decode(ether(0x0800, ipv4(1, A, B, icmp(8, 0, 0x4242, 1, payload(56))))));
        assertEquals(1, d.protocol());
        assertEquals(0x4242, d.srcPort());
        assertEquals(0x4242, d.dstPort());
        assertEquals(8, d.icmpType());
        assertFalse(d.isIcmpError());
        assertEquals(56, d.payloadLength());
        assertTrue(decode(ether(0x0800, ipv4(1, A, B, icmp(0, 0, 0x4243, 1, payload(56))))));
        assertEquals(0x4243, d.srcPort());
        // non-echo informational: ports 0
        assertTrue(decode(ether(0x0800, ipv4(1, A, B, icmp(13, 0, 0x4243, 1, payload(12))))));
        assertEquals(0, d.srcPort());
        assertTrue(decode(ether(0x86dd, ipv6(58, ip6(1), ip6(2), icmp(128, 0, 777, 1, payload(8))))));
        assertEquals(58, d.protocol());
        assertEquals(777, d.srcPort());
        assertEquals(777, d.dstPort());
        assertTrue(decode(ether(0x86dd, ipv6(58, ip6(1), ip6(2), icmp(129, 0, 778, 1, payload(8))))));
        assertEquals(778, d.dstPort());
        assertTrue(decode(ether(0x86dd, ipv6(58, ip6(1), ip6(2), icmp(135, 0, 778, 1, payload(16))))));
        assertEquals(0, d.dstPort());
        assertFalse(d.isIcmpError());
    }

    static Stream<Arguments> icmpErrorTypes() {
        return Stream.of(Arguments.of(3, 3), Arguments.of(11, 0), Arguments.of(12, 0), Arguments.of(4, 0),
                Arguments.of(5, 1));
    }

    @ParameterizedTest
    @MethodSource("icmpErrorTypes")
    void icmpErrorQuotesInnerTuple(int type, int code) {
        byte[] inner = ipv4(17, B, A, udp(33434, 53, payload(20)));
        byte[] quote = Arrays.copyOf(inner, 28); // header + first 8 bytes
        assertTrue(decode(ether(0x0800, ipv4(1, A, B, icmp(type, code, 0, 0, quote)))));
        assertTrue(d.isIcmpError());
        assertEquals(type, d.icmpType());
        assertEquals(code, d.icmpCode());
        assertEquals(0, d.srcPort());
        assertEquals(0, d.dstPort());
        assertEquals(4, d.innerIpVersion());
        assertEquals(17, d.innerProtocol());
        assertEquals(MAPPED | (B & 0xffffffffL), d.innerSrcLow());
        assertEquals(MAPPED | (A & 0xffffffffL), d.innerDstLow());
        assertEquals(0, d.innerSrcHigh());
        assertEquals(0, d.innerDstHigh());
        assertEquals(33434, d.innerSrcPort());
        assertEquals(53, d.innerDstPort());
    }

    @Test
    void icmpErrorQuotingEchoAndTcpAndShortQuote() {
        byte[] echo = ipv4(1, B, A, icmp(8, 0, 99, 1, payload(8)));
        assertTrue(decode(ether(0x0800, ipv4(1, A, B, icmp(11, 0, 0, 0, Arrays.copyOf(echo, 28))))));
        assertEquals(1, d.innerProtocol());
        assertEquals(99, d.innerSrcPort());
        assertEquals(99, d.innerDstPort());
        byte[] tcp = ipv4(6, B, A, tcp(1000, 2000, 2, new byte[0]));
        assertTrue(decode(ether(0x0800, ipv4(1, A, B, icmp(3, 1, 0, 0, Arrays.copyOf(tcp, 22))))));
        assertEquals(6, d.innerProtocol());
        assertEquals(0, d.innerSrcPort()); // fewer than 4 bytes quoted
    }

    @Test
    void icmpv6ErrorQuotesInnerTuple() {
        for (int type = 1; type <= 4; type++) {
            byte[] inner = ipv6(0, ip6(2), ip6(1), cat(ext(6, 0), tcp(44321, 443, 2, new byte[0])));
            assertTrue(decode(ether(0x86dd, ipv6(58, ip6(1), ip6(2), icmp(type, 0, 0, 1280, inner)))));
            assertTrue(d.isIcmpError());
            assertEquals(type, d.icmpType());
            assertEquals(6, d.innerIpVersion());
            assertEquals(6, d.innerProtocol());
            assertEquals(0x2001_0db8_0000_0000L, d.innerSrcHigh());
            assertEquals(2, d.innerSrcLow());
            assertEquals(1, d.innerDstLow());
            assertEquals(0x2001_0db8_0000_0000L, d.innerDstHigh());
            assertEquals(44321, d.innerSrcPort());
            assertEquals(443, d.innerDstPort());
            assertEquals(0, d.srcPort());
        }
        byte[] echo = ipv6(58, ip6(2), ip6(1), icmp(128, 0, 31337, 1, new byte[0]));
        assertTrue(decode(ether(0x86dd, ipv6(58, ip6(1), ip6(2), icmp(3, 0, 0, 0, echo)))));
        assertEquals(58, d.innerProtocol());
        assertEquals(31337, d.innerSrcPort());
    }

    @Test
    void notIpIsNotMalformed() {
        assertFalse(decode(ether(0x0806, payload(28)))); // ARP
        assertFalse(decode(ether(0x88cc, payload(40)))); // LLDP
        assertFalse(decode(ether(0x0026, payload(40)))); // 802.3 length
        assertFalse(decode(tagged(0x0806, payload(28), 0x8100, 10)));
        assertEquals(4, d.notIp());
        assertEquals(0, d.malformedTotal());
        assertEquals(0, d.ipVersion());
        assertCounted();
    }

    static Stream<Arguments> malformed() {
        byte[] goodTcp = ether(0x0800, ipv4(6, A, B, tcp(1, 2, 2, new byte[0])));
        byte[] v6tcp = ipv6(6, ip6(1), ip6(2), tcp(1, 2, 2, new byte[0]));
        byte[] icmpInner = ipv4(17, B, A, udp(1, 2, new byte[0]));
        byte[] badVersionInner = icmpInner.clone();
        badVersionInner[0] = 0x65;
        return Stream.of(
                Arguments.of(MalformedCause.TRUNCATED_ETHERNET, new byte[13]),
                Arguments.of(MalformedCause.TRUNCATED_ETHERNET, new byte[0]),
                Arguments.of(MalformedCause.TRUNCATED_VLAN, Arrays.copyOf(tagged(0x0800, new byte[0], 0x8100, 1), 17)),
                Arguments.of(MalformedCause.TRUNCATED_VLAN,
                        Arrays.copyOf(tagged(0x0800, new byte[0], 0x88a8, 1, 0x8100, 2), 20)),
                Arguments.of(MalformedCause.BAD_PPPOE, ether(0x8864, new byte[] {0x11, 0, 0, 1, 0, 2})),
                Arguments.of(MalformedCause.BAD_PPPOE, ether(0x8864, new byte[] {0x12, 0, 0, 1, 0, 2, 0, 0x21})),
                Arguments.of(MalformedCause.BAD_PPPOE, ether(0x8864, new byte[] {0x11, 0, 0, 1, 0, 2, 0x00})),
                Arguments.of(MalformedCause.BAD_MPLS, ether(0x8847, new byte[] {0, 1, 0})),
                Arguments.of(MalformedCause.BAD_MPLS, ether(0x8847, new byte[] {0, 1, 0, 64})),
                Arguments.of(MalformedCause.BAD_MPLS, ether(0x8847, Arrays.copyOf(new byte[0], 36))),
                Arguments.of(MalformedCause.TRUNCATED_IPV4_HEADER, Arrays.copyOf(goodTcp, 14 + 19)),
                Arguments.of(MalformedCause.TRUNCATED_IPV4_HEADER,
                        ether(0x0800, Arrays.copyOf(ipv4(7, new byte[8], -1, 0, 0, 6, A, B, new byte[0]), 24))),
                Arguments.of(MalformedCause.BAD_IPV4_VERSION, ether(0x0800, v6tcp)),
                Arguments.of(MalformedCause.BAD_IPV4_HEADER_LENGTH,
                        ether(0x0800, ipv4(4, new byte[0], -1, 0, 0, 6, A, B, tcp(1, 2, 2, new byte[0])))),
                Arguments.of(MalformedCause.BAD_IPV4_TOTAL_LENGTH,
                        ether(0x0800, ipv4(5, new byte[0], 19, 0, 0, 6, A, B, tcp(1, 2, 2, new byte[0])))),
                Arguments.of(MalformedCause.BAD_IPV4_FRAGMENT,
                        ether(0x0800, ipv4(5, new byte[0], -1, 0, 0x1fff, 17, A, B, payload(100)))),
                Arguments.of(MalformedCause.BAD_IPV4_FRAGMENT,
                        ether(0x0800, ipv4(5, new byte[0], -1, 0, 0x2000, 17, A, B, payload(13)))),
                Arguments.of(MalformedCause.TRUNCATED_IPV6_HEADER, ether(0x86dd, Arrays.copyOf(v6tcp, 39))),
                Arguments.of(MalformedCause.BAD_IPV6_VERSION, ether(0x86dd, cat(ipv4(6, A, B, tcp(1, 2, 2, new byte[0])),
                        new byte[20]))),
                Arguments.of(MalformedCause.TRUNCATED_IPV6_EXTENSION,
                        ether(0x86dd, ipv6(0, ip6(1), ip6(2), Arrays.copyOf(ext(6, 1), 12)))),
                Arguments.of(MalformedCause.TRUNCATED_IPV6_EXTENSION,
                        ether(0x86dd, ipv6(60, ip6(1), ip6(2), new byte[4]))),
                Arguments.of(MalformedCause.BAD_IPV6_EXTENSION,
                        ether(0x86dd, ipv6(60, ip6(1), ip6(2), cat(ext(0, 0), ext(6, 0), tcp(1, 2, 2, new byte[0]))))),
                Arguments.of(MalformedCause.BAD_IPV6_EXTENSION,
                        ether(0x86dd, ipv6(51, ip6(1), ip6(2), cat(ah(6, 0), tcp(1, 2, 2, new byte[0]))))),
                Arguments.of(MalformedCause.BAD_IPV6_EXTENSION, ether(0x86dd, ipv6(60, ip6(1), ip6(2),
                        cat(ext(60, 0), ext(60, 0), ext(60, 0), ext(60, 0), ext(60, 0), ext(60, 0), ext(60, 0),
                                ext(60, 0), ext(60, 0), ext(60, 0), ext(6, 0), tcp(1, 2, 2, new byte[0]))))),
                Arguments.of(MalformedCause.BAD_IPV6_FRAGMENT,
                        ether(0x86dd, ipv6(44, ip6(1), ip6(2), cat(frag6(17, 65528, false, 1), payload(16))))),
                Arguments.of(MalformedCause.BAD_IPV6_FRAGMENT,
                        ether(0x86dd, ipv6(44, ip6(1), ip6(2), cat(frag6(17, 8, true, 1), payload(13))))),
                Arguments.of(MalformedCause.TRUNCATED_TCP, Arrays.copyOf(goodTcp, goodTcp.length - 1)),
                Arguments.of(MalformedCause.TRUNCATED_TCP,
                        Arrays.copyOf(ether(0x0800, ipv4(6, A, B, tcpDoff(1, 2, 2, 8, new byte[0]))), 14 + 20 + 30)),
                Arguments.of(MalformedCause.TRUNCATED_TCP, ether(0x86dd, Arrays.copyOf(v6tcp, 50))),
                Arguments.of(MalformedCause.BAD_TCP_DATA_OFFSET, ether(0x0800, ipv4(6, A, B, tcpDoff(1, 2, 2, 4, new byte[4])))),
                Arguments.of(MalformedCause.BAD_TCP_DATA_OFFSET, // header (24) longer than the declared segment (20)
                        ether(0x0800, ipv4(5, new byte[0], 40, 0, 0, 6, A, B, tcpDoff(1, 2, 2, 6, new byte[0])))),
                Arguments.of(MalformedCause.TRUNCATED_UDP, ether(0x0800, ipv4(17, A, B, new byte[7]))),
                Arguments.of(MalformedCause.TRUNCATED_UDP, ether(0x86dd, ipv6(17, ip6(1), ip6(2), new byte[3]))),
                Arguments.of(MalformedCause.BAD_UDP_LENGTH, ether(0x0800, ipv4(17, A, B, udpLen(1, 2, 7, new byte[0])))),
                Arguments.of(MalformedCause.BAD_UDP_LENGTH, ether(0x0800, ipv4(17, A, B, udpLen(1, 2, 20, new byte[4])))),
                Arguments.of(MalformedCause.TRUNCATED_ICMP, ether(0x0800, ipv4(1, A, B, new byte[7]))),
                Arguments.of(MalformedCause.TRUNCATED_ICMP, ether(0x86dd, ipv6(58, ip6(1), ip6(2), new byte[4]))),
                Arguments.of(MalformedCause.TRUNCATED_ICMP_INNER,
                        ether(0x0800, ipv4(1, A, B, icmp(3, 1, 0, 0, Arrays.copyOf(icmpInner, 19))))),
                Arguments.of(MalformedCause.TRUNCATED_ICMP_INNER,
                        ether(0x86dd, ipv6(58, ip6(1), ip6(2), icmp(1, 0, 0, 0, Arrays.copyOf(v6tcp, 39))))),
                Arguments.of(MalformedCause.BAD_ICMP_INNER,
                        ether(0x0800, ipv4(1, A, B, icmp(11, 0, 0, 0, badVersionInner)))),
                Arguments.of(MalformedCause.BAD_ICMP_INNER,
                        ether(0x86dd, ipv6(58, ip6(1), ip6(2), icmp(2, 0, 0, 1500, cat(icmpInner, new byte[20]))))));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("malformed")
    void malformedCountsExactlyItsCause(MalformedCause cause, byte[] frame) {
        assertFalse(decode(frame));
        assertEquals(1, d.malformed(cause));
        assertEquals(1, d.malformedTotal());
        assertEquals(0, d.notIp());
        assertEquals(0, d.ipVersion());
        assertEquals(0, d.srcPort());
        assertCounted();
    }

    @Test
    void everyCauseHasATestCase() {
        Set<MalformedCause> covered = EnumSet.noneOf(MalformedCause.class);
        malformed().forEach(a -> covered.add((MalformedCause) a.get()[0]));
        assertEquals(EnumSet.allOf(MalformedCause.class), covered);
    }

    @Test
    void resetCounters() {
        decode(new byte[3]);
        decode(ether(0x0806, new byte[28]));
        d.resetCounters();
        assertEquals(0, d.frames());
        assertEquals(0, d.malformedTotal());
        assertEquals(0, d.malformed(MalformedCause.TRUNCATED_ETHERNET));
        assertEquals(0, d.notIp());
    }

    @Test
    void formatAddressRfc5952() {
        assertEquals("192.0.2.1", fmt("::ffff:c000:201"));
        assertEquals("2001:db8::1", fmt("2001:db8:0:0:0:0:0:1"));
        assertEquals("::", fmt("0:0:0:0:0:0:0:0"));
        assertEquals("::1", fmt("0:0:0:0:0:0:0:1"));
        assertEquals("1::", fmt("1:0:0:0:0:0:0:0"));
        assertEquals("2001:db8:0:1:1:1:1:1", fmt("2001:db8:0:1:1:1:1:1")); // single zero not compressed
        assertEquals("2001:0:0:1::1", fmt("2001:0:0:1:0:0:0:1")); // longest run
        assertEquals("2001:db8::1:0:0:1", fmt("2001:db8:0:0:1:0:0:1")); // first of equal runs
        assertEquals("fe80::abcd:ef01:2:3", fmt("FE80:0000:0000:0000:ABCD:EF01:0002:0003"));
        assertEquals("::ffff:0:0:c000:201", fmt("0:0:0:ffff:0:0:c000:201")); // not mapped
        assertEquals("::c000:201", fmt("::c000:201")); // IPv4-compatible is not mapped
        assertEquals("10.0.0.1", IpAddresses.formatIpv4(Packets.ip4(10, 0, 0, 1)));
        assertEquals("255.255.255.255", IpAddresses.format(0, 0x0000_ffff_ffff_ffffL));
    }

    private static String fmt(String text) {
        long[] hl = parse(text);
        return IpAddresses.format(hl[0], hl[1]);
    }

    /** Minimal parser for the test (full or "::" forms, hex groups only). */
    static long[] parse(String text) {
        String[] halves = text.split("::", -1);
        int[] g = new int[8];
        String[] left = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
        for (int i = 0; i < left.length; i++) {
            g[i] = Integer.parseInt(left[i], 16);
        }
        if (halves.length == 2) {
            String[] right = halves[1].isEmpty() ? new String[0] : halves[1].split(":");
            for (int i = 0; i < right.length; i++) {
                g[8 - right.length + i] = Integer.parseInt(right[i], 16);
            }
        }
        long h = 0;
        long l = 0;
        for (int i = 0; i < 4; i++) {
            h = (h << 16) | g[i];
            l = (l << 16) | g[i + 4];
        }
        return new long[] {h, l};
    }
}
