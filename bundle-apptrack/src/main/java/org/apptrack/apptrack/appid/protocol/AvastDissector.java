package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Avast antivirus's own protocol to its servers over TCP (on port 80 among others, so it must
 * come before a port guess of HTTP): each message starts with {@code NOSA} and its own 16-bit
 * length, which is the whole payload's.
 */
public final class AvastDissector implements Dissector {

    private static final byte[] MAGIC = Ascii.bytes("NOSA");
    private static final int HEADER = 6;

    private final int avast;

    public AvastDissector(IdentificationCatalog catalog) {
        this.avast = catalog.id("AVAST");
    }

    @Override
    public String name() {
        return "avast";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.length() < HEADER || !p.startsWith(MAGIC) || p.u16(4) != p.length()) {
            return NOT_THIS;
        }
        out.application(avast);
        return IDENTIFIED;
    }
}
