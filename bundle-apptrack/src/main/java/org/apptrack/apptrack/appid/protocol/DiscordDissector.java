package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Discord voice over UDP (Discord's developer documentation, "IP Discovery"): the 74-byte
 * discovery request or response (type 1 or 2, length 70, the SSRC, a NUL-padded address and a
 * port), and the voice server's keep-alive, which starts {@code 13 37 ca fe}.
 */
public final class DiscordDissector implements Dissector {

    private static final long KEEP_ALIVE = 0x1337cafeL;

    private final int discord;

    public DiscordDissector(IdentificationCatalog catalog) {
        this.discord = catalog.id("DISCORD");
    }

    @Override
    public String name() {
        return "discord";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int type = p.u16(0);
        boolean discovery = p.length() == 74 && (type == 1 || type == 2) && p.u16(2) == 70;
        boolean keepAlive = p.length() >= 8 && p.length() <= 16 && p.u32(0) == KEEP_ALIVE;
        if (!discovery && !keepAlive) {
            return NOT_THIS;
        }
        out.application(discord);
        out.encrypted(true);
        return IDENTIFIED;
    }
}
