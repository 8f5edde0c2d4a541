package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Threema's chat protocol on its TCP port 5222 (Threema Cryptography Whitepaper, "Chat Protocol"):
 * the client opens with its 48-byte hello (a 32-byte temporary public key and a 16-byte cookie),
 * the server answers with its 80-byte hello (its cookie and a 64-byte box). Both are binary, so an
 * XMPP stream on the same port is never taken.
 */
public final class ThreemaDissector implements Dissector {

    private static final int PORT = 5222;
    private static final int CLIENT_HELLO = 48;
    private static final int SERVER_HELLO = 80;
    private static final int HELLO_SEEN = Payload.FIRST_STATE_WORD;

    private final int threema;

    public ThreemaDissector(IdentificationCatalog catalog) {
        this.threema = catalog.id("THREEMA");
    }

    @Override
    public String name() {
        return "threema";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.serverPort() != PORT) {
            return NOT_THIS;
        }
        if (p.fromClient()) {
            // the hello is the client's first payload; claimed, only the server's answer decides
            if (p.index() != 0 || p.length() != CLIENT_HELLO || p.u8(0) == '<') {
                return NOT_THIS;
            }
            p.state().word(HELLO_SEEN, 1);
            return CLAIMED;
        }
        if (p.state().word(HELLO_SEEN) == 0 || p.index() != 0 || p.length() != SERVER_HELLO) {
            return NOT_THIS;
        }
        out.application(threema);
        out.encrypted(true);
        return IDENTIFIED;
    }
}
