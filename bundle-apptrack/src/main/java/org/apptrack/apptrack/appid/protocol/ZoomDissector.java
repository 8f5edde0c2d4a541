package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Zoom's peer-to-peer media over UDP, between two clients (no Zoom server port, no Zoom address):
 * the peers' hello is type {@code 1f 01} or {@code 1f 02}, then, from byte 24, the sender's
 * address as length-prefixed text and its 36-character device UUID, also length-prefixed.
 */
public final class ZoomDissector implements Dissector {

    private static final int ADDRESS_AT = 24;
    private static final int MIN_ADDRESS = 7;
    private static final int MAX_ADDRESS = 45;
    private static final int UUID_LENGTH = 36;

    private final int zoom;

    public ZoomDissector(IdentificationCatalog catalog) {
        this.zoom = catalog.id("ZOOM");
    }

    @Override
    public String name() {
        return "zoom";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.u8(0) != 0x1f || p.u8(1) != 1 && p.u8(1) != 2 || !hello(p)) {
            return NOT_THIS;
        }
        out.application(zoom);
        out.nested(zoom);
        out.encrypted(true);
        return IDENTIFIED;
    }

    private static boolean hello(Payload p) {
        long address = p.u32(ADDRESS_AT);
        if (address < MIN_ADDRESS || address > MAX_ADDRESS) {
            return false;
        }
        int at = ADDRESS_AT + 4;
        for (int i = 0; i < address; i++) {
            int c = p.u8(at + i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == ':' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        at += (int) address;
        return p.u32(at) == UUID_LENGTH && uuid(p, at + 4);
    }

    /** Whether 36 characters at {@code at} are a UUID: hex digits grouped 8-4-4-4-12. */
    private static boolean uuid(Payload p, int at) {
        for (int i = 0; i < UUID_LENGTH; i++) {
            int c = p.u8(at + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-'
                    : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
