package org.apptrack.apptrack.appid.tls;

import java.nio.ByteBuffer;
import org.apptrack.apptrack.engine.classify.ClassificationState;

/**
 * One direction of a TLS-over-TCP session, from its first payload byte until its hello is read:
 * the client's ClientHello ({@link #offerClientHello}) or the server's ServerHello and first
 * certificate ({@link #offerServerFlight}). Each call takes one TCP segment's payload, in place.
 *
 * <p>An SSL 2.0-compatible ClientHello is recognised when its first segment holds it whole.
 *
 * <p>When the first segment holds the whole message in its first record (nearly always), it is
 * parsed where it lies and nothing is copied. Otherwise (a message spanning segments or records)
 * the handshake bytes, record headers removed, are copied into a region of the session's
 * {@link ClassificationState} buffer until the message is whole; a message that cannot fit gives
 * {@link TlsStatus#TOO_LONG}, except that a first certificate too long for the region is read as
 * far as the region goes ({@link ServerHelloInfo#certificateTruncated()}).
 *
 * <p>State: {@link #WORDS} words of the classification state from {@code firstWord}, and the
 * buffer region {@code [regionOffset, regionOffset + regionCapacity)} (capped by the buffer's
 * size). Give the two directions of a session different words; they may share a region, since a
 * server answers only once the whole ClientHello arrived. Segments are placed by their TCP
 * sequence number, relative to the direction's first payload: retransmitted bytes are skipped
 * (a retransmission that overlaps new bytes gives only the new ones); a segment after a gap is
 * kept at the top of the region when the stream up to its end fits there, together with the
 * segments that adjoin it, and is read once a segment fills the gap (one gap at a time: a
 * segment beyond a second gap is left out, and the caller's packet budget ends the wait). A
 * first payload shorter than a record header is judged once five bytes are in, and is replaced
 * by a later segment starting at the same sequence number (stacks that send an ACK carrying a
 * few stray bytes before the hello). The first payload must be the stream's first: a hello
 * whose first segment arrives after its second is not read.
 *
 * <p>After a final status (anything but {@link TlsStatus#NEED_MORE}) the caller stops offering
 * that direction: a further offer returns the same status without touching the result object.
 * The object holds only its configuration: one may serve every session of a classifier. No
 * allocation, no exception on any input.
 */
public final class TlsStreamReassembler {

    /** Words of classification state each direction uses. */
    public static final int WORDS = 2;

    private static final int PHASE_NEW = 0;
    private static final int PHASE_ASSEMBLING = 1;
    private static final int PHASE_DONE = 2;

    // word A
    private static final long SEQ_MASK = 0xffff_ffffL;
    private static final int STORED_SHIFT = 32;
    private static final int PHASE_SHIFT = 48;
    private static final int STATUS_SHIFT = 50;
    private static final long ENDED = 1L << 53;
    private static final long OVERFLOW = 1L << 54;
    private static final long RECORD_SEEN = 1L << 55;
    // word B: bytes left in the current record, bytes of a record header read (they wait in the
    // region at the stored end), and the bytes held past a gap: how far past the next byte
    // expected they start, and how many (they lie at the top of the region)
    private static final int HAVE_SHIFT = 16;
    private static final int GAP_SHIFT = 24;
    private static final int HELD_SHIFT = 40;

    private static final TlsStatus[] STATUSES = TlsStatus.values();

    private final int stateWord;
    private final int framingWord;
    private final int regionOffset;
    private final int regionCapacity;

    /**
     * @param firstWord the first of the {@link #WORDS} state words this direction uses
     * @param regionOffset where this direction's bytes go in the state's buffer
     * @param regionCapacity how many bytes it may use there (at most 65535)
     */
    public TlsStreamReassembler(int firstWord, int regionOffset, int regionCapacity) {
        if (firstWord < 0 || firstWord + WORDS > ClassificationState.WORDS) {
            throw new IllegalArgumentException("firstWord must be 0.." + (ClassificationState.WORDS - WORDS) + ": "
                    + firstWord);
        }
        if (regionOffset < 0 || regionCapacity < 0 || regionCapacity > 0xffff) {
            throw new IllegalArgumentException("regionOffset must not be negative and regionCapacity must be 0..65535: "
                    + regionOffset + ", " + regionCapacity);
        }
        this.stateWord = firstWord;
        this.framingWord = firstWord + 1;
        this.regionOffset = regionOffset;
        this.regionCapacity = regionCapacity;
    }

    /**
     * One segment of the client's stream.
     *
     * @param tcpSeq the segment's TCP sequence number
     */
    public TlsStatus offerClientHello(ClassificationState state, int tcpSeq, ByteBuffer segment, int offset,
                                      int length, ClientHelloInfo out) {
        return offer(state, true, tcpSeq, segment, offset, length, out, null);
    }

    /** One segment of the client's stream, taken to follow the previous one (no sequence number at hand). */
    public TlsStatus offerClientHello(ClassificationState state, ByteBuffer segment, int offset, int length,
                                      ClientHelloInfo out) {
        return offer(state, false, 0, segment, offset, length, out, null);
    }

    /** One segment of the server's stream. */
    public TlsStatus offerServerFlight(ClassificationState state, int tcpSeq, ByteBuffer segment, int offset,
                                       int length, ServerHelloInfo out) {
        return offer(state, true, tcpSeq, segment, offset, length, null, out);
    }

    /** One segment of the server's stream, taken to follow the previous one. */
    public TlsStatus offerServerFlight(ClassificationState state, ByteBuffer segment, int offset, int length,
                                       ServerHelloInfo out) {
        return offer(state, false, 0, segment, offset, length, null, out);
    }

    private TlsStatus offer(ClassificationState state, boolean useSeq, int tcpSeq, ByteBuffer segment, int offset,
                            int length, ClientHelloInfo client, ServerHelloInfo server) {
        long a = state.word(stateWord);
        int phase = (int) (a >>> PHASE_SHIFT) & 3;
        if (phase == PHASE_DONE) {
            return STATUSES[(int) (a >>> STATUS_SHIFT) & 7];
        }
        if (length <= 0 || !ClientHelloParser.within(segment, offset, length)) {
            return TlsStatus.NEED_MORE;
        }
        int capacity = Math.max(0, Math.min(regionCapacity, state.capacity() - regionOffset));
        long b;
        if (phase == PHASE_NEW) {
            if (client != null && (segment.get(offset) & 0x80) != 0) {
                TlsStatus v2 = ClientHelloParser.parseSslv2(segment, offset, length, client);
                return finish(state, v2 == TlsStatus.NEED_MORE ? TlsStatus.TOO_LONG : v2);
            }
            if (length >= TlsRecords.HEADER) {
                TlsStatus first = firstLook(segment, offset, length, client, server);
                if (first != TlsStatus.NEED_MORE) {
                    return finish(state, first);
                }
            }
            a = (long) PHASE_ASSEMBLING << PHASE_SHIFT | (tcpSeq & SEQ_MASK);
            b = 0;
        } else {
            b = state.word(framingWord);
            int next = (int) (a & SEQ_MASK);
            if (useSeq && (a & RECORD_SEEN) == 0 && tcpSeq == next - ((int) (b >>> HAVE_SHIFT) & 7)) {
                // before the first record header is whole, a segment that starts the stream again
                // replaces the bytes held (a stack's ACK carrying stray bytes, then the real data)
                b = 0;
                next = tcpSeq;
            }
            int behind = useSeq ? next - tcpSeq : 0;
            if (behind < 0) {
                state.word(framingWord, hold(state, a, b, capacity, -behind, segment, offset, length));
                return TlsStatus.NEED_MORE;
            }
            if (behind >= length) {
                return TlsStatus.NEED_MORE; // a retransmission of bytes already taken
            }
            offset += behind;
            length -= behind;
            tcpSeq = next;
        }
        int stored = (int) (a >>> STORED_SHIFT) & 0xffff;
        int remaining = (int) b & 0xffff;
        int have = (int) (b >>> HAVE_SHIFT) & 7;
        int gap = (int) (b >>> GAP_SHIFT) & 0xffff;
        int held = (int) (b >>> HELD_SHIFT) & 0xffff;
        ByteBuffer buffer = state.bytes();
        int top = regionOffset + capacity;
        long header = 0;
        for (int i = 0; i < have; i++) {
            header = header << 8 | (buffer.get(regionOffset + stored + i) & 0xff);
        }
        int following = 0; // held bytes that follow this segment now that it filled the gap
        if (held > 0) {
            if (length >= gap) {
                following = Math.max(0, held - (length - gap));
                gap = 0;
                held = 0;
            } else {
                gap -= length;
            }
        }
        ByteBuffer source = segment;
        int p = offset;
        int end = offset + length;
        while ((a & (ENDED | OVERFLOW)) == 0) {
            if (p == end) {
                if (following == 0 || source == buffer) {
                    break;
                }
                source = buffer;
                p = top - following;
                end = top;
                continue;
            }
            if (remaining == 0) {
                while (have < TlsRecords.HEADER && p < end) {
                    header = header << 8 | (source.get(p++) & 0xff);
                    have++;
                }
                if (have < TlsRecords.HEADER) {
                    continue;
                }
                int type = (int) (header >>> 32) & 0xff;
                int len = (int) header & 0xffff;
                boolean first = (a & RECORD_SEEN) == 0;
                a |= RECORD_SEEN;
                if (!TlsRecords.validType(type) || !TlsRecords.validVersion((int) (header >>> 24) & 0xff,
                        (int) (header >>> 16) & 0xff) || !TlsRecords.validLength(len)) {
                    return finish(state, first ? TlsStatus.NOT_TLS : TlsStatus.MALFORMED);
                }
                have = 0;
                header = 0;
                if (type != TlsRecords.HANDSHAKE) {
                    if (first) {
                        return finish(state, TlsStatus.NO_HANDSHAKE);
                    }
                    a |= ENDED;
                    break;
                }
                remaining = len;
            }
            int n = Math.min(remaining, end - p);
            int w = Math.min(n, capacity - stored);
            // the source may be the held bytes: they lie at or after where they are copied to
            state.write(regionOffset + stored, source, p, w);
            stored += w;
            if (w < n) {
                a |= OVERFLOW;
            }
            remaining -= n;
            p += n;
        }
        if (have > 0 && (a & (ENDED | OVERFLOW)) == 0) {
            // a record header split between segments waits where the record's bytes will go
            if (stored + have > capacity) {
                a |= OVERFLOW;
            } else {
                for (int i = 0; i < have; i++) {
                    state.write(regionOffset + stored + i, (int) (header >>> 8 * (have - 1 - i)));
                }
            }
        }
        a = a & ~(SEQ_MASK | 0xffffL << STORED_SHIFT) | (tcpSeq + length + following) & SEQ_MASK
                | (long) stored << STORED_SHIFT;
        state.word(stateWord, a);
        state.word(framingWord, framing(remaining, have, gap, held));
        return parseRegion(state, stored, capacity, a, client, server);
    }

    /**
     * A segment {@code ahead} bytes past the next byte expected: kept at the top of the region,
     * merged with the bytes already held there, when the stream up to its end fits the region
     * beside what is stored (so that copying the held bytes down once the gap is filled never
     * overwrites one not yet copied). A segment that does not touch the held bytes is left out:
     * one gap at a time.
     *
     * @return the new framing word
     */
    private long hold(ClassificationState state, long a, long b, int capacity, int ahead, ByteBuffer segment,
                      int offset, int length) {
        int stored = (int) (a >>> STORED_SHIFT) & 0xffff;
        int have = (int) (b >>> HAVE_SHIFT) & 7;
        int gap = (int) (b >>> GAP_SHIFT) & 0xffff;
        int held = (int) (b >>> HELD_SHIFT) & 0xffff;
        long start = ahead;
        long end = start + length;
        long from = start;
        long to = end;
        if (held > 0) {
            if (start > gap + held || end < gap) {
                return b;
            }
            from = Math.min(start, gap);
            to = Math.max(end, gap + held);
        }
        if ((long) stored + have + to > capacity) {
            return b;
        }
        int top = regionOffset + capacity;
        int span = (int) (to - from);
        if (held > 0) {
            state.write(top - span + (int) (gap - from), state.bytes(), top - held, held);
        }
        state.write(top - span + (int) (start - from), segment, offset, length);
        return framing((int) b & 0xffff, have, (int) from, span);
    }

    private static long framing(int remaining, int have, int gap, int held) {
        return remaining | (long) have << HAVE_SHIFT | (long) gap << GAP_SHIFT | (long) held << HELD_SHIFT;
    }

    /** The first segment (at least a record header): rejects what cannot be TLS, and parses a message lying whole in its first record. */
    private TlsStatus firstLook(ByteBuffer s, int offset, int length, ClientHelloInfo client, ServerHelloInfo server) {
        int type = s.get(offset) & 0xff;
        if (!TlsRecords.validType(type)) {
            return TlsStatus.NOT_TLS;
        }
        if (!TlsRecords.validVersion(s.get(offset + 1) & 0xff, s.get(offset + 2) & 0xff)) {
            return TlsStatus.NOT_TLS;
        }
        int recordLength = Bytes.u16(s, offset + 3);
        if (!TlsRecords.validLength(recordLength)) {
            return TlsStatus.NOT_TLS;
        }
        if (type != TlsRecords.HANDSHAKE) {
            return TlsStatus.NO_HANDSHAKE;
        }
        int payload = offset + TlsRecords.HEADER;
        int inRecord = Math.min(recordLength, length - TlsRecords.HEADER);
        TlsStatus st = client != null ? ClientHelloParser.parse(s, payload, inRecord, client)
                : ServerFlightParser.parse(s, payload, inRecord, false, server);
        return st;
    }

    private TlsStatus parseRegion(ClassificationState state, int stored, int capacity, long a, ClientHelloInfo client,
                                  ServerHelloInfo server) {
        boolean overflow = (a & OVERFLOW) != 0;
        boolean ended = (a & ENDED) != 0;
        ByteBuffer buffer = state.bytes();
        int base = Math.min(regionOffset, state.capacity()); // a region past the buffer holds nothing
        TlsStatus st;
        int needed;
        if (client != null) {
            st = ClientHelloParser.parse(buffer, base, stored, client);
            needed = client.needed();
        } else {
            st = ServerFlightParser.parse(buffer, base, stored, ended || overflow, server);
            needed = server.serverHelloSeen() ? 0 : server.needed();
        }
        if (st != TlsStatus.NEED_MORE) {
            return finish(state, st);
        }
        if (overflow || needed > capacity) {
            return finish(state, TlsStatus.TOO_LONG);
        }
        if (ended) {
            return finish(state, TlsStatus.MALFORMED);
        }
        return st;
    }

    private TlsStatus finish(ClassificationState state, TlsStatus status) {
        long a = state.word(stateWord) & ~(3L << PHASE_SHIFT | 7L << STATUS_SHIFT);
        state.word(stateWord, a | (long) PHASE_DONE << PHASE_SHIFT | (long) status.ordinal() << STATUS_SHIFT);
        return status;
    }
}
