package org.apptrack.apptrack.appid.tls;

import static org.apptrack.apptrack.appid.tls.Bytes.u16;
import static org.apptrack.apptrack.appid.tls.Bytes.u24;
import static org.apptrack.apptrack.appid.tls.Bytes.u8;

import java.nio.ByteBuffer;

/**
 * A DTLS ClientHello (RFC 6347 4.2.2, RFC 9147) from one UDP datagram, in place: the 13-byte
 * record header (handshake, version 0xfeff/0xfefd, epoch 0) and the 12-byte handshake header,
 * then the hello body, cookie included. A hello fragmented over several records or datagrams
 * is not reassembled ({@link TlsStatus#TOO_LONG}). WebRTC media (STUN/DTLS/SRTP) starts this way.
 */
public final class DtlsClientHelloReader {

    public static final int RECORD_HEADER = 13;
    public static final int HANDSHAKE_HEADER = 12;

    private DtlsClientHelloReader() {
    }

    /** Whether the datagram starts like a DTLS record (any content type, a DTLS version). */
    public static boolean looksLikeDtls(ByteBuffer b, int offset, int length) {
        if (!ClientHelloParser.within(b, offset, length) || length < RECORD_HEADER) {
            return false;
        }
        int type = u8(b, offset);
        int version = u16(b, offset + 1);
        return TlsRecords.validType(type) && isDtlsVersion(version)
                && u16(b, offset + 11) <= length - RECORD_HEADER;
    }

    /**
     * @return {@link TlsStatus#COMPLETE}; {@link TlsStatus#NOT_TLS} when the datagram does not
     *     start with a DTLS record; {@link TlsStatus#NO_HANDSHAKE} for another record type or a
     *     handshake message other than a ClientHello (a later flight); {@link TlsStatus#TOO_LONG}
     *     for a fragment; {@link TlsStatus#MALFORMED}
     */
    public static TlsStatus read(ByteBuffer b, int offset, int length, ClientHelloInfo out) {
        out.clear();
        if (!ClientHelloParser.within(b, offset, length) || length < RECORD_HEADER) {
            return TlsStatus.NOT_TLS;
        }
        int type = u8(b, offset);
        int version = u16(b, offset + 1);
        if (!TlsRecords.validType(type) || !isDtlsVersion(version)) {
            return TlsStatus.NOT_TLS;
        }
        int recordLength = u16(b, offset + 11);
        if (recordLength == 0 || recordLength > length - RECORD_HEADER) {
            return TlsStatus.NOT_TLS;
        }
        if (type != TlsRecords.HANDSHAKE || u16(b, offset + 3) != 0) {
            return TlsStatus.NO_HANDSHAKE; // another content type, or a later epoch (encrypted)
        }
        int h = offset + RECORD_HEADER;
        if (recordLength < HANDSHAKE_HEADER) {
            return TlsStatus.MALFORMED;
        }
        if (u8(b, h) != ClientHelloParser.CLIENT_HELLO) {
            return TlsStatus.NO_HANDSHAKE;
        }
        int messageLength = u24(b, h + 1);
        int fragmentOffset = u24(b, h + 6);
        int fragmentLength = u24(b, h + 9);
        if (fragmentLength > recordLength - HANDSHAKE_HEADER || fragmentOffset + fragmentLength > messageLength) {
            return TlsStatus.MALFORMED;
        }
        if (fragmentOffset != 0 || fragmentLength != messageLength) {
            out.needed(HANDSHAKE_HEADER + messageLength);
            return TlsStatus.TOO_LONG;
        }
        return ClientHelloParser.parseBody(b, h + HANDSHAKE_HEADER, messageLength, true, out);
    }

    private static boolean isDtlsVersion(int version) {
        return version == TlsVersions.DTLS_1_0 || version == TlsVersions.DTLS_1_2 || version == TlsVersions.DTLS_1_3
                || version == 0x0100;
    }
}
