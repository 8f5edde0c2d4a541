package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Exit Games' Photon realtime protocol over UDP, which the Toca Boca games speak (nDPI names it
 * {@code TocaBoca}): a 12-byte header (peer id, CRC flag, command count, time, challenge) and as
 * many commands as it counts, each a 12-byte header (type, channel, flags, reserved, its own
 * length) and its data; the commands' lengths must tile the datagram exactly. The same games'
 * servers also send a 13-byte message of twelve {@code 0x7d} bytes and a counter.
 */
public final class PhotonDissector implements Dissector {

    private static final int HEADER = 12;
    private static final int COMMAND_HEADER = 12;
    /** Command types run from acknowledge (1) to the server-time and ping commands (12 at most). */
    private static final int MAX_COMMAND_TYPE = 12;
    private static final int PROBE_FILL = 0x7d;
    private static final int PROBE_LENGTH = 13;

    private final int photon;

    public PhotonDissector(IdentificationCatalog catalog) {
        this.photon = catalog.id("TOCABOCA");
    }

    @Override
    public String name() {
        return "photon";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!commandsTile(p) && !probe(p)) {
            return NOT_THIS;
        }
        out.application(photon);
        return IDENTIFIED;
    }

    private static boolean commandsTile(Payload p) {
        int commands = p.u8(3);
        int crc = p.u8(2);
        if (p.length() < HEADER + COMMAND_HEADER || commands < 1 || crc > 1) {
            return false;
        }
        int at = HEADER;
        for (int i = 0; i < commands; i++) {
            long length = p.u32(at + 4);
            int type = p.u8(at);
            if (length < COMMAND_HEADER || at + length > p.length() || type < 1 || type > MAX_COMMAND_TYPE) {
                return false;
            }
            at += (int) length;
        }
        return at == p.length();
    }

    private static boolean probe(Payload p) {
        if (p.length() != PROBE_LENGTH) {
            return false;
        }
        for (int i = 0; i < PROBE_LENGTH - 1; i++) {
            if (p.u8(i) != PROBE_FILL) {
                return false;
            }
        }
        return true;
    }
}
