package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Kerberos 5 (RFC 4120) on port 88: a message's ASN.1 application tag (AS-REQ 10 to KRB-ERROR
 * 30) whose length is the rest of the datagram, over TCP after the 4-byte record mark.
 */
public final class KerberosDissector implements Dissector {

    private final int kerberos;

    public KerberosDissector(IdentificationCatalog catalog) {
        this.kerberos = catalog.id("KERBEROS");
    }

    @Override
    public String name() {
        return "kerberos";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!p.port(88)) {
            return NOT_THIS;
        }
        int at = 0;
        if (p.isTcp()) {
            long record = p.u32(0);
            if (record < 0 || (record & 0x7fffffffL) < 2) {
                return NOT_THIS;
            }
            at = 4;
        }
        int tag = p.u8(at);
        if (!(tag >= 0x6a && tag <= 0x6f || tag == 0x74 || tag == 0x75 || tag == 0x76 || tag == 0x7e)) {
            return NOT_THIS;
        }
        int length = p.u8(at + 1);
        int body = at + 2;
        if (length == 0x81) {
            length = p.u8(at + 2);
            body = at + 3;
        } else if (length == 0x82) {
            length = p.u16(at + 2);
            body = at + 4;
        } else if (length == 0x83) {
            length = p.u24(at + 2);
            body = at + 5;
        } else if (length >= 0x80) {
            return NOT_THIS;
        }
        boolean fits = p.isTcp() ? length >= 0 && body + length >= p.length() || body + length == p.length()
                : body + length == p.length();
        if (!fits || p.u8(body) != 0x30) {
            return NOT_THIS;
        }
        out.application(kerberos);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
