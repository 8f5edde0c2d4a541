package org.apptrack.apptrack.appid.quic;

import java.nio.ByteBuffer;

/**
 * A client's unencrypted Google QUIC packet, the kind that carries the CHLO in the clear: the
 * public header of Q0xx up to Q043 (flags, 8-byte connection ID, version, packet number), or
 * Q046's long header; then the 12-byte message hash (and before Q034 a private-flags byte);
 * then frames, of which the first STREAM frame of stream 1 holds the CHLO (at offset 0, or
 * later for a second CHLO after the server rejected the first). Finds
 * where that data lies, in place. A reused flyweight.
 */
final class GquicClearPacket {

    /** {@link #read} results. */
    static final int FOUND = 1;
    static final int NO_CHLO = 0;
    static final int NOT_GQUIC = -1;

    private static final int VERSION_FLAG = 0x01;
    private static final int RESET_FLAG = 0x02;
    private static final int CID_FLAG = 0x08;
    private static final int HASH = 12;
    private static final int CRYPTO_STREAM = 1;
    private static final int CHLO_TAG = 'C' << 24 | 'H' << 16 | 'L' << 8 | 'O';

    int version;
    int dataOffset;
    int dataLength;

    /** A packet with the public header (first bit clear) of a Q0xx version up to 43. */
    int readPublicHeader(ByteBuffer b, int offset, int length) {
        int end = offset + length;
        int flags = b.get(offset) & 0xff;
        // from a client, 0x0c is the old encoding of an 8-byte connection ID (the nonce bit is the server's)
        if ((flags & 0x80) != 0 || (flags & VERSION_FLAG) == 0 || (flags & RESET_FLAG) != 0) {
            return NOT_GQUIC;
        }
        int p = offset + 1 + ((flags & CID_FLAG) != 0 ? 8 : 0);
        if (end - p < 4) {
            return NOT_GQUIC;
        }
        version = NetworkOrder.u32(b, p);
        int number = QuicVersion.googleNumber(version);
        if (version >>> 24 != 'Q' || number < 24 || number > 43) {
            return NOT_GQUIC;
        }
        int pnCode = flags >>> 4 & 3;
        p += 4 + (pnCode == 0 ? 1 : 2 * pnCode) + HASH + (number < 34 ? 1 : 0);
        return frames(b, p, end, number, pnCode == 0 ? 1 : 2 * pnCode);
    }

    /** A Q046 long-header packet (the version is Q046). */
    int readQ046(ByteBuffer b, int offset, int length) {
        int end = offset + length;
        int first = b.get(offset) & 0xff;
        if ((first & 0xc0) != 0xc0 || (first & 0x30) != 0 || end - offset < 6) {
            return NOT_GQUIC; // only an Initial (type 0) carries the CHLO
        }
        version = QuicVersion.Q046;
        int lengths = b.get(offset + 5) & 0xff;
        int dcid = lengths >>> 4;
        int scid = lengths & 0xf;
        int pnLength = (first & 3) + 1;
        int p = offset + 6 + (dcid == 0 ? 0 : dcid + 3) + (scid == 0 ? 0 : scid + 3) + pnLength + HASH;
        return frames(b, p, end, 46, pnLength);
    }

    private int frames(ByteBuffer b, int p, int end, int number, int pnLength) {
        while (p < end) {
            int type = b.get(p) & 0xff;
            if ((type & 0x80) != 0) {
                return stream(b, p, end, number);
            }
            if (type == 0x06) { // STOP_WAITING: least-unacked delta, as long as the packet number
                p += 1 + pnLength;
            } else if (type == 0x07) { // PING
                p++;
            } else {
                return NO_CHLO; // padding, or a frame this reader does not walk (ACK)
            }
        }
        return NO_CHLO;
    }

    /** STREAM frame: 1fdooos type, stream id, offset, data length (Q039+ big-endian, older little-endian). */
    private int stream(ByteBuffer b, int p, int end, int number) {
        int type = b.get(p) & 0xff;
        int offsetCode = type >>> 2 & 7;
        int offsetLength = offsetCode == 0 ? 0 : offsetCode + 1;
        int idLength = (type & 3) + 1;
        boolean hasLength = (type & 0x20) != 0;
        int q = p + 1;
        if (end - q < idLength + offsetLength + (hasLength ? 2 : 0)) {
            return NO_CHLO;
        }
        boolean bigEndian = number >= 39;
        long streamId = read(b, q, idLength, bigEndian);
        q += idLength;
        long streamOffset = read(b, q, offsetLength, bigEndian);
        q += offsetLength;
        int len;
        if (hasLength) {
            len = (int) read(b, q, 2, bigEndian);
            q += 2;
            if (len > end - q) {
                return NO_CHLO;
            }
        } else {
            len = end - q;
        }
        // the crypto stream; a CHLO after a rejected one starts at a later offset
        if (streamId != CRYPTO_STREAM || streamOffset != 0 && (len < 4 || NetworkOrder.u32(b, q) != CHLO_TAG)) {
            return NO_CHLO;
        }
        dataOffset = q;
        dataLength = len;
        return FOUND;
    }

    private static long read(ByteBuffer b, int p, int n, boolean bigEndian) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int byteAt = bigEndian ? p + i : p + n - 1 - i;
            v = v << 8 | (b.get(byteAt) & 0xff);
        }
        return v;
    }
}
