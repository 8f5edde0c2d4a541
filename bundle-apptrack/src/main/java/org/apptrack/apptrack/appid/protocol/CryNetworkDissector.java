package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * CryNetwork, the UDP game protocol of CryEngine titles: its first byte is the datagram's
 * length less its 10-byte header, and the connection message holds the engine's fixed fields
 * {@code 0x01} at byte 16, {@code 0x07} at 20 and {@code 0x0307} at 24. (The 16 bits at byte 3
 * differ between titles and builds, so they are not part of the signature.)
 */
public final class CryNetworkDissector implements Dissector {

    private static final int HEADER = 10;
    private static final int MIN_LENGTH = 26;

    private final int cryNetwork;

    public CryNetworkDissector(IdentificationCatalog catalog) {
        this.cryNetwork = catalog.id("CRYNETWORK");
    }

    @Override
    public String name() {
        return "crynetwork";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.length() < MIN_LENGTH || p.u8(0) + HEADER != p.length() || p.u8(16) != 0x01
                || p.u8(20) != 0x07 || p.u16(24) != 0x0307) {
            return NOT_THIS;
        }
        out.application(cryNetwork);
        return IDENTIFIED;
    }
}
