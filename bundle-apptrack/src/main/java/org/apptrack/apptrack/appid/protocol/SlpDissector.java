package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * The Service Location Protocol on port 427: version 2 (RFC 2608: function 1 to 11, a 3-byte
 * length equal to the message's) or version 1 (RFC 2165: function 1 to 10, a 2-byte length).
 */
public final class SlpDissector implements Dissector {

    private final int slp;

    public SlpDissector(IdentificationCatalog catalog) {
        this.slp = catalog.id("SLP");
    }

    @Override
    public String name() {
        return "slp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!p.port(427) || p.length() < 12) {
            return NOT_THIS;
        }
        int version = p.u8(0);
        int function = p.u8(1);
        boolean valid = version == 2 && function >= 1 && function <= 11 && p.u24(2) == p.length()
                || version == 1 && function >= 1 && function <= 10 && p.u16(2) == p.length();
        if (!valid) {
            return NOT_THIS;
        }
        out.application(slp);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
