package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;
import org.apptrack.apptrack.appid.quic.QuicHello;
import org.apptrack.apptrack.appid.quic.QuicInitialReader;
import org.apptrack.apptrack.appid.quic.QuicStatus;
import org.apptrack.apptrack.appid.tls.TlsName;
import org.apptrack.apptrack.appid.tls.TlsNames;

/**
 * QUIC (IETF v1, v2 and drafts; Google QUIC) on any UDP port: the client's Initial packets are
 * decrypted and their ClientHello (or gQUIC CHLO) read, over several datagrams when it spans
 * them; its server name names the session. A long header of a version whose protection is not
 * known is not taken for QUIC: other protocols on UDP 443 (DNSCrypt) look alike.
 */
public final class QuicDissector implements Dissector {

    private final int quic;
    private final int dnsOverQuic;
    private final QuicInitialReader reader = new QuicInitialReader(Payload.FIRST_STATE_WORD, 0, 0xffff);
    private final QuicHello hello = new QuicHello();

    public QuicDissector(IdentificationCatalog catalog) {
        this.quic = catalog.id("QUIC");
        this.dnsOverQuic = catalog.id("DOH");
    }

    @Override
    public String name() {
        return "quic";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    /**
     * A client's first datagram in a version reserved to force version negotiation (RFC 9000
     * section 15: {@code 0x?a?a?a?a}): a long header with valid connection-id lengths, padded to
     * the size of a client Initial.
     */
    private static boolean forcingVersionNegotiation(Payload p) {
        long version = p.u32(1);
        int dcid = p.u8(5);
        int scid = p.u8(6 + dcid);
        return p.index() == 0 && p.length() >= 1200 && (p.u8(0) & 0xc0) == 0xc0
                && (version & 0x0f0f0f0fL) == 0x0a0a0a0aL && dcid <= 20 && scid >= 0 && scid <= 20;
    }

    /** Whether an offered ALPN is DNS over QUIC ({@code doq}, or a draft's {@code doq-iNN}). */
    private static boolean offersDoq(TlsNames alpn) {
        for (int i = 0; i < alpn.count(); i++) {
            TlsName n = alpn.get(i);
            if (n.length() >= 3 && n.byteAt(0) == 'd' && n.byteAt(1) == 'o' && n.byteAt(2) == 'q'
                    && (n.length() == 3 || n.byteAt(3) == '-')) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!p.fromClient()) {
            return MAYBE; // the server's packets cannot be read with the client's keys; the client's decide
        }
        hello.clear();
        QuicStatus status = reader.read(p.state(), p.frame(), p.offset(), p.length(), hello);
        switch (status) {
            case NEED_MORE:
                out.application(quic);
                out.encrypted(true);
                return CLAIMED;
            case COMPLETE:
                out.application(quic);
                out.encrypted(true);
                if (offersDoq(hello.hello().alpn()) || p.serverPort() == 853) {
                    out.nested(dnsOverQuic); // DNS over QUIC (RFC 9250 ALPN and port)
                }
                TlsName sni = hello.hello().serverName();
                if (sni.isPresent() && sni.isHostName()) {
                    out.name(sni.array(), 0, sni.length());
                }
                return IDENTIFIED;
            case TOO_LONG:
                out.application(quic);
                out.encrypted(true);
                return IDENTIFIED;
            case UNSUPPORTED_VERSION:
                if (!forcingVersionNegotiation(p)) {
                    return NOT_THIS;
                }
                out.application(quic);
                out.encrypted(true);
                return IDENTIFIED;
            default:
                return NOT_THIS;
        }
    }
}
