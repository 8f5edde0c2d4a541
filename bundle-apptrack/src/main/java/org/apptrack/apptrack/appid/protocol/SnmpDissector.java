package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * SNMP (RFC 3416, 3412) over UDP: a BER SEQUENCE whose length is the datagram's, an INTEGER
 * version 0, 1 or 3, and for v1 and v2c the community string followed by a PDU tag.
 */
public final class SnmpDissector implements Dissector {

    private final int snmp;

    public SnmpDissector(IdentificationCatalog catalog) {
        this.snmp = catalog.id("SNMP");
    }

    @Override
    public String name() {
        return "snmp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.u8(0) != 0x30) {
            return NOT_THIS;
        }
        int at = 1;
        int length = p.u8(at);
        if (length == 0x81) {
            length = p.u8(at + 1);
            at += 2;
        } else if (length == 0x82) {
            length = p.u16(at + 1);
            at += 3;
        } else if (length < 0x80) {
            at += 1;
        } else {
            return NOT_THIS;
        }
        if (length < 0 || at + length != p.length() || p.u8(at) != 0x02 || p.u8(at + 1) != 1) {
            return NOT_THIS;
        }
        int version = p.u8(at + 2);
        if (version == 0 || version == 1) {
            int community = at + 3;
            int communityLength = p.u8(community + 1);
            int pdu = community + 2 + communityLength;
            if (p.u8(community) != 0x04 || communityLength < 0 || communityLength > 127
                    || p.u8(pdu) < 0xa0 || p.u8(pdu) > 0xa8) {
                return NOT_THIS;
            }
        } else if (version != 3 || p.u8(at + 3) != 0x30) {
            return NOT_THIS;
        }
        out.application(snmp);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
