package org.apptrack.apptrack.appid.quic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apptrack.apptrack.appid.flows.CaptureFlows;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.GroundTruth;
import org.apptrack.apptrack.appid.tls.ClientHelloInfo;
import org.apptrack.apptrack.appid.tls.ClientHelloParser;
import org.apptrack.apptrack.appid.tls.TlsStatus;
import org.apptrack.apptrack.engine.classify.ClassificationState;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.api.Test;

/**
 * CRYPTO stream reassembly across Initial packets and datagrams: shuffled, split, repeated and
 * overlapping frames, the coverage record's bound, the region's cap, the session's first DCID,
 * and datagrams that do not open. The ClientHellos are real (a browser's, from a capture); the
 * packets are sealed here with the keys checked against the RFCs.
 */
class QuicReassemblyTest {

    private static final byte[] DCID = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88};

    @Test
    void aHelloInShuffledOverlappingFramesOverThreeDatagramsIsReadWhateverTheirOrder() throws Exception {
        byte[] hello = browserHello();
        ClientHelloInfo whole = parse(hello);
        Random random = new Random(7);
        for (int version : new int[] {QuicVersion.V1, QuicVersion.V2, 0xff00001d}) {
            List<byte[]> datagrams = shuffledDatagrams(hello, 3, random, version);
            for (List<byte[]> order : orders(datagrams)) {
                ClassificationState state = QuicFeed.state();
                QuicHello out = new QuicHello();
                for (int i = 0; i < order.size(); i++) {
                    QuicStatus st = read(state, order.get(i), out);
                    assertEquals(i == order.size() - 1 ? QuicStatus.COMPLETE : QuicStatus.NEED_MORE, st,
                            QuicVersion.name(version) + " datagram " + i);
                }
                assertEquals(whole.toString(), out.hello().toString());
                assertEquals(version, out.version());
            }
        }
    }

    @Test
    void islandsBeyondTheCoverageRecordWaitForARetransmission() throws Exception {
        byte[] hello = browserHello();
        List<byte[]> frames = new ArrayList<>();
        for (int off = 16; off + 8 < hello.length && frames.size() < 3 * CryptoStreamAssembler.MAX_GAPS; off += 16) {
            frames.add(InitialSealer.crypto(off, hello, off, 8)); // islands with holes between them
        }
        ClassificationState state = QuicFeed.state();
        QuicHello out = new QuicHello();
        byte[] first = InitialSealer.seal(QuicVersion.V1, DCID, 0, InitialSealer.payload(1200,
                frames.toArray(new byte[0][])));
        assertEquals(QuicStatus.NEED_MORE, read(state, first, out));
        byte[] all = InitialSealer.seal(QuicVersion.V1, DCID, 1, InitialSealer.payload(1200,
                InitialSealer.crypto(0, hello, 0, hello.length)));
        assertEquals(QuicStatus.COMPLETE, read(state, all, out));
        assertEquals(parse(hello).toString(), out.hello().toString());
    }

    @Test
    void aHelloLongerThanTheRegionIsTooLong() throws Exception {
        byte[] hello = browserHello();
        QuicInitialReader small = new QuicInitialReader(0, 0, QuicInitialReader.REGION_OVERHEAD + hello.length - 1);
        byte[] half = InitialSealer.seal(QuicVersion.V1, DCID, 0, InitialSealer.payload(1200,
                InitialSealer.crypto(0, hello, 0, hello.length / 2)));
        QuicHello out = new QuicHello();
        assertEquals(QuicStatus.TOO_LONG, small.read(QuicFeed.state(), ByteBuffer.wrap(half), 0, half.length, out),
                "the hello's length is known from its first four bytes");
        QuicInitialReader exact = new QuicInitialReader(0, 0, QuicInitialReader.REGION_OVERHEAD + hello.length);
        byte[] whole = InitialSealer.seal(QuicVersion.V1, DCID, 0, InitialSealer.payload(1200,
                InitialSealer.crypto(0, hello, 0, hello.length)));
        assertEquals(QuicStatus.COMPLETE, exact.read(QuicFeed.state(), ByteBuffer.wrap(whole), 0, whole.length, out));
    }

    @Test
    void laterInitialsUseTheKeysOfTheSessionsFirstDcid() throws Exception {
        byte[] hello = browserHello();
        int half = hello.length / 2;
        byte[] first = InitialSealer.seal(QuicVersion.V1, DCID, 0, InitialSealer.payload(1200,
                InitialSealer.crypto(0, hello, 0, half)));
        byte[] otherDcid = {9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        byte[] secondOwnKeys = InitialSealer.seal(QuicVersion.V1, otherDcid, 1, InitialSealer.payload(1200,
                InitialSealer.crypto(half, hello, half, hello.length - half)));
        byte[] secondFirstKeys = InitialSealer.seal(QuicVersion.V1, otherDcid, DCID, 1, InitialSealer.payload(1200,
                InitialSealer.crypto(half, hello, half, hello.length - half)));
        ClassificationState state = QuicFeed.state();
        QuicHello out = new QuicHello();
        assertEquals(QuicStatus.NEED_MORE, read(state, first, out));
        assertEquals(QuicStatus.NEED_MORE, read(state, secondOwnKeys, out), "does not open: passed over");
        byte[] tampered = first.clone();
        tampered[tampered.length - 1] ^= 1;
        assertEquals(QuicStatus.NEED_MORE, read(state, tampered, out), "does not open: passed over");
        assertEquals(QuicStatus.COMPLETE, read(state, secondFirstKeys, out));
        assertEquals(parse(hello).serverName().toString(), out.hello().serverName().toString());
    }

    @Test
    void capturedHellosOverSeveralDatagramsReadTheSameInReverse() throws IOException {
        int checked = 0;
        for (String file : new String[] {"quic_frags_ch_in_multiple_packets.pcapng",
            "quic_frags_ch_out_of_order_same_packet_craziness.pcapng"}) {
            Path capture = GroundTruth.capture("ndpi-extended", file);
            Prerequisites.optional(TestData.missing(capture), Files.isRegularFile(capture));
            for (Flow flow : CaptureFlows.read(capture)) {
                List<Flow.Packet> client = flow.packets(true);
                QuicFeed inOrder = QuicFeed.of(client);
                if (inOrder.status != QuicStatus.COMPLETE || inOrder.datagrams < 2) {
                    continue;
                }
                List<Flow.Packet> reversed = new ArrayList<>(client.subList(0, inOrder.datagrams));
                Collections.reverse(reversed);
                QuicFeed backwards = QuicFeed.of(reversed);
                assertEquals(QuicStatus.COMPLETE, backwards.status, file + " " + flow);
                assertEquals(inOrder.hello.toString(), backwards.hello.toString(), file + " " + flow);
                checked++;
            }
        }
        assertTrue(checked >= 1, "flows whose hello spans datagrams: " + checked);
    }

    @Test
    void whatIsNotAClientInitialIsToldApart() throws Exception {
        QuicHello out = new QuicHello();
        byte[] shortHeader = new byte[1200];
        shortHeader[0] = 0x41;
        assertEquals(QuicStatus.NOT_INITIAL, read(QuicFeed.state(), shortHeader, out));
        byte[] unknown = new byte[1200];
        unknown[0] = (byte) 0xc0;
        unknown[1] = 0x12;
        unknown[5] = 8;
        assertEquals(QuicStatus.UNSUPPORTED_VERSION, read(QuicFeed.state(), unknown, out));
        assertEquals(QuicStatus.NOT_QUIC, read(QuicFeed.state(), java.util.Arrays.copyOf(unknown, 300), out),
                "an unknown version in a datagram too small for an Initial");
        byte[] negotiation = {(byte) 0x80, 0, 0, 0, 0, 4, 1, 2, 3, 4, 0, 0, 0, 0, 1};
        assertEquals(QuicStatus.NOT_INITIAL, read(QuicFeed.state(), negotiation, out));
        byte[] sealed = InitialSealer.seal(QuicVersion.V1, DCID, 0, InitialSealer.payload(1200, new byte[] {0x01}));
        sealed[sealed.length - 3] ^= 0x40;
        assertEquals(QuicStatus.DECRYPT_FAILED, read(QuicFeed.state(), sealed, out));
        byte[] stream = InitialSealer.seal(QuicVersion.V1, DCID, 0, InitialSealer.payload(1200, new byte[] {0x08, 0, 0}));
        assertEquals(QuicStatus.MALFORMED, read(QuicFeed.state(), stream, out), "a STREAM frame has no place in an Initial");
        byte[] hello = browserHello();
        byte[] helloThenStream = InitialSealer.seal(QuicVersion.V1, DCID, 0, InitialSealer.payload(1200,
                InitialSealer.crypto(0, hello, 0, hello.length), new byte[] {0x08, 0, 0}));
        assertEquals(QuicStatus.COMPLETE, read(QuicFeed.state(), helloThenStream, out),
                "the frames before a bad one still count");
    }

    private static QuicStatus read(ClassificationState state, byte[] datagram, QuicHello out) {
        byte[] framed = new byte[datagram.length + 20];
        System.arraycopy(datagram, 0, framed, 10, datagram.length);
        return QuicFeed.READER.read(state, ByteBuffer.wrap(framed), 10, datagram.length, out);
    }

    /** The hello cut into frames of 1 to 199 bytes, some repeated or stretched over their neighbours, shuffled into {@code n} datagrams. */
    private static List<byte[]> shuffledDatagrams(byte[] hello, int n, Random random, int version)
            throws GeneralSecurityException {
        List<byte[]> frames = new ArrayList<>();
        for (int off = 0; off < hello.length; ) {
            int len = Math.min(1 + random.nextInt(199), hello.length - off);
            int stretch = Math.min(random.nextInt(3) == 0 ? random.nextInt(40) : 0, hello.length - off - len);
            frames.add(InitialSealer.crypto(off, hello, off, len + stretch));
            if (random.nextInt(5) == 0) {
                frames.add(InitialSealer.crypto(off, hello, off, len));
            }
            off += len;
        }
        Collections.shuffle(frames, random);
        List<List<byte[]>> perDatagram = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            perDatagram.add(new ArrayList<>());
        }
        for (int i = 0; i < frames.size(); i++) {
            perDatagram.get(i * n / frames.size()).add(frames.get(i));
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(InitialSealer.seal(version, DCID, i, InitialSealer.payload(1200,
                    perDatagram.get(i).toArray(new byte[0][]))));
        }
        return out;
    }

    private static List<List<byte[]>> orders(List<byte[]> items) {
        List<List<byte[]>> out = new ArrayList<>();
        if (items.size() <= 1) {
            out.add(new ArrayList<>(items));
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            List<byte[]> rest = new ArrayList<>(items);
            byte[] head = rest.remove(i);
            for (List<byte[]> tail : orders(rest)) {
                tail.add(0, head);
                out.add(tail);
            }
        }
        return out;
    }

    private static ClientHelloInfo parse(byte[] hello) {
        ClientHelloInfo info = new ClientHelloInfo();
        assertEquals(TlsStatus.COMPLETE, ClientHelloParser.parse(ByteBuffer.wrap(hello), 0, hello.length, info));
        return info;
    }

    /** The ClientHello message (handshake header included) of a browser's TLS session in sites.pcapng, the largest there. */
    static byte[] browserHello() throws IOException {
        Path capture = GroundTruth.capture("ndpi", "sites.pcapng");
        Prerequisites.optional(TestData.missing(capture), Files.isRegularFile(capture));
        byte[] best = null;
        for (Flow flow : CaptureFlows.read(capture)) {
            List<Flow.Packet> client = flow.packets(true);
            if (flow.protocol() != 6 || client.isEmpty()) {
                continue;
            }
            byte[] p = client.get(0).payload();
            if (p.length < 9 || p[0] != 0x16 || p[5] != 1) {
                continue;
            }
            int len = 4 + ((p[6] & 0xff) << 16 | (p[7] & 0xff) << 8 | p[8] & 0xff);
            if (5 + len <= p.length && (best == null || len > best.length)) {
                best = java.util.Arrays.copyOfRange(p, 5, 5 + len);
            }
        }
        return best;
    }
}
