package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/** VNC (RFB, RFC 6143 section 7.1.1): the ProtocolVersion message {@code RFB xxx.yyy\n} either side sends first. */
public final class VncDissector implements Dissector {

    private static final byte[] RFB = Ascii.bytes("RFB ");

    private final int vnc;

    public VncDissector(IdentificationCatalog catalog) {
        this.vnc = catalog.id("VNC");
    }

    @Override
    public String name() {
        return "vnc";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.length() != 12 || !p.startsWith(RFB) || p.u8(7) != '.' || p.u8(11) != '\n'
                || p.decimal(4, 7) < 0 || p.decimal(8, 11) < 0) {
            return NOT_THIS;
        }
        out.application(vnc);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
