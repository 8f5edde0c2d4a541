package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * H.323 signalling. Over TCP in a TPKT (RFC 1006: version 3, a zero, the length of the whole
 * packet): H.225.0 call signalling is Q.931 (protocol discriminator 8, a call reference of at
 * most 3 bytes, then a known message type), H.245 control names its protocol's object
 * identifier (0.0.8.245) at the start of its PDU. Over UDP on the RAS port 1719, an H.225.0 RAS
 * message carries the identifier 0.0.8.2250 after its sequence number.
 */
public final class H323Dissector implements Dissector {

    private static final int TPKT = 4;
    private static final int Q931 = 0x08;
    private static final int OID = 0x06;
    /** 0.0.8.245 (H.245) as BER sub-identifiers after the length byte. */
    private static final long H245_OID = 0x00088175L;
    /** 0.0.8.2250 (H.225.0). */
    private static final long H225_OID = 0x0008914aL;
    private static final int RAS_PORT = 1719;

    private final int h323;

    public H323Dissector(IdentificationCatalog catalog) {
        this.h323 = catalog.id("H.323");
    }

    @Override
    public String name() {
        return "h323";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        boolean found = p.isTcp() ? tpkt(p) : p.port(RAS_PORT) && p.length() > 20 && p.u8(4) == OID
                && p.u32(5) == H225_OID;
        if (!found) {
            return NOT_THIS;
        }
        out.application(h323);
        out.encrypted(false);
        return IDENTIFIED;
    }

    private static boolean tpkt(Payload p) {
        if (p.length() <= TPKT + 3 || p.u8(0) != 3 || p.u8(1) != 0 || p.u16(2) != p.length()) {
            return false;
        }
        if (p.u8(7) == OID && p.u32(8) == H245_OID) {
            return true;
        }
        int callReference = p.u8(5);
        return p.u8(4) == Q931 && callReference <= 3 && q931MessageType(p.u8(6 + callReference));
    }

    /** The Q.931 message types H.225.0 uses (Q.931 table 4-2, H.225.0 section 7). */
    private static boolean q931MessageType(int type) {
        switch (type) {
            case 0x01: // alerting
            case 0x02: // call proceeding
            case 0x03: // progress
            case 0x05: // setup
            case 0x07: // connect
            case 0x0d: // setup acknowledge
            case 0x0f: // connect acknowledge
            case 0x20: // user information
            case 0x45: // disconnect
            case 0x4d: // release
            case 0x5a: // release complete
            case 0x62: // facility
            case 0x6e: // notify
            case 0x75: // status enquiry
            case 0x7b: // information
            case 0x7d: // status
                return true;
            default:
                return false;
        }
    }
}
