package org.apptrack.apptrack.appid.tls;

import static org.apptrack.apptrack.appid.tls.Bytes.u16;
import static org.apptrack.apptrack.appid.tls.Bytes.u8;

import java.nio.ByteBuffer;

/**
 * Parses a ServerHello body (RFC 8446 4.1.3): legacy version, cipher suite, and from the
 * extensions the selected version and ALPN protocol; recognises a HelloRetryRequest by its
 * fixed random.
 */
final class ServerHelloParser {

    static final int SERVER_HELLO = 2;

    /** SHA-256("HelloRetryRequest"), the random of a HelloRetryRequest (RFC 8446 4.1.3). */
    private static final byte[] HELLO_RETRY_RANDOM = {
        (byte) 0xcf, 0x21, (byte) 0xad, 0x74, (byte) 0xe5, (byte) 0x9a, 0x61, 0x11, (byte) 0xbe, 0x1d, (byte) 0x8c,
        0x02, 0x1e, 0x65, (byte) 0xb8, (byte) 0x91, (byte) 0xc2, (byte) 0xa2, 0x11, 0x16, 0x7a, (byte) 0xbb,
        (byte) 0x8c, 0x5e, 0x07, (byte) 0x9e, 0x09, (byte) 0xe2, (byte) 0xc8, (byte) 0xa8, 0x33, (byte) 0x9c,
    };
    private static final int RANDOM = 32;

    private ServerHelloParser() {
    }

    /** The body {@code b[offset, offset + bodyLength)}; false when malformed. */
    static boolean parseBody(ByteBuffer b, int offset, int bodyLength, ServerHelloInfo out) {
        int end = offset + bodyLength;
        int p = offset;
        if (bodyLength < 2 + RANDOM + 1 + 2 + 1) {
            return false;
        }
        int version = u16(b, p);
        if (!ClientHelloParser.plausibleVersion(version, false) && !ClientHelloParser.plausibleVersion(version, true)) {
            return false;
        }
        boolean retry = true;
        for (int i = 0; i < RANDOM; i++) {
            if (b.get(p + 2 + i) != HELLO_RETRY_RANDOM[i]) {
                retry = false;
                break;
            }
        }
        p += 2 + RANDOM;
        int sessionIdLen = u8(b, p);
        if (sessionIdLen > 32 || end - p < 1 + sessionIdLen + 3) {
            return false;
        }
        p += 1 + sessionIdLen;
        int cipher = u16(b, p);
        p += 3; // cipher suite, compression method
        out.serverHello(version, cipher);
        out.helloRetryRequest(retry);
        if (p == end) {
            return true;
        }
        if (end - p < 2 || u16(b, p) != end - p - 2) {
            return false;
        }
        return HelloExtensions.readServer(b, p + 2, end, out);
    }
}
