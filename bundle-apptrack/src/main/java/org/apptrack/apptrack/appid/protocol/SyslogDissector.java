package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/** Syslog (RFC 3164, RFC 5424) over UDP or TCP: a priority {@code <0>} to {@code <191>} followed by printable text. Over TCP the octet-counting frame's length may come first (RFC 6587). */
public final class SyslogDissector implements Dissector {

    private final int application;

    public SyslogDissector(IdentificationCatalog catalog) {
        this.application = catalog.id("SYSLOG");
    }

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17 || ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int at = 0;
        if (p.isTcp() && p.u8(0) >= '1' && p.u8(0) <= '9') {
            int space = p.indexOf(' ', 0, 8);
            if (space < 0 || p.decimal(0, space) < 0) {
                return NOT_THIS;
            }
            at = space + 1;
        }
        if (p.u8(at) != '<') {
            return NOT_THIS;
        }
        int close = p.indexOf('>', at + 1, at + 5);
        long priority = close < 0 ? -1 : p.decimal(at + 1, close);
        int text = Math.min(p.length(), close + 1 + 24);
        if (priority < 0 || priority > 191 || close + 4 > p.length() || !p.printable(close + 1, text)) {
            return NOT_THIS;
        }
        int c = p.u8(close + 1) | 0x20;
        if (!(c >= '1' && c <= '9' && p.u8(close + 2) == ' ' || c >= 'a' && c <= 'z')) {
            return NOT_THIS; // RFC 5424's version or RFC 3164's month (or host)
        }
        out.application(application);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
