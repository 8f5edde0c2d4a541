package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * RADIUS (RFC 2865, 2866, 5176) over UDP on its ports (1812, 1813, the historic 1645 and 1646,
 * 3799 for dynamic authorization): a known code, a length equal to the datagram's, and attributes
 * that tile the rest exactly. The header is too weak a sign to name a session on another port.
 */
public final class RadiusDissector implements Dissector {

    private static final int HEADER = 20;

    private final int radius;

    public RadiusDissector(IdentificationCatalog catalog) {
        this.radius = catalog.id("RADIUS");
    }

    @Override
    public String name() {
        return "radius";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!(p.port(1812) || p.port(1813) || p.port(1645) || p.port(1646) || p.port(3799))) {
            return NOT_THIS;
        }
        int code = p.u8(0);
        if (p.length() < HEADER || p.u16(2) != p.length()
                || !(code >= 1 && code <= 5 || code >= 11 && code <= 13 || code >= 40 && code <= 45)) {
            return NOT_THIS;
        }
        int at = HEADER;
        while (at < p.length()) {
            int length = p.u8(at + 1);
            if (p.u8(at) == 0 || length < 2) {
                return NOT_THIS;
            }
            at += length;
        }
        if (at != p.length()) {
            return NOT_THIS;
        }
        out.application(radius);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
