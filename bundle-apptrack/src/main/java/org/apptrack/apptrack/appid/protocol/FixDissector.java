package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * FIX, the Financial Information eXchange protocol, in its tag=value encoding: every message
 * starts with the fields BeginString ({@code 8=}, e.g. {@code FIX.4.2}, {@code FIXT.1.1}),
 * BodyLength ({@code 9=}, decimal) and MsgType ({@code 35=}) in that order, each ended by SOH
 * ({@code 0x01}). Either side may speak first.
 */
public final class FixDissector implements Dissector {

    private static final int SOH = 0x01;
    private static final int MAX_BEGIN_STRING = 16;
    private static final int MAX_BODY_LENGTH_DIGITS = 7;

    private final int fix;

    public FixDissector(IdentificationCatalog catalog) {
        this.fix = catalog.id("FIX");
    }

    @Override
    public String name() {
        return "fix";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.u8(0) != '8' || p.u8(1) != '=') {
            return p.length() < 2 && p.u8(0) == '8' ? MAYBE : NOT_THIS;
        }
        int beginEnd = p.indexOf(SOH, 2, 2 + MAX_BEGIN_STRING + 1);
        if (beginEnd < 3 || !p.printable(2, beginEnd)) {
            return p.length() < 2 + MAX_BEGIN_STRING + 1 && beginEnd < 0 ? MAYBE : NOT_THIS;
        }
        int at = beginEnd + 1;
        if (p.u8(at) != '9' || p.u8(at + 1) != '=') {
            return NOT_THIS;
        }
        int lengthEnd = p.indexOf(SOH, at + 2, at + 2 + MAX_BODY_LENGTH_DIGITS + 1);
        if (lengthEnd < 0 || p.decimal(at + 2, lengthEnd) < 0) {
            return NOT_THIS;
        }
        at = lengthEnd + 1;
        if (p.u8(at) != '3' || p.u8(at + 1) != '5' || p.u8(at + 2) != '=') {
            return NOT_THIS;
        }
        out.application(fix);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
