package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Telnet (RFC 854, 855): a first payload made of option negotiations, {@code IAC} followed by
 * {@code WILL}, {@code WONT}, {@code DO} or {@code DONT} and an option (sub-negotiations
 * {@code IAC SB ... IAC SE} allowed), at least two of them.
 */
public final class TelnetDissector implements Dissector {

    private static final int IAC = 0xff;
    private static final int SB = 0xfa;
    private static final int SE = 0xf0;

    private final int telnet;

    public TelnetDissector(IdentificationCatalog catalog) {
        this.telnet = catalog.id("TELNET");
    }

    @Override
    public String name() {
        return "telnet";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int at = 0;
        int negotiations = 0;
        while (at < p.length() && p.u8(at) == IAC) {
            int command = p.u8(at + 1);
            if (command >= 0xfb && command <= 0xfe && p.u8(at + 2) >= 0) {
                at += 3;
            } else if (command == SB) {
                int end = at + 2;
                while (end + 1 < p.length() && !(p.u8(end) == IAC && p.u8(end + 1) == SE)) {
                    end++;
                }
                if (end + 1 >= p.length()) {
                    return NOT_THIS;
                }
                at = end + 2;
            } else {
                return NOT_THIS;
            }
            negotiations++;
        }
        if (negotiations < 2 || at != p.length() && p.u8(at) < 0x20 && p.u8(at) != '\r' && p.u8(at) != '\n') {
            return p.index() == 0 && negotiations == 1 && at == p.length() ? MAYBE : NOT_THIS;
        }
        out.application(telnet);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
