package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * CORBA's GIOP (CORBA 3, chapter 15): a 12-byte header of {@code GIOP}, version 1.0 to 1.3, flags
 * (bit 0: little endian), a message type from Request (0) to Fragment (7) and the body's size in
 * the flagged byte order, which must fill the payload (or go beyond it, when the message spans
 * segments or fragments). Over UDP, MIOP (the multicast packet: {@code MIOP}, version 1.0) carries
 * GIOP messages.
 */
public final class CorbaDissector implements Dissector {

    private static final byte[] GIOP = Ascii.bytes("GIOP");
    private static final byte[] MIOP = Ascii.bytes("MIOP");
    private static final int HEADER = 12;
    private static final int LAST_MESSAGE_TYPE = 7;
    private static final int MIOP_VERSION = 0x10;

    private final int corba;

    public CorbaDissector(IdentificationCatalog catalog) {
        this.corba = catalog.id("CORBA");
    }

    @Override
    public String name() {
        return "corba";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!giop(p) && !(!p.isTcp() && p.startsWith(MIOP) && p.u8(4) == MIOP_VERSION && p.length() >= 16)) {
            return NOT_THIS;
        }
        out.application(corba);
        out.encrypted(false);
        return IDENTIFIED;
    }

    private static boolean giop(Payload p) {
        if (p.length() < HEADER || !p.startsWith(GIOP) || p.u8(4) != 1 || p.u8(5) > 3
                || p.u8(7) > LAST_MESSAGE_TYPE) {
            return false;
        }
        long size = (p.u8(6) & 1) != 0 ? p.u32le(8) : p.u32(8);
        return p.isTcp() ? size >= p.length() - HEADER : size == p.length() - HEADER;
    }
}
