package org.apptrack.apptrack.appid.quic;

import java.nio.ByteBuffer;
import org.apptrack.apptrack.engine.classify.ClassificationState;

/**
 * The client's Initial CRYPTO stream of one session, assembled in a region of its
 * {@link ClassificationState} buffer from frames that come in any order, split, repeated or
 * overlapping, over several packets and datagrams (a post-quantum ClientHello spans two; Chrome
 * splits and shuffles its CRYPTO frames). Each frame's bytes go to their stream offset; a small
 * coverage record says what is there: the contiguous prefix (in a state word) and up to
 * {@link #MAX_GAPS} islands beyond it (at the region's start). An island that finds the record
 * full is not recorded (its bytes wait for a retransmission); bytes beyond the region are dropped
 * and flagged. The region also keeps the session's original Destination Connection ID, whose
 * keys protect all its Initials (RFC 9001 5.2).
 *
 * <p>Region layout: [0, 20) DCID, [20, 52) islands as (start, end) 16-bit pairs, then the stream.
 * One state word: bit 63 started, bits 0-15 prefix, 16-20 DCID length, 24-27 islands, bit 28
 * overflow, bits 32-35 final status + 1. Bound to one session per call ({@link #load}, then
 * {@link #save}). Not thread-safe.
 */
final class CryptoStreamAssembler {

    static final int MAX_GAPS = 8;
    private static final int DCID_AT = 0;
    private static final int ISLANDS_AT = LongHeader.MAX_CID;
    static final int DATA_AT = ISLANDS_AT + 4 * MAX_GAPS;

    private static final long STARTED = 1L << 63;
    private static final long OVERFLOW = 1L << 28;
    private static final int DCID_SHIFT = 16;
    private static final int ISLAND_SHIFT = 24;
    private static final int STATUS_SHIFT = 32;

    private final int wordIndex;
    private final int regionOffset;
    private final int regionCapacity;
    /** Islands while merging: starts and ends, one spare for the insertion. */
    private final int[] starts = new int[MAX_GAPS + 1];
    private final int[] ends = new int[MAX_GAPS + 1];
    private final byte[] islandBytes = new byte[4 * MAX_GAPS];

    private ClassificationState state;
    private long word;
    private int dataCapacity;

    CryptoStreamAssembler(int wordIndex, int regionOffset, int regionCapacity) {
        this.wordIndex = wordIndex;
        this.regionOffset = regionOffset;
        this.regionCapacity = regionCapacity;
    }

    void load(ClassificationState s) {
        state = s;
        word = s.word(wordIndex);
        int region = Math.max(0, Math.min(regionCapacity, s.capacity() - regionOffset));
        dataCapacity = Math.max(0, Math.min(0xffff, region - DATA_AT));
    }

    void save() {
        state.word(wordIndex, word);
        state = null;
    }

    /** Whether the region's DCID fits in the buffer at all. */
    boolean usable() {
        return Math.min(regionCapacity, state.capacity() - regionOffset) >= DATA_AT;
    }

    boolean started() {
        return (word & STARTED) != 0;
    }

    /** Starts the session's stream with its original DCID, {@code src[offset, offset + length)}. */
    void start(ByteBuffer src, int offset, int length) {
        state.write(regionOffset + DCID_AT, src, offset, length);
        word = STARTED | (long) length << DCID_SHIFT;
    }

    /** Copies the original DCID into {@code out}; returns its length. */
    int dcid(byte[] out) {
        int n = (int) (word >>> DCID_SHIFT) & 0x1f;
        ByteBuffer b = state.bytes();
        for (int i = 0; i < n; i++) {
            out[i] = b.get(regionOffset + DCID_AT + i);
        }
        return n;
    }

    /** Bytes of the stream present from offset 0 on. */
    int prefix() {
        return (int) word & 0xffff;
    }

    boolean overflow() {
        return (word & OVERFLOW) != 0;
    }

    int dataCapacity() {
        return dataCapacity;
    }

    /** The buffer and where stream offset 0 is in it. */
    ByteBuffer buffer() {
        return state.bytes();
    }

    int dataOffset() {
        return regionOffset + DATA_AT;
    }

    /** The final status stored by {@link #finish}, or -1. */
    int finalStatus() {
        return (int) (word >>> STATUS_SHIFT & 0xf) - 1;
    }

    void finish(int status) {
        word = word & ~(0xfL << STATUS_SHIFT) | (long) (status + 1) << STATUS_SHIFT;
    }

    /** The CRYPTO frame data {@code src[offset, offset + length)} at stream offset {@code streamOffset}. */
    void add(long streamOffset, ByteBuffer src, int offset, int length) {
        if (length <= 0) {
            return;
        }
        if (streamOffset >= dataCapacity) {
            word |= OVERFLOW;
            return;
        }
        int s = (int) streamOffset;
        int e = s + length;
        if (e > dataCapacity || e < 0) {
            e = dataCapacity;
            word |= OVERFLOW;
        }
        state.write(dataOffset() + s, src, offset, e - s);
        cover(s, e);
    }

    private void cover(int s, int e) {
        int prefix = prefix();
        int count = (int) (word >>> ISLAND_SHIFT) & 0xf;
        if (e <= prefix) {
            return;
        }
        readIslands(count);
        if (s <= prefix) {
            prefix = e;
        } else {
            // insert [s, e) in order, then merge what touches
            int i = count;
            while (i > 0 && starts[i - 1] > s) {
                starts[i] = starts[i - 1];
                ends[i] = ends[i - 1];
                i--;
            }
            starts[i] = s;
            ends[i] = e;
            count++;
        }
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (starts[i] <= prefix) {
                prefix = Math.max(prefix, ends[i]);
            } else if (kept > 0 && starts[i] <= ends[kept - 1]) {
                ends[kept - 1] = Math.max(ends[kept - 1], ends[i]);
            } else {
                starts[kept] = starts[i];
                ends[kept] = ends[i];
                kept++;
            }
        }
        if (kept > MAX_GAPS) {
            kept = MAX_GAPS; // the farthest island is forgotten; its bytes wait for a retransmission
        }
        writeIslands(kept);
        word = word & ~(0xffffL | 0xfL << ISLAND_SHIFT) | prefix | (long) kept << ISLAND_SHIFT;
    }

    private void readIslands(int count) {
        ByteBuffer b = state.bytes();
        int at = regionOffset + ISLANDS_AT;
        for (int i = 0; i < count; i++) {
            starts[i] = (b.get(at + 4 * i) & 0xff) << 8 | b.get(at + 4 * i + 1) & 0xff;
            ends[i] = (b.get(at + 4 * i + 2) & 0xff) << 8 | b.get(at + 4 * i + 3) & 0xff;
        }
    }

    private void writeIslands(int count) {
        for (int i = 0; i < count; i++) {
            islandBytes[4 * i] = (byte) (starts[i] >> 8);
            islandBytes[4 * i + 1] = (byte) starts[i];
            islandBytes[4 * i + 2] = (byte) (ends[i] >> 8);
            islandBytes[4 * i + 3] = (byte) ends[i];
        }
        state.write(regionOffset + ISLANDS_AT, islandBytes, 0, 4 * count);
    }
}
