package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Controller Area Network frames carried over IP (CAN over UDP or TCP gateways): a header
 * starting with the standard's name {@code ISO11898}, a version byte and a frame count.
 */
public final class CanDissector implements Dissector {

    private static final byte[] SIGNATURE = Ascii.bytes("ISO11898");
    private static final int HEADER = SIGNATURE.length + 2;

    private final int can;

    public CanDissector(IdentificationCatalog catalog) {
        this.can = catalog.id("CONTROLLER-AREA-NETWORK");
    }

    @Override
    public String name() {
        return "can";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.length() < HEADER || !p.startsWith(SIGNATURE)) {
            return NOT_THIS;
        }
        out.application(can);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
