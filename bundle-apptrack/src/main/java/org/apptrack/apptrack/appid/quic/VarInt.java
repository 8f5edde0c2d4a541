package org.apptrack.apptrack.appid.quic;

import java.nio.ByteBuffer;

/** QUIC variable-length integers (RFC 9000 16): the two top bits of the first byte give the length. */
final class VarInt {

    /** What {@link #read} returns when the integer does not lie before the end. */
    static final long TRUNCATED = -1;

    private VarInt() {
    }

    /** The encoded length (1, 2, 4 or 8) given the first byte. */
    static int length(int firstByte) {
        return 1 << ((firstByte & 0xff) >>> 6);
    }

    /** The integer at absolute {@code offset}, or {@link #TRUNCATED} when it runs past {@code end}. */
    static long read(ByteBuffer b, int offset, int end) {
        if (offset >= end) {
            return TRUNCATED;
        }
        int first = b.get(offset) & 0xff;
        int n = length(first);
        if (end - offset < n) {
            return TRUNCATED;
        }
        long v = first & 0x3f;
        for (int i = 1; i < n; i++) {
            v = v << 8 | (b.get(offset + i) & 0xff);
        }
        return v;
    }
}
