package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/** DHCP and BOOTP (RFC 2131) on ports 67 and 68: operation, hardware address length and the options' magic cookie. */
public final class DhcpDissector implements Dissector {

    private static final long MAGIC_COOKIE = 0x63825363L;

    private final int application;

    public DhcpDissector(IdentificationCatalog catalog) {
        this.application = catalog.id("DHCP");
    }

    @Override
    public String name() {
        return "dhcp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!(p.port(67) || p.port(68)) || p.length() < 240) {
            return NOT_THIS;
        }
        int op = p.u8(0);
        if (op != 1 && op != 2 || p.u8(2) > 16 || p.u32(236) != MAGIC_COOKIE) {
            return NOT_THIS;
        }
        out.application(application);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
