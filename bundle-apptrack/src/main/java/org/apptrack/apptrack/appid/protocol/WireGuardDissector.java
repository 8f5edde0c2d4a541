package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * WireGuard over UDP (its protocol paper, section 5.4): a message type with three reserved zero
 * bytes and the exact size of a handshake initiation (148), response (92) or cookie reply (64);
 * transport data (type 4, a multiple of 16 after its header) only after the other direction
 * showed the same.
 */
public final class WireGuardDissector implements Dissector {

    private final int wireguard;

    public WireGuardDissector(IdentificationCatalog catalog) {
        this.wireguard = catalog.id("WIREGUARD");
    }

    @Override
    public String name() {
        return "wireguard";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.length() < 32 || p.u24(1) != 0) {
            return NOT_THIS;
        }
        int type = p.u8(0);
        int length = p.length();
        if (type == 1 && length == 148 || type == 2 && length == 92 || type == 3 && length == 64) {
            out.application(wireguard);
            out.encrypted(true);
            return IDENTIFIED;
        }
        if (type == 4 && (length - 16) % 16 == 0) {
            if (p.index() == 0) {
                return MAYBE;
            }
            out.application(wireguard);
            out.encrypted(true);
            return IDENTIFIED;
        }
        return NOT_THIS;
    }
}
