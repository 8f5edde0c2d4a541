package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * OpenVPN (its protocol description, ssl.h): the client's hard reset (opcode 7, or 10 with
 * tls-crypt-v2) and the server's answering hard reset (opcode 8), key id 0; over TCP after the
 * 2-byte packet length. The client's packet alone is too weak a sign: the server's decides.
 */
public final class OpenVpnDissector implements Dissector {

    private static final int CLIENT_RESET_V2 = 7;
    private static final int SERVER_RESET_V2 = 8;
    private static final int CLIENT_RESET_V3 = 10;

    private final int openvpn;

    public OpenVpnDissector(IdentificationCatalog catalog) {
        this.openvpn = catalog.id("OPENVPN");
    }

    @Override
    public String name() {
        return "openvpn";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int at = 0;
        if (p.isTcp()) {
            if (p.u16(0) != p.length() - 2) {
                return NOT_THIS;
            }
            at = 2;
        }
        int opcode = p.u8(at) >>> 3;
        int keyId = p.u8(at) & 7;
        if (keyId != 0 || p.length() - at < 14) {
            return NOT_THIS;
        }
        if (p.index() == 0 && p.fromClient()) {
            return opcode == CLIENT_RESET_V2 || opcode == CLIENT_RESET_V3 ? MAYBE : NOT_THIS;
        }
        if (!p.fromClient() && p.index() == 0 && opcode == SERVER_RESET_V2) {
            out.application(openvpn);
            out.encrypted(true);
            return IDENTIFIED;
        }
        return NOT_THIS;
    }
}
