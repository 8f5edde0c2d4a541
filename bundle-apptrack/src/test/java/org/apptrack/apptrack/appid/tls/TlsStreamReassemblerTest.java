package org.apptrack.apptrack.appid.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apptrack.apptrack.appid.flows.Flow;
import org.apptrack.apptrack.appid.flows.GroundTruth;
import org.apptrack.apptrack.engine.classify.ClassificationState;
import org.junit.jupiter.api.Test;

/** Reassembly of hellos that span segments and records, retransmissions, gaps, and the caps. */
class TlsStreamReassemblerTest {

    private static final int SEQ = 0x7fff_fff0; // wraps past 2^31 and 2^32 within a hello

    @Test
    void aClientHelloInTwoSegmentsIsReadWhenTheSecondArrives() throws IOException {
        for (String file : new String[] {"codm.pcap", "dingtalk.pcap", "gaijin_mobile_mixed.pcap"}) {
            List<Flow> flows = Samples.flows("ndpi-extended", file);
            int checked = 0;
            for (GroundTruth.Row row : GroundTruth.rows("ndpi-extended")) {
                Flow flow = row.file.equals(file) && "TLS".equals(row.master) ? row.find(flows) : null;
                if (flow == null) {
                    continue;
                }
                Feed feed = Feed.clientHello(flow, true, 4096);
                assertEquals(TlsStatus.COMPLETE, feed.status, file + " " + flow);
                assertEquals(row.hostname, feed.client.serverName().toString(), file + " " + flow);
                checked += feed.segments == 2 ? 1 : 0;
            }
            assertTrue(checked > 0, file + ": no hello in two segments");
        }
    }

    @Test
    void aHelloSplitIntoRecordsAndTinySegmentsReadsAsTheWholeMessage() throws IOException {
        for (byte[] stream : Samples.clientHellos()) {
            int messageLength = 4 + ((stream[6] & 0xff) << 16 | (stream[7] & 0xff) << 8 | stream[8] & 0xff);
            ClientHelloInfo whole = new ClientHelloInfo();
            assertEquals(TlsStatus.COMPLETE, ClientHelloParser.parse(ByteBuffer.wrap(stream), 5, messageLength, whole));
            byte[] recorded = rerecord(stream, messageLength, 100, 7, 1);
            for (int step = 1; step <= 13; step += 4) {
                ClassificationState state = Feed.state(4096);
                TlsStreamReassembler r = new TlsStreamReassembler(0, 0, 4096);
                ClientHelloInfo out = new ClientHelloInfo();
                TlsStatus st = TlsStatus.NEED_MORE;
                int p = 0;
                while (p < recorded.length && st == TlsStatus.NEED_MORE) {
                    int n = Math.min(step + p % 3, recorded.length - p);
                    ByteBuffer segment = ByteBuffer.wrap(withPadding(recorded, p, n));
                    st = r.offerClientHello(state, SEQ + p, segment, 3, n, out);
                    p += n;
                }
                assertEquals(TlsStatus.COMPLETE, st, "step " + step);
                assertEquals(whole.toString(), out.toString(), "step " + step);
                assertEquals(whole.messageLength(), out.messageLength());
            }
        }
    }

    @Test
    void retransmittedOverlappingAndReorderedSegmentsGiveTheWholeHello() throws IOException {
        byte[] stream = Samples.clientHellos().get(0);
        int total = 5 + 4 + ((stream[6] & 0xff) << 16 | (stream[7] & 0xff) << 8 | stream[8] & 0xff);
        ClassificationState state = Feed.state(4096);
        TlsStreamReassembler r = new TlsStreamReassembler(0, 0, 4096);
        ClientHelloInfo out = new ClientHelloInfo();
        int a = total / 3;
        int b = 2 * total / 3;
        assertEquals(TlsStatus.NEED_MORE, offer(r, state, stream, 0, a, out));
        assertEquals(TlsStatus.NEED_MORE, offer(r, state, stream, 0, a, out), "a retransmission");
        assertEquals(TlsStatus.NEED_MORE, offer(r, state, stream, b, total - b, out), "after a gap: held");
        assertEquals(TlsStatus.NEED_MORE, offer(r, state, stream, b, total - b, out), "the held segment resent");
        assertEquals(TlsStatus.COMPLETE, offer(r, state, stream, a / 2, b - a / 2, out),
                "overlapping the start and filling the gap");
        assertEquals(whole(stream).toString(), out.toString());
        assertEquals(TlsStatus.COMPLETE, offer(r, state, stream, 0, 10, out), "a final status stays");
    }

    @Test
    void segmentsArrivingInReverseAfterTheFirstCompleteWhenTheGapCloses() throws IOException {
        for (byte[] stream : Samples.clientHellos()) {
            int messageLength = 4 + ((stream[6] & 0xff) << 16 | (stream[7] & 0xff) << 8 | stream[8] & 0xff);
            // records split the message too: their headers lie inside the held bytes
            byte[] recorded = rerecord(stream, messageLength, 150, 90, 200);
            for (int size : new int[] {3, 61, 400}) {
                ClassificationState state = Feed.state(4096);
                TlsStreamReassembler r = new TlsStreamReassembler(0, 0, 4096);
                ClientHelloInfo out = new ClientHelloInfo();
                int count = (recorded.length + size - 1) / size;
                if (count < 3) {
                    continue;
                }
                assertEquals(TlsStatus.NEED_MORE, segment(r, state, recorded, 0, size, out));
                for (int i = count - 1; i >= 1; i--) {
                    TlsStatus st = segment(r, state, recorded, i, size, out);
                    assertEquals(i == 1 ? TlsStatus.COMPLETE : TlsStatus.NEED_MORE, st, "segment " + i + " of " + size);
                }
                assertEquals(whole(stream).toString(), out.toString(), "segments of " + size);
            }
        }
    }

    @Test
    void shuffledSegmentsThenTheirRetransmissionGiveTheWholeHello() throws IOException {
        java.util.Random random = new java.util.Random(20261206);
        for (byte[] stream : Samples.clientHellos()) {
            int messageLength = 4 + ((stream[6] & 0xff) << 16 | (stream[7] & 0xff) << 8 | stream[8] & 0xff);
            byte[] recorded = rerecord(stream, messageLength, 100, 7, 1);
            for (int round = 0; round < 20; round++) {
                int size = 20 + random.nextInt(300);
                int count = (recorded.length + size - 1) / size;
                List<Integer> order = new java.util.ArrayList<>();
                for (int i = 1; i < count; i++) {
                    order.add(i);
                    if (random.nextInt(4) == 0) {
                        order.add(i); // a duplicate
                    }
                }
                java.util.Collections.shuffle(order, random);
                ClassificationState state = Feed.state(4096);
                TlsStreamReassembler r = new TlsStreamReassembler(0, 0, 4096);
                ClientHelloInfo out = new ClientHelloInfo();
                TlsStatus st = segment(r, state, recorded, 0, size, out);
                for (int i : order) {
                    st = segment(r, state, recorded, i, size, out);
                }
                for (int i = 1; i < count && st == TlsStatus.NEED_MORE; i++) {
                    st = segment(r, state, recorded, i, size, out); // what was left out, sent again
                }
                assertEquals(TlsStatus.COMPLETE, st, "round " + round + " " + order);
                assertEquals(whole(stream).toString(), out.toString(), "round " + round + " " + order);
            }
        }
    }

    @Test
    void aSegmentBeyondASecondGapIsLeftOutUntilSentAgain() throws IOException {
        byte[] stream = Samples.clientHellos().get(0);
        int size = stream.length / 5 + 1;
        ClassificationState state = Feed.state(4096);
        TlsStreamReassembler r = new TlsStreamReassembler(0, 0, 4096);
        ClientHelloInfo out = new ClientHelloInfo();
        assertEquals(TlsStatus.NEED_MORE, segment(r, state, stream, 0, size, out));
        assertEquals(TlsStatus.NEED_MORE, segment(r, state, stream, 2, size, out), "held");
        assertEquals(TlsStatus.NEED_MORE, segment(r, state, stream, 4, size, out), "beyond a second gap: left out");
        assertEquals(TlsStatus.NEED_MORE, segment(r, state, stream, 1, size, out), "fills the first gap");
        assertEquals(TlsStatus.NEED_MORE, segment(r, state, stream, 3, size, out), "the last one is still missing");
        assertEquals(TlsStatus.COMPLETE, segment(r, state, stream, 4, size, out), "sent again");
        assertEquals(whole(stream).toString(), out.toString());
    }

    @Test
    void aSegmentHeldPastAGapStaysInsideTheRegionOrIsLeftOut() throws IOException {
        byte[] stream = Samples.clientHellos().get(0);
        int total = 5 + 4 + ((stream[6] & 0xff) << 16 | (stream[7] & 0xff) << 8 | stream[8] & 0xff);
        int capacity = total - 5; // the message exactly: nothing to spare for a segment far ahead
        ClassificationState state = Feed.state(4096);
        byte[] marker = new byte[4096];
        java.util.Arrays.fill(marker, (byte) 0x5a);
        state.write(0, marker, 0, marker.length);
        TlsStreamReassembler r = new TlsStreamReassembler(0, 1024, capacity);
        ClientHelloInfo out = new ClientHelloInfo();
        int a = total / 4;
        assertEquals(TlsStatus.NEED_MORE, offer(r, state, stream, 0, a, out));
        ByteBuffer far = ByteBuffer.wrap(new byte[300]);
        assertEquals(TlsStatus.NEED_MORE, r.offerClientHello(state, SEQ + total, far, 0, 300, out),
                "past the message's end: does not fit, left out");
        assertEquals(TlsStatus.NEED_MORE, offer(r, state, stream, 2 * a, total - 2 * a, out), "fits: held");
        assertEquals(TlsStatus.COMPLETE, offer(r, state, stream, a, a, out));
        assertEquals(whole(stream).toString(), out.toString());
        for (int i = 0; i < 4096; i++) {
            if (i < 1024 || i >= 1024 + capacity) {
                assertEquals(0x5a, state.bytes().get(i), "byte " + i + " outside the region");
            }
        }
    }

    @Test
    void aServerFlightInReverseOrderGivesTheSameCertificate() throws IOException {
        int checked = 0;
        for (byte[] stream : Samples.serverFlights()) {
            ServerHelloInfo inOrder = new ServerHelloInfo();
            assertEquals(TlsStatus.COMPLETE, feedAll(stream, 1 << 15, inOrder));
            int size = 1448;
            int count = (stream.length + size - 1) / size;
            if (count < 3) {
                continue;
            }
            ClassificationState state = Feed.state(1 << 15);
            TlsStreamReassembler r = new TlsStreamReassembler(0, 0, 0xffff);
            ServerHelloInfo reordered = new ServerHelloInfo();
            TlsStatus st = r.offerServerFlight(state, SEQ, ByteBuffer.wrap(stream), 0, size, reordered);
            for (int i = count - 1; i >= 1 && st == TlsStatus.NEED_MORE; i--) {
                int from = i * size;
                st = r.offerServerFlight(state, SEQ + from, ByteBuffer.wrap(stream), from,
                        Math.min(size, stream.length - from), reordered);
            }
            assertEquals(TlsStatus.COMPLETE, st);
            assertEquals(inOrder.toString(), reordered.toString());
            checked++;
        }
        assertTrue(checked > 0, "no server flight of three segments or more");
    }

    @Test
    void aClientHelloLargerThanTheRegionGivesUpWithoutWritingOutsideIt() throws IOException {
        Flow flow = Samples.flows("ndpi-extended", "tls_with_huge_ch.pcapng").get(0);
        assertEquals(TlsStatus.COMPLETE, Feed.clientHello(flow, true, 16384).status, "11 KiB fit in 16 KiB");
        ClassificationState state = Feed.state(8192);
        byte[] marker = new byte[8192];
        java.util.Arrays.fill(marker, (byte) 0x5a);
        state.write(0, marker, 0, marker.length);
        TlsStreamReassembler r = new TlsStreamReassembler(0, 1024, 4096);
        ClientHelloInfo out = new ClientHelloInfo();
        TlsStatus st = TlsStatus.NEED_MORE;
        int offered = 0;
        for (Flow.Packet p : flow.packets(true)) {
            st = r.offerClientHello(state, p.seq(), p.buffer(), p.payloadOffset(), p.payloadLength(), out);
            offered++;
            if (st != TlsStatus.NEED_MORE) {
                break;
            }
        }
        assertEquals(TlsStatus.TOO_LONG, st);
        assertEquals(1, offered, "the hello's length, in its first segment, tells at once that it cannot fit");
        for (int i = 0; i < 8192; i++) {
            if (i < 1024 || i >= 1024 + 4096) {
                assertEquals(0x5a, state.bytes().get(i), "byte " + i + " outside the region");
            }
        }
    }

    @Test
    void aCertificateLongerThanTheRegionIsReadAsFarAsItGoes() throws IOException {
        int truncated = 0;
        for (byte[] stream : Samples.serverFlights()) {
            ServerHelloInfo whole = new ServerHelloInfo();
            TlsStatus full = feedAll(stream, 1 << 15, whole);
            assertEquals(TlsStatus.COMPLETE, full);
            if (!whole.certificateSeen() || !whole.subjectCommonName().isPresent()) {
                continue;
            }
            ServerHelloInfo small = new ServerHelloInfo();
            assertEquals(TlsStatus.COMPLETE, feedAll(stream, 700, small), "the ServerHello fits: COMPLETE");
            assertEquals(whole.selectedVersion(), small.selectedVersion());
            if (small.certificateTruncated()) {
                truncated++;
                assertTrue(!small.subjectCommonName().isPresent()
                        || small.subjectCommonName().toString().equals(whole.subjectCommonName().toString()));
                for (int i = 0; i < small.dnsNames().count(); i++) {
                    assertEquals(whole.dnsNames().get(i).toString(), small.dnsNames().get(i).toString());
                }
            }
        }
        assertTrue(truncated > 0, "no certificate was longer than 700 bytes");
    }

    @Test
    void strayBytesBeforeTheHelloAtTheSameSequenceNumberAreReplaced() throws IOException {
        byte[] stream = Samples.clientHellos().get(0);
        ClassificationState state = Feed.state(4096);
        TlsStreamReassembler r = new TlsStreamReassembler(0, 0, 4096);
        ClientHelloInfo out = new ClientHelloInfo();
        assertEquals(TlsStatus.NEED_MORE, r.offerClientHello(state, SEQ, ByteBuffer.wrap(new byte[2]), 0, 2, out));
        assertEquals(TlsStatus.COMPLETE, r.offerClientHello(state, SEQ, ByteBuffer.wrap(stream), 0, stream.length, out));
        assertTrue(out.serverName().isPresent());
    }

    @Test
    void whatIsNotATlsStreamIsToldApart() {
        ClientHelloInfo out = new ClientHelloInfo();
        byte[] http = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(TlsStatus.NOT_TLS, once(http, out));
        byte[] appData = {0x17, 3, 3, 0, 20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        assertEquals(TlsStatus.NO_HANDSHAKE, once(appData, out));
        byte[] badVersion = {0x16, 3, 9, 0, 4, 1, 0, 0, 0};
        assertEquals(TlsStatus.NOT_TLS, once(badVersion, out));
        byte[] serverHelloFromTheClient = {0x16, 3, 3, 0, 4, 2, 0, 0, 0};
        assertEquals(TlsStatus.NOT_TLS, once(serverHelloFromTheClient, out));
        byte[] overrun = {0x16, 3, 1, 0, 8, 1, 0, 0, 2, 3, 3, 0, 0};
        assertEquals(TlsStatus.MALFORMED, once(overrun, out), "a body shorter than a hello can be");
        ByteBuffer ten = ByteBuffer.wrap(new byte[10]);
        assertEquals(TlsStatus.MALFORMED, ClientHelloParser.parse(ten, 5, 1000, out), "a region past the limit");
        assertEquals(TlsStatus.MALFORMED, ServerFlightParser.parse(ten, -1, 5, true, new ServerHelloInfo()));
        assertEquals(TlsStatus.NOT_TLS, DtlsClientHelloReader.read(ten, 8, Integer.MAX_VALUE, out));
    }

    @Test
    void twoDirectionsWithTheirOwnWordsAndRegionsDoNotMeet() throws IOException {
        byte[] hello = Samples.clientHellos().get(0);
        byte[] flight = Samples.serverFlights().get(0);
        ClassificationState state = Feed.state(8192);
        TlsStreamReassembler client = new TlsStreamReassembler(0, 0, 4096);
        TlsStreamReassembler server = new TlsStreamReassembler(2, 4096, 4096);
        ClientHelloInfo c = new ClientHelloInfo();
        ServerHelloInfo s = new ServerHelloInfo();
        int half = hello.length / 2;
        TlsStatus cs = client.offerClientHello(state, 1000, ByteBuffer.wrap(hello), 0, half, c);
        TlsStatus ss = server.offerServerFlight(state, 5000, ByteBuffer.wrap(flight), 0, 60, s);
        assertEquals(TlsStatus.NEED_MORE, cs);
        assertEquals(TlsStatus.NEED_MORE, ss);
        cs = client.offerClientHello(state, 1000 + half, ByteBuffer.wrap(hello), half, hello.length - half, c);
        ss = server.offerServerFlight(state, 5060, ByteBuffer.wrap(flight), 60, flight.length - 60, s);
        assertEquals(TlsStatus.COMPLETE, cs);
        assertEquals(TlsStatus.COMPLETE, ss);
        assertTrue(c.serverName().isPresent());
        assertTrue(s.serverHelloSeen());
    }

    @Test
    void aRegionOutsideTheStateOrBadWordsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TlsStreamReassembler(-1, 0, 10));
        assertThrows(IllegalArgumentException.class,
                () -> new TlsStreamReassembler(ClassificationState.WORDS - 1, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new TlsStreamReassembler(0, 0, 70000));
        // a region beyond the buffer holds nothing: a hello that must be copied is too long
        ClassificationState state = Feed.state(100);
        TlsStreamReassembler r = new TlsStreamReassembler(0, 200, 1000);
        byte[] start = {0x16, 3, 1, 0, 50, 1, 0, 0, 46};
        assertEquals(TlsStatus.TOO_LONG, r.offerClientHello(state, 1, ByteBuffer.wrap(start), 0, start.length,
                new ClientHelloInfo()));
        assertFalse(state.bytes().get(0) != 0, "nothing written");
    }

    private static TlsStatus once(byte[] payload, ClientHelloInfo out) {
        return new TlsStreamReassembler(0, 0, 4096).offerClientHello(Feed.state(4096), 1, ByteBuffer.wrap(payload), 0,
                payload.length, out);
    }

    private static TlsStatus offer(TlsStreamReassembler r, ClassificationState state, byte[] stream, int from, int n,
                                   ClientHelloInfo out) {
        return r.offerClientHello(state, SEQ + from, ByteBuffer.wrap(stream), from, n, out);
    }

    /** Segment {@code i} of {@code stream} cut into segments of {@code size} bytes. */
    private static TlsStatus segment(TlsStreamReassembler r, ClassificationState state, byte[] stream, int i, int size,
                                     ClientHelloInfo out) {
        int from = i * size;
        return offer(r, state, stream, from, Math.min(size, stream.length - from), out);
    }

    /** The hello of the stream's first record, parsed where it lies. */
    private static ClientHelloInfo whole(byte[] stream) {
        int messageLength = 4 + ((stream[6] & 0xff) << 16 | (stream[7] & 0xff) << 8 | stream[8] & 0xff);
        ClientHelloInfo whole = new ClientHelloInfo();
        assertEquals(TlsStatus.COMPLETE, ClientHelloParser.parse(ByteBuffer.wrap(stream), 5, messageLength, whole));
        return whole;
    }

    private static TlsStatus feedAll(byte[] stream, int capacity, ServerHelloInfo out) {
        ClassificationState state = Feed.state(capacity);
        TlsStreamReassembler r = new TlsStreamReassembler(0, 0, capacity);
        TlsStatus st = TlsStatus.NEED_MORE;
        for (int p = 0; p < stream.length && st == TlsStatus.NEED_MORE; p += 1448) {
            st = r.offerServerFlight(state, SEQ + p, ByteBuffer.wrap(stream), p, Math.min(1448, stream.length - p), out);
        }
        return st;
    }

    /** The handshake message of the stream's first record, re-cut into records of these sizes (the last takes the rest). */
    private static byte[] rerecord(byte[] stream, int messageLength, int... sizes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int p = 5;
        int end = 5 + messageLength;
        for (int i = 0; p < end; i++) {
            int n = i < sizes.length ? Math.min(sizes[i], end - p) : end - p;
            out.write(new byte[] {0x16, 3, 3, (byte) (n >> 8), (byte) n}, 0, 5);
            out.write(stream, p, n);
            p += n;
        }
        return out.toByteArray();
    }

    /** {@code n} bytes of {@code b} from {@code from}, with three bytes of something else before and after. */
    private static byte[] withPadding(byte[] b, int from, int n) {
        byte[] out = new byte[n + 6];
        java.util.Arrays.fill(out, (byte) 0xee);
        System.arraycopy(b, from, out, 3, n);
        return out;
    }
}
