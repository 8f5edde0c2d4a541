package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * RakNet (the game networking library): an offline message (ping, pong, open-connection request
 * and reply) carries its 16-byte magic {@code 00ffff00 fefefefe fdfdfdfd 12345678} after the
 * message id, or after the id and an 8-byte time for pings and pongs.
 */
public final class RakNetDissector implements Dissector {

    private static final long[] MAGIC = {0x00ffff00L, 0xfefefefeL, 0xfdfdfdfdL, 0x12345678L};

    private final int raknet;

    public RakNetDissector(IdentificationCatalog catalog) {
        this.raknet = catalog.id("RAKNET");
    }

    @Override
    public String name() {
        return "raknet";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int id = p.u8(0);
        int at;
        if (id == 0x01 || id == 0x02 || id == 0x1c) {
            at = 9; // unconnected ping or pong: id, time, magic
        } else if (id >= 0x05 && id <= 0x08 || id == 0x19 || id == 0x1a) {
            at = 1;
        } else {
            return NOT_THIS;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (p.u32(at + 4 * i) != MAGIC[i]) {
                return NOT_THIS;
            }
        }
        out.application(raknet);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
