package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/** SIP (RFC 3261) over UDP or TCP: a request line {@code METHOD sip:... SIP/2.0} or a status line {@code SIP/2.0 NNN}. */
public final class SipDissector implements Dissector {

    private static final byte[][] METHODS = {
        Ascii.bytes("INVITE "), Ascii.bytes("REGISTER "), Ascii.bytes("OPTIONS "), Ascii.bytes("ACK "),
        Ascii.bytes("BYE "), Ascii.bytes("CANCEL "), Ascii.bytes("SUBSCRIBE "), Ascii.bytes("NOTIFY "),
        Ascii.bytes("MESSAGE "), Ascii.bytes("INFO "), Ascii.bytes("PRACK "), Ascii.bytes("UPDATE "),
        Ascii.bytes("REFER "), Ascii.bytes("PUBLISH "),
    };
    private static final byte[] VERSION = Ascii.bytes("SIP/2.0");
    private static final byte[] SIP = Ascii.bytes("sip:");
    private static final byte[] SIPS = Ascii.bytes("sips:");
    private static final byte[] TEL = Ascii.bytes("tel:");

    private final int sip;

    public SipDissector(IdentificationCatalog catalog) {
        this.sip = catalog.id("SIP");
    }

    @Override
    public String name() {
        return "sip";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int end = p.textLineEnd(0);
        if (end < 0) {
            return NOT_THIS;
        }
        boolean sipLine = p.matches(0, VERSION) && p.u8(VERSION.length) == ' ';
        if (!sipLine) {
            for (byte[] m : METHODS) {
                if (p.matches(0, m)) {
                    int uri = m.length;
                    sipLine = (p.matchesIgnoreCase(uri, SIP) || p.matchesIgnoreCase(uri, SIPS)
                            || p.matchesIgnoreCase(uri, TEL)) && end > VERSION.length
                            && p.matches(end - VERSION.length, VERSION);
                    break;
                }
            }
        }
        if (!sipLine || !p.printable(0, end)) {
            return NOT_THIS;
        }
        out.application(sip);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
