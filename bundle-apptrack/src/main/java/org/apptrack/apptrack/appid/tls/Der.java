package org.apptrack.apptrack.appid.tls;

import java.nio.ByteBuffer;

/**
 * Reads one DER tag-length header at an absolute index, packed in a long so that a walk
 * allocates nothing: {@link #tag}, {@link #headerLength} and {@link #contentLength} unpack it.
 * Only definite lengths of up to four bytes (DER); anything else reads as {@link #BAD}.
 */
final class Der {

    static final long BAD = -1;

    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int OID = 0x06;
    static final int BOOLEAN = 0x01;
    static final int OCTET_STRING = 0x04;
    static final int UTF8_STRING = 0x0c;
    static final int PRINTABLE_STRING = 0x13;
    static final int T61_STRING = 0x14;
    static final int IA5_STRING = 0x16;
    static final int VISIBLE_STRING = 0x1a;
    /** [0] EXPLICIT, constructed: the version of a TBSCertificate. */
    static final int CONTEXT_0 = 0xa0;
    /** [3] EXPLICIT, constructed: the extensions of a TBSCertificate. */
    static final int CONTEXT_3 = 0xa3;
    /** [2] IMPLICIT IA5String: a dNSName in GeneralNames. */
    static final int DNS_NAME = 0x82;

    private Der() {
    }

    /**
     * The header at {@code offset}, which must lie (with its length bytes) before {@code end};
     * the content may run past {@code end} (a truncated certificate): callers bound it.
     */
    static long header(ByteBuffer b, int offset, int end) {
        if (end - offset < 2) {
            return BAD;
        }
        int tag = b.get(offset) & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            return BAD; // multi-byte tags do not occur in what we read
        }
        int first = b.get(offset + 1) & 0xff;
        if (first < 0x80) {
            return pack(tag, 2, first);
        }
        int n = first & 0x7f;
        if (n == 0 || n > 4 || end - offset < 2 + n) {
            return BAD;
        }
        long len = 0;
        for (int i = 0; i < n; i++) {
            len = len << 8 | (b.get(offset + 2 + i) & 0xff);
        }
        if (len > Integer.MAX_VALUE >> 1) {
            return BAD;
        }
        return pack(tag, 2 + n, (int) len);
    }

    private static long pack(int tag, int headerLength, int contentLength) {
        return (long) tag << 48 | (long) headerLength << 32 | contentLength;
    }

    static int tag(long h) {
        return (int) (h >>> 48) & 0xff;
    }

    static int headerLength(long h) {
        return (int) (h >>> 32) & 0xff;
    }

    static int contentLength(long h) {
        return (int) h;
    }

    /** Whether the content at {@code offset} is these bytes (an OID's content, say). */
    static boolean contentIs(ByteBuffer b, int offset, int length, byte[] expected) {
        if (length != expected.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (b.get(offset + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
