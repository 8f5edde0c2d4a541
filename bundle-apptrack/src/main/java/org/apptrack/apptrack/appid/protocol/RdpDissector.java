package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * RDP ([MS-RDPBCGR] 2.2.1.1): the client's X.224 Connection Request in a TPKT (version 3, a
 * length equal to the payload's, the X.224 length and the CR code 0xE0).
 */
public final class RdpDissector implements Dissector {

    private final int rdp;

    public RdpDissector(IdentificationCatalog catalog) {
        this.rdp = catalog.id("RDP");
    }

    @Override
    public String name() {
        return "rdp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.length() < 11 || p.u8(0) != 3 || p.u8(1) != 0 || p.u16(2) != p.length()
                || p.u8(4) != p.length() - 5 || (p.u8(5) & 0xf0) != 0xe0) {
            return NOT_THIS;
        }
        out.application(rdp);
        out.encrypted(true);
        return IDENTIFIED;
    }
}
