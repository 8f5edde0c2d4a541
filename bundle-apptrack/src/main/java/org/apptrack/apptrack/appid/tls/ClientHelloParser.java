package org.apptrack.apptrack.appid.tls;

import static org.apptrack.apptrack.appid.tls.Bytes.u16;
import static org.apptrack.apptrack.appid.tls.Bytes.u24;
import static org.apptrack.apptrack.appid.tls.Bytes.u8;

import java.nio.ByteBuffer;

/**
 * Parses a ClientHello handshake message (RFC 8446 4.1.2, RFC 5246 7.4.1.2; DTLS adds a cookie)
 * from bytes of the handshake layer: the record layer already removed, as a TLS stream
 * reassembler, a DTLS record reader or a QUIC CRYPTO stream delivers them. Reads with absolute
 * gets only, allocates nothing, throws nothing on any input (a region beyond the buffer's limit
 * reads as {@link TlsStatus#MALFORMED}).
 *
 * <p>Use {@link #parse} on a TLS/QUIC handshake message (4-byte header: type 1, 24-bit length);
 * {@link #parseBody} when the caller read the header itself (DTLS's 12-byte header).
 */
public final class ClientHelloParser {

    /** Handshake type of a ClientHello. */
    public static final int CLIENT_HELLO = 1;
    /** A ClientHello longer than this is taken as malformed (the largest seen are ~16 KiB). */
    public static final int MAX_LENGTH = 1 << 16;

    private static final int RANDOM = 32;

    private ClientHelloParser() {
    }

    /**
     * The ClientHello message at {@code b[offset, offset + length)}.
     *
     * @return {@link TlsStatus#COMPLETE}; {@link TlsStatus#NEED_MORE} with {@code out.needed()}
     *     when the message is longer than the bytes given; {@link TlsStatus#NOT_TLS} when the
     *     first byte is not the ClientHello type; {@link TlsStatus#MALFORMED}
     */
    public static TlsStatus parse(ByteBuffer b, int offset, int length, ClientHelloInfo out) {
        out.clear();
        if (!within(b, offset, length)) {
            return TlsStatus.MALFORMED;
        }
        if (length < 1) {
            out.needed(4);
            return TlsStatus.NEED_MORE;
        }
        if (u8(b, offset) != CLIENT_HELLO) {
            return TlsStatus.NOT_TLS;
        }
        if (length < 4) {
            out.needed(4);
            return TlsStatus.NEED_MORE;
        }
        int bodyLen = u24(b, offset + 1);
        if (bodyLen > MAX_LENGTH) {
            return TlsStatus.MALFORMED;
        }
        if (length - 4 < bodyLen) {
            out.needed(4 + bodyLen);
            return TlsStatus.NEED_MORE;
        }
        return parseBody(b, offset + 4, bodyLen, false, out);
    }

    /** The ClientHello body (after the handshake header) of exactly {@code bodyLength} bytes. */
    public static TlsStatus parseBody(ByteBuffer b, int offset, int bodyLength, boolean dtls, ClientHelloInfo out) {
        out.clear();
        if (!within(b, offset, bodyLength)) {
            return TlsStatus.MALFORMED;
        }
        out.dtls(dtls);
        out.messageLength(bodyLength);
        int end = offset + bodyLength;
        int p = offset;
        if (bodyLength < 2 + RANDOM + 1) {
            return TlsStatus.MALFORMED;
        }
        int version = u16(b, p);
        if (!plausibleVersion(version, dtls)) {
            return TlsStatus.MALFORMED;
        }
        out.legacyVersion(version);
        p += 2 + RANDOM;
        int sessionIdLen = u8(b, p);
        if (sessionIdLen > 32) {
            return TlsStatus.MALFORMED;
        }
        p += 1 + sessionIdLen;
        if (dtls) {
            if (end - p < 1) {
                return TlsStatus.MALFORMED;
            }
            p += 1 + u8(b, p); // cookie
        }
        if (end - p < 2) {
            return TlsStatus.MALFORMED;
        }
        int suitesLen = u16(b, p);
        if (suitesLen < 2 || suitesLen % 2 != 0 || suitesLen > end - p - 2) {
            return TlsStatus.MALFORMED;
        }
        p += 2 + suitesLen;
        if (end - p < 1) {
            return TlsStatus.MALFORMED;
        }
        int compressionLen = u8(b, p);
        if (compressionLen < 1 || compressionLen > end - p - 1) {
            return TlsStatus.MALFORMED;
        }
        p += 1 + compressionLen;
        if (p == end) {
            return TlsStatus.COMPLETE; // no extensions (SSL 3.0 style)
        }
        if (end - p < 2 || u16(b, p) != end - p - 2) {
            return TlsStatus.MALFORMED;
        }
        if (!HelloExtensions.readClient(b, p + 2, end, out)) {
            return TlsStatus.MALFORMED;
        }
        return TlsStatus.COMPLETE;
    }

    /**
     * An SSL 2.0-compatible CLIENT-HELLO (RFC 5246 E.2) at {@code b[offset, offset + length)},
     * two-byte header included: {@link TlsStatus#COMPLETE} with the version (no extensions: no
     * name), {@link TlsStatus#NEED_MORE} while it is not whole, else {@link TlsStatus#NOT_TLS}.
     */
    public static TlsStatus parseSslv2(ByteBuffer b, int offset, int length, ClientHelloInfo out) {
        out.clear();
        if (!within(b, offset, length) || length < 1 || (u8(b, offset) & 0x80) == 0) {
            return TlsStatus.NOT_TLS;
        }
        if (length < 11) {
            out.needed(11);
            return TlsStatus.NEED_MORE;
        }
        int messageLength = (u8(b, offset) & 0x7f) << 8 | u8(b, offset + 1);
        int version = u16(b, offset + 3);
        int cipherSpecs = u16(b, offset + 5);
        int sessionId = u16(b, offset + 7);
        int challenge = u16(b, offset + 9);
        if (u8(b, offset + 2) != CLIENT_HELLO || version != 0x0002 && !plausibleVersion(version, false)
                || cipherSpecs == 0 || cipherSpecs % 3 != 0 || sessionId != 0 && sessionId != 16
                || challenge < 16 || challenge > 32 || messageLength != 9 + cipherSpecs + sessionId + challenge) {
            return TlsStatus.NOT_TLS;
        }
        if (length - 2 < messageLength) {
            out.needed(2 + messageLength);
            return TlsStatus.NEED_MORE;
        }
        out.legacyVersion(version);
        out.sslv2Compatible(true);
        out.messageLength(messageLength);
        return TlsStatus.COMPLETE;
    }

    /** Whether {@code [offset, offset + length)} lies within the buffer's limit (else the caller erred: malformed). */
    static boolean within(ByteBuffer b, int offset, int length) {
        return offset >= 0 && length >= 0 && length <= b.limit() - offset;
    }

    /** SSL 3.0 to TLS 1.2 in the legacy field (a TLS 1.3 client writes 0x0303), DTLS 1.0 or 1.2. */
    static boolean plausibleVersion(int version, boolean dtls) {
        if (dtls) {
            return version == TlsVersions.DTLS_1_0 || version == TlsVersions.DTLS_1_2 || version == 0x0100;
        }
        return version >= TlsVersions.SSL_3_0 && version <= TlsVersions.TLS_1_3;
    }
}
