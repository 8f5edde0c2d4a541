package org.apptrack.apptrack.appid.quic;

import java.nio.ByteBuffer;

/**
 * A QUIC long header (RFC 9000 17.2; the invariant part is RFC 8999) read in place: version,
 * connection IDs, and for packets with a Length field the token (Initial only), the packet
 * number's offset and the packet's end, so that coalesced packets can be walked. A reused
 * flyweight.
 */
final class LongHeader {

    static final int MAX_CID = 20;

    int start;
    int first;
    int version;
    int dcidOffset;
    int dcidLength;
    int scidOffset;
    int scidLength;
    /** Offset after the SCID: where the type-specific fields start. */
    int rest;
    int pnOffset;
    int packetEnd;

    /** The invariant part at {@code p}; false when it is not a long header within {@code end}. */
    boolean parse(ByteBuffer b, int p, int end) {
        if (end - p < 7) {
            return false;
        }
        start = p;
        first = b.get(p) & 0xff;
        if ((first & 0x80) == 0) {
            return false;
        }
        version = NetworkOrder.u32(b, p + 1);
        dcidLength = b.get(p + 5) & 0xff;
        dcidOffset = p + 6;
        int q = dcidOffset + dcidLength;
        if (dcidLength > MAX_CID || q >= end) {
            return false;
        }
        scidLength = b.get(q) & 0xff;
        scidOffset = q + 1;
        rest = scidOffset + scidLength;
        return scidLength <= MAX_CID && rest <= end;
    }

    /** Long-header type bits. */
    int type() {
        return first >>> 4 & 3;
    }

    /**
     * The Length field (after a token for an Initial): sets {@link #pnOffset} and
     * {@link #packetEnd}; false when they do not lie within {@code end}.
     */
    boolean parseLength(ByteBuffer b, int end, boolean hasToken) {
        int q = rest;
        if (hasToken) {
            long tokenLength = VarInt.read(b, q, end);
            if (tokenLength < 0 || tokenLength > end - q) {
                return false;
            }
            q += VarInt.length(b.get(q)) + (int) tokenLength;
        }
        long length = VarInt.read(b, q, end);
        if (length < 0) {
            return false;
        }
        pnOffset = q + VarInt.length(b.get(q));
        if (length > end - pnOffset) {
            return false;
        }
        packetEnd = pnOffset + (int) length;
        return true;
    }
}
