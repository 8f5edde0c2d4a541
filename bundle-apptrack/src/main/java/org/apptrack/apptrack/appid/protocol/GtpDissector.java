package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * The GPRS Tunnelling Protocol family on its registered ports, named GTP with the variant nested:
 * GTP-C on 2123 (GTPv1-C, 3GPP TS 29.060: version 1, protocol type 1, a length of the rest after
 * the 8-byte header; GTPv2-C, TS 29.274: version 2 and a length after the first 4 bytes), GTP-U on
 * 2152 (the GTPv1 header), GTP' on 3386 (TS 32.295: version 0 to 2, protocol type 0, a known
 * message type and a length after its 6-byte header). The header is short, so the port is required.
 */
public final class GtpDissector implements Dissector {

    private static final int GTP_C = 2123;
    private static final int GTP_U = 2152;
    private static final int GTP_PRIME = 3386;

    private final int gtp;
    private final int gtpC;
    private final int gtpU;
    private final int gtpPrime;

    public GtpDissector(IdentificationCatalog catalog) {
        this.gtp = catalog.id("GTP");
        this.gtpC = catalog.id("GTP-C");
        this.gtpU = catalog.id("GTP-U");
        this.gtpPrime = catalog.id("GTP-PRIME");
    }

    @Override
    public String name() {
        return "gtp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int nested;
        if (p.port(GTP_C) && (v1(p) || v2(p))) {
            nested = gtpC;
        } else if (p.port(GTP_U) && v1(p)) {
            nested = gtpU;
        } else if (p.port(GTP_PRIME) && prime(p)) {
            nested = gtpPrime;
        } else {
            return NOT_THIS;
        }
        out.application(gtp);
        out.nested(nested);
        return IDENTIFIED;
    }

    /** GTPv1: version 1, protocol type 1, reserved bit clear, a message type, the length of the rest. */
    private static boolean v1(Payload p) {
        int flags = p.u8(0);
        // a sequence number, N-PDU number or extension flag brings the 4 optional bytes into the length
        return flags >= 0 && (flags & 0xf8) == 0x30 && p.u8(1) > 0 && p.u16(2) + 8 == p.length()
                && ((flags & 0x07) == 0 || p.u16(2) >= 4);
    }

    /** GTPv2-C: version 2, spare bits clear, a message type, the length after the first 4 bytes. */
    private static boolean v2(Payload p) {
        int flags = p.u8(0);
        return flags >= 0 && (flags & 0xe3) == 0x40 && p.u8(1) > 0 && p.u16(2) + 4 == p.length();
    }

    /** GTP': version 0..2, protocol type 0, a message type it defines, the length after the 6-byte header. */
    private static boolean prime(Payload p) {
        int flags = p.u8(0);
        int type = p.u8(1);
        boolean knownType = type >= 1 && type <= 7 || type == 240 || type == 241;
        int header = (flags & 0x01) == 0 ? 6 : 20;
        return flags >= 0 && flags >>> 5 <= 2 && (flags & 0x10) == 0 && knownType && p.u16(2) + header == p.length();
    }
}
