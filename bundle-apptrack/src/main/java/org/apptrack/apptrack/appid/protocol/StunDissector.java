package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * STUN and TURN (RFC 8489, 8656, and classic RFC 3489): a message header whose type has its two
 * top bits clear, a length that is a multiple of four and fits the payload, and the magic cookie
 * (or, without it, a classic binding message of exactly the declared length). Over TCP, messages
 * may follow each other in one segment, so the length only has to fit.
 */
public final class StunDissector implements Dissector {

    private static final long MAGIC_COOKIE = 0x2112A442L;
    private static final int HEADER = 20;

    private final int stun;

    public StunDissector(IdentificationCatalog catalog) {
        this.stun = catalog.id("STUN");
    }

    @Override
    public String name() {
        return "stun";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int at = p.isTcp() && p.u16(0) == p.length() - 2 && p.u16(2) >= 0 && (p.u8(2) & 0xc0) == 0
                && p.u32(6) == MAGIC_COOKIE ? 2 : 0; // RFC 4571 framing
        if (p.length() - at < HEADER) {
            return NOT_THIS;
        }
        int type = p.u16(at);
        int length = p.u16(at + 2);
        if ((type & 0xc000) != 0 || (length & 3) != 0 || at + HEADER + length > p.length()) {
            return NOT_THIS;
        }
        boolean exact = at + HEADER + length == p.length();
        if (p.u32(at + 4) == MAGIC_COOKIE) {
            if (!exact && !p.isTcp()) {
                return NOT_THIS;
            }
        } else {
            int method = type & 0x3eef;
            if (!exact || method != 0x0001 || !(type == 0x0001 || type == 0x0101 || type == 0x0111)) {
                return NOT_THIS;
            }
        }
        if (!attributes(p, at + HEADER, at + HEADER + length)) {
            return NOT_THIS;
        }
        out.application(stun);
        return IDENTIFIED;
    }

    /** Whether the attributes tile the body exactly (each padded to four bytes). */
    private static boolean attributes(Payload p, int at, int end) {
        int n = 0;
        while (at < end) {
            int length = p.u16(at + 2);
            if (length < 0 || ++n > 64) {
                return false;
            }
            at += 4 + (length + 3 & ~3);
        }
        return at == end;
    }
}
