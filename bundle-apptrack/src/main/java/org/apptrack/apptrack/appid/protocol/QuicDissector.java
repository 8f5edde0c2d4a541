package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;
import org.apptrack.apptrack.appid.quic.QuicHello;
import org.apptrack.apptrack.appid.quic.QuicInitialReader;
import org.apptrack.apptrack.appid.quic.QuicStatus;
import org.apptrack.apptrack.appid.tls.TlsName;

/**
 * QUIC (IETF v1, v2 and drafts; Google QUIC) on any UDP port: the client's Initial packets are
 * decrypted and their ClientHello (or gQUIC CHLO) read, over several datagrams when it spans
 * them; its server name names the session. A long header of a version whose protection is not
 * known is not taken for QUIC: other protocols on UDP 443 (DNSCrypt) look alike.
 */
public final class QuicDissector implements Dissector {

    private final int quic;
    private final QuicInitialReader reader = new QuicInitialReader(Payload.FIRST_STATE_WORD, 0, 0xffff);
    private final QuicHello hello = new QuicHello();

    public QuicDissector(IdentificationCatalog catalog) {
        this.quic = catalog.id("QUIC");
    }

    @Override
    public String name() {
        return "quic";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
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
                TlsName sni = hello.hello().serverName();
                if (sni.isPresent() && sni.isHostName()) {
                    out.name(sni.array(), 0, sni.length());
                }
                return IDENTIFIED;
            case TOO_LONG:
                out.application(quic);
                out.encrypted(true);
                return IDENTIFIED;
            default:
                return NOT_THIS;
        }
    }
}
