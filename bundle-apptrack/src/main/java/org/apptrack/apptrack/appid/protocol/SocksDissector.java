package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * SOCKS: version 5's method negotiation (RFC 1928: {@code 05 n methods...}, answered by
 * {@code 05 method}) and version 4's CONNECT or BIND request ending in a NUL user id.
 */
public final class SocksDissector implements Dissector {

    private final int socks;

    public SocksDissector(IdentificationCatalog catalog) {
        this.socks = catalog.id("SOCKS");
    }

    @Override
    public String name() {
        return "socks";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.fromClient() && p.index() == 0) {
            boolean v5 = p.u8(0) == 5 && p.u8(1) >= 1 && p.length() == 2 + p.u8(1);
            boolean v4 = p.u8(0) == 4 && (p.u8(1) == 1 || p.u8(1) == 2) && p.length() >= 9
                    && p.u8(p.length() - 1) == 0;
            return v5 || v4 ? MAYBE : NOT_THIS;
        }
        if (!p.fromClient() && p.index() == 0) {
            boolean v5 = p.length() == 2 && p.u8(0) == 5 && (p.u8(1) <= 3 || p.u8(1) == 0xff);
            boolean v4 = p.length() == 8 && p.u8(0) == 0 && p.u8(1) >= 0x5a && p.u8(1) <= 0x5d;
            if (v5 || v4) {
                out.application(socks);
                out.encrypted(false);
                return IDENTIFIED;
            }
        }
        return NOT_THIS;
    }
}
