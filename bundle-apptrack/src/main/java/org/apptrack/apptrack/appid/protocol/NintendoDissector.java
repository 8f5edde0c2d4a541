package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Nintendo's Pia game-session library over UDP (Switch titles' peer-to-peer play): datagrams start
 * with the protocol's magic {@code 32 ab 98 64} and version 2, then more than 43 bytes of header
 * and data.
 */
public final class NintendoDissector implements Dissector {

    private static final long MAGIC = 0x32ab9864L;
    private static final int VERSION = 0x02;
    private static final int MIN_LENGTH = 49;

    private final int nintendo;

    public NintendoDissector(IdentificationCatalog catalog) {
        this.nintendo = catalog.id("NINTENDO");
    }

    @Override
    public String name() {
        return "nintendo";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.length() < MIN_LENGTH || p.u32(0) != MAGIC || p.u8(4) != VERSION) {
            return NOT_THIS;
        }
        out.application(nintendo);
        return IDENTIFIED;
    }
}
