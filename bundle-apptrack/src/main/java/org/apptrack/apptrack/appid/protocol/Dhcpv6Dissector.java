package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/** DHCPv6 (RFC 8415) on ports 546 and 547: a known message type followed by well-formed options. */
public final class Dhcpv6Dissector implements Dissector {

    private final int application;

    public Dhcpv6Dissector(IdentificationCatalog catalog) {
        this.application = catalog.id("DHCPV6");
    }

    @Override
    public String name() {
        return "dhcpv6";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!(p.port(546) || p.port(547)) || p.length() < 4) {
            return NOT_THIS;
        }
        int type = p.u8(0);
        if (type < 1 || type > 21) {
            return NOT_THIS;
        }
        int at = type == 12 || type == 13 ? 34 : 4; // relay messages: hop count and two addresses
        while (at < p.length()) {
            int length = p.u16(at + 2);
            if (length < 0) {
                return NOT_THIS;
            }
            at += 4 + length;
        }
        if (at != p.length()) {
            return NOT_THIS;
        }
        out.application(application);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
