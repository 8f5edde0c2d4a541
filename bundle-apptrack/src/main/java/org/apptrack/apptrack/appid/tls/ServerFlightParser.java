package org.apptrack.apptrack.appid.tls;

import static org.apptrack.apptrack.appid.tls.Bytes.u24;
import static org.apptrack.apptrack.appid.tls.Bytes.u8;

import java.nio.ByteBuffer;

/**
 * Parses the start of a server's handshake flight, record layer removed: the ServerHello and,
 * when the chosen version leaves it in the clear (TLS 1.2 and older), the first certificate of
 * the Certificate message that follows it. Reads with absolute gets only, allocates nothing,
 * throws nothing on any input.
 */
public final class ServerFlightParser {

    static final int CERTIFICATE = 11;
    /** A ServerHello longer than this is taken as malformed. */
    private static final int MAX_SERVER_HELLO = 1 << 14;
    /** A Certificate message (or one certificate) longer than this is taken as malformed. */
    private static final int MAX_CERTIFICATE = 1 << 20;

    private ServerFlightParser() {
    }

    /**
     * The flight at {@code b[offset, offset + length)}.
     *
     * @param ended no more handshake bytes will come (the handshake layer ended, or the caller's
     *     buffer is full): what is here is all there is, a partial first certificate is read as
     *     far as it goes
     * @return {@link TlsStatus#COMPLETE} once the ServerHello and, if any follows in the clear,
     *     the first certificate are read; {@link TlsStatus#NEED_MORE} with {@code out.needed()};
     *     {@link TlsStatus#NOT_TLS} when the flight does not start with a ServerHello;
     *     {@link TlsStatus#MALFORMED}
     */
    public static TlsStatus parse(ByteBuffer b, int offset, int length, boolean ended, ServerHelloInfo out) {
        out.clear();
        if (!ClientHelloParser.within(b, offset, length)) {
            return TlsStatus.MALFORMED;
        }
        if (length >= 1 && u8(b, offset) != ServerHelloParser.SERVER_HELLO) {
            return TlsStatus.NOT_TLS;
        }
        if (length < 4) {
            return needMore(4, ended, out);
        }
        int helloLen = u24(b, offset + 1);
        if (helloLen > MAX_SERVER_HELLO) {
            return TlsStatus.MALFORMED;
        }
        if (length - 4 < helloLen) {
            return needMore(4 + helloLen, ended, out);
        }
        if (!ServerHelloParser.parseBody(b, offset + 4, helloLen, out)) {
            return TlsStatus.MALFORMED;
        }
        if (out.helloRetryRequest() || out.isTls13()) {
            return TlsStatus.COMPLETE;
        }
        int p = offset + 4 + helloLen;
        int end = offset + length;
        if (end - p < 4) {
            // resumption or an anonymous suite ends here; otherwise the next message is coming
            return ended ? TlsStatus.COMPLETE : needMore(p - offset + 4, false, out);
        }
        if (u8(b, p) != CERTIFICATE) {
            return TlsStatus.COMPLETE; // no certificate in the clear (PSK, anonymous, or a later message)
        }
        int certMsgLen = u24(b, p + 1);
        if (certMsgLen > MAX_CERTIFICATE || certMsgLen < 3) {
            return TlsStatus.MALFORMED;
        }
        int q = p + 4;
        if (end - q < 6) {
            return needMore(q - offset + 6, ended, out);
        }
        int listLen = u24(b, q);
        if (listLen != certMsgLen - 3) {
            return TlsStatus.MALFORMED;
        }
        if (listLen == 0) {
            return TlsStatus.COMPLETE; // an empty chain
        }
        int certLen = u24(b, q + 3);
        if (certLen == 0 || certLen > listLen - 3) {
            return TlsStatus.MALFORMED;
        }
        int cert = q + 6;
        int available = Math.min(certLen, end - cert);
        if (available < certLen && !ended) {
            return needMore(cert - offset + certLen, false, out);
        }
        out.clearCertificate();
        if (!CertificateNames.read(b, cert, available, out.commonNameSlot(), out.organizationSlot(),
                out.organizationalUnitSlot(), out.dnsNameSlots())) {
            return available < certLen ? TlsStatus.COMPLETE : TlsStatus.MALFORMED;
        }
        out.certificateSeen(available < certLen);
        return TlsStatus.COMPLETE;
    }

    private static TlsStatus needMore(int needed, boolean ended, ServerHelloInfo out) {
        out.needed(needed);
        return ended && out.serverHelloSeen() ? TlsStatus.COMPLETE : TlsStatus.NEED_MORE;
    }
}
