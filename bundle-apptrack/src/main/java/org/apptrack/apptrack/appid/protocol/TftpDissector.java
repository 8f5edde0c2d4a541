package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * TFTP (RFC 1350): a read or write request, {@code opcode filename NUL mode NUL} with a mode of
 * netascii, octet or mail; or the first DATA block on port 69. (A server that answers from a new
 * port starts a new session, which its request predicts.)
 */
public final class TftpDissector implements Dissector {

    private static final byte[][] MODES = {Ascii.bytes("netascii"), Ascii.bytes("octet"), Ascii.bytes("mail")};

    private final int tftp;

    public TftpDissector(IdentificationCatalog catalog) {
        this.tftp = catalog.id("TFTP");
    }

    @Override
    public String name() {
        return "tftp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int opcode = p.u16(0);
        boolean match;
        if (opcode == 1 || opcode == 2) {
            int nul = p.indexOf(0, 2, Math.min(p.length(), 514));
            match = nul > 2 && p.printable(2, nul) && mode(p, nul + 1);
            if (match && p.fromClient()) {
                // the server answers from a new port to the client's: a session of its own, not
                // linked (the request's session ages out while a long transfer goes on)
                out.expect(tftp, p.clientPort(), true, false);
            }
        } else if (opcode == 3) {
            match = p.u16(2) == 1 && p.port(69);
        } else {
            match = false;
        }
        if (!match) {
            return NOT_THIS;
        }
        out.application(tftp);
        out.encrypted(false);
        return IDENTIFIED;
    }

    private static boolean mode(Payload p, int at) {
        for (byte[] m : MODES) {
            if (p.matchesIgnoreCase(at, m) && p.u8(at + m.length) == 0) {
                return true;
            }
        }
        return false;
    }
}
