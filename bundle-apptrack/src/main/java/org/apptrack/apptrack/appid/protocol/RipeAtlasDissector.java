package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * The UDP probes of RIPE Atlas's Magellan measurement tool: 25 bytes that start with
 * {@code MGLNDD} (the tool's marker; the rest names the probe and the time).
 */
public final class RipeAtlasDissector implements Dissector {

    private static final byte[] MARKER = Ascii.bytes("MGLNDD");
    private static final int LENGTH = 25;

    private final int ripeAtlas;

    public RipeAtlasDissector(IdentificationCatalog catalog) {
        this.ripeAtlas = catalog.id("RIPEATLAS");
    }

    @Override
    public String name() {
        return "ripe-atlas";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.length() != LENGTH || !p.startsWith(MARKER)) {
            return NOT_THIS;
        }
        out.application(ripeAtlas);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
