package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * The tinc VPN's meta protocol over TCP (tinc manual, "The meta-protocol"): each side opens with
 * its ID request, one line {@code 0 NAME 17} (protocol major version 17, tinc 1.1 adds
 * {@code .MINOR}), the node name being letters, digits and underscores.
 */
public final class TincDissector implements Dissector {

    private static final int MAX_NAME = 64;
    private static final int MAX_LINE = 2 + MAX_NAME + 8;

    private final int tinc;

    public TincDissector(IdentificationCatalog catalog) {
        this.tinc = catalog.id("TINC");
    }

    @Override
    public String name() {
        return "tinc";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.u8(0) != '0' || p.u8(1) != ' ' || !idRequest(p)) {
            return NOT_THIS;
        }
        out.application(tinc);
        out.encrypted(true);
        return IDENTIFIED;
    }

    /** {@code 0 NAME 17[.MINOR]\n}, alone in the payload or first. */
    private static boolean idRequest(Payload p) {
        int end = p.indexOf('\n', 2, MAX_LINE);
        int at = 2;
        while (at < end && nameCharacter(p.u8(at))) {
            at++;
        }
        if (at == 2 || at - 2 > MAX_NAME || p.u8(at) != ' ' || p.u8(at + 1) != '1' || p.u8(at + 2) != '7') {
            return false;
        }
        at += 3;
        if (p.u8(at) == '.') {
            int minor = at + 1;
            while (at + 1 < end && p.u8(at + 1) >= '0' && p.u8(at + 1) <= '9') {
                at++;
            }
            if (at + 1 == minor) {
                return false;
            }
            at++;
        }
        return at == end;
    }

    private static boolean nameCharacter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
