package org.apptrack.apptrack.appid.quic;

import java.nio.ByteBuffer;

/**
 * Walks the frames of a decrypted Initial payload and hands each CRYPTO frame's data to the
 * stream assembler. IETF QUIC (RFC 9000 12.4, 19) allows only PADDING, PING, ACK, CRYPTO and
 * CONNECTION_CLOSE in an Initial; anything else is malformed. Google's Q050 and T05x carry gQUIC
 * frames: padding, then CRYPTO as type 0x08; the walk stops at the first other frame.
 */
final class InitialFrames {

    /** {@link #walk} result for a frame that is not allowed or does not fit. */
    static final int MALFORMED = -1;

    private static final int PADDING = 0x00;
    private static final int PING = 0x01;
    private static final int ACK = 0x02;
    private static final int ACK_ECN = 0x03;
    private static final int CRYPTO = 0x06;
    private static final int GQUIC_CRYPTO = 0x08;
    private static final int CONNECTION_CLOSE = 0x1c;
    private static final int APPLICATION_CLOSE = 0x1d;

    private InitialFrames() {
    }

    /** @return CRYPTO frames found, or {@link #MALFORMED} */
    static int walk(ByteBuffer b, int p, int end, QuicVersion.Payload payload, CryptoStreamAssembler stream) {
        return payload == QuicVersion.Payload.IETF_TLS ? ietf(b, p, end, stream) : google(b, p, end, stream);
    }

    private static int ietf(ByteBuffer b, int p, int end, CryptoStreamAssembler stream) {
        int crypto = 0;
        while (p < end) {
            int type = b.get(p) & 0xff;
            p++;
            switch (type) {
                case PADDING:
                case PING:
                    break;
                case ACK:
                case ACK_ECN:
                    p = skipAck(b, p, end, type == ACK_ECN);
                    break;
                case CRYPTO:
                    p = crypto(b, p, end, stream);
                    crypto++;
                    break;
                case CONNECTION_CLOSE:
                case APPLICATION_CLOSE:
                    p = skipClose(b, p, end, type == CONNECTION_CLOSE);
                    break;
                default:
                    return MALFORMED;
            }
            if (p < 0) {
                return MALFORMED;
            }
        }
        return crypto;
    }

    private static int google(ByteBuffer b, int p, int end, CryptoStreamAssembler stream) {
        int crypto = 0;
        while (p < end) {
            int type = b.get(p) & 0xff;
            if (type == PADDING) {
                p++;
            } else if (type == GQUIC_CRYPTO) {
                p = crypto(b, p + 1, end, stream);
                if (p < 0) {
                    return MALFORMED;
                }
                crypto++;
            } else {
                break;
            }
        }
        return crypto;
    }

    /** Offset, length, data; returns the offset after the frame or -1. */
    private static int crypto(ByteBuffer b, int p, int end, CryptoStreamAssembler stream) {
        long offset = VarInt.read(b, p, end);
        if (offset < 0) {
            return -1;
        }
        p += VarInt.length(b.get(p));
        long length = VarInt.read(b, p, end);
        if (length < 0) {
            return -1;
        }
        p += VarInt.length(b.get(p));
        if (length > end - p) {
            return -1;
        }
        stream.add(offset, b, p, (int) length);
        return p + (int) length;
    }

    private static int skipAck(ByteBuffer b, int p, int end, boolean ecn) {
        // largest acknowledged, delay, range count, first range
        for (int i = 0; i < 2; i++) {
            p = skipVarInt(b, p, end);
            if (p < 0) {
                return -1;
            }
        }
        long ranges = VarInt.read(b, p, end);
        if (ranges < 0 || ranges > end - p) {
            return -1;
        }
        p = skipVarInt(b, p, end);
        p = skipVarInt(b, p, end);
        for (long i = 0; i < 2 * ranges + (ecn ? 3 : 0) && p >= 0; i++) {
            p = skipVarInt(b, p, end);
        }
        return p;
    }

    private static int skipClose(ByteBuffer b, int p, int end, boolean transport) {
        p = skipVarInt(b, p, end); // error code
        if (transport && p >= 0) {
            p = skipVarInt(b, p, end); // frame type
        }
        if (p < 0) {
            return -1;
        }
        long reason = VarInt.read(b, p, end);
        if (reason < 0) {
            return -1;
        }
        p += VarInt.length(b.get(p));
        return reason > end - p ? -1 : p + (int) reason;
    }

    private static int skipVarInt(ByteBuffer b, int p, int end) {
        if (p < 0 || VarInt.read(b, p, end) < 0) {
            return -1;
        }
        return p + VarInt.length(b.get(p));
    }
}
