package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * IKE (IKEv1 RFC 2409, IKEv2 RFC 7296) over UDP: the ISAKMP header (version 1.0 or 2.0, a known
 * exchange type, a length equal to the datagram's), on port 500 or after the non-ESP marker on
 * 4500 (RFC 3948), where ESP packets in UDP are recognised too.
 */
public final class IkeDissector implements Dissector {

    private static final int HEADER = 28;

    private final int ike;

    public IkeDissector(IdentificationCatalog catalog) {
        this.ike = catalog.id("IKE");
    }

    @Override
    public String name() {
        return "ike";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int at = 0;
        if (p.port(4500)) {
            if (p.length() == 1 && p.u8(0) == 0xff) {
                return MAYBE; // NAT keepalive
            }
            if (p.u32(0) != 0) {
                if (p.length() < 16 || p.u32(0) < 256) {
                    return NOT_THIS; // SPI 1..255 is reserved
                }
                out.application(ike); // ESP in UDP
                out.encrypted(true);
                return IDENTIFIED;
            }
            at = 4;
        } else if (!p.port(500)) {
            return NOT_THIS;
        }
        int version = p.u8(at + 17);
        int exchange = p.u8(at + 18);
        boolean valid = p.length() - at >= HEADER && p.u32(at + 24) == p.length() - at
                && (version == 0x10 && (exchange >= 1 && exchange <= 5 || exchange >= 32 && exchange <= 34)
                        || version == 0x20 && exchange >= 34 && exchange <= 43);
        if (!valid) {
            return NOT_THIS;
        }
        out.application(ike);
        out.encrypted(true);
        return IDENTIFIED;
    }
}
