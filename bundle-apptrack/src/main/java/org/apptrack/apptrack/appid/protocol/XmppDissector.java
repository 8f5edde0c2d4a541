package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/** XMPP (RFC 6120): a stream header, {@code <stream:stream}, after an optional XML declaration. */
public final class XmppDissector implements Dissector {

    private static final byte[] DECLARATION = Ascii.bytes("<?xml");
    private static final byte[] STREAM = Ascii.bytes("<stream:stream");

    private final int jabber;

    public XmppDissector(IdentificationCatalog catalog) {
        this.jabber = catalog.id("JABBER");
    }

    @Override
    public String name() {
        return "xmpp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int at = 0;
        if (p.startsWith(DECLARATION)) {
            at = p.indexOf('>', 0, 128) + 1;
            while (at > 0 && at < p.length() && (p.u8(at) == '\r' || p.u8(at) == '\n' || p.u8(at) == ' ')) {
                at++;
            }
        }
        if (at < 0 || !p.matches(at, STREAM)) {
            return NOT_THIS;
        }
        out.application(jabber);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
