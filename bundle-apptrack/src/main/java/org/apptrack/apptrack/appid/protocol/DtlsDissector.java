package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * DTLS over UDP (RFC 6347, 9147): records of a known content type, version 1.0, 1.2 or 1.3
 * ({@code 0xfeff}, {@code 0xfefd}, {@code 0xfefc}) or the pre-standard {@code 0x0100} of Cisco
 * AnyConnect, whose declared lengths tile the datagram exactly.
 */
public final class DtlsDissector implements Dissector {

    private static final int RECORD_HEADER = 13;
    /** The version of DTLS before RFC 4347 was final, which Cisco AnyConnect still speaks (OpenSSL's DTLS1_BAD_VER). */
    private static final int DTLS1_BAD_VER = 0x0100;

    private final int dtls;

    public DtlsDissector(IdentificationCatalog catalog) {
        this.dtls = catalog.id("DTLS");
    }

    @Override
    public String name() {
        return "dtls";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!records(p)) {
            return NOT_THIS;
        }
        out.application(dtls);
        out.encrypted(true);
        return IDENTIFIED;
    }

    /** Whether the payload is DTLS records that tile it exactly (also used where DTLS follows STUN). */
    static boolean records(Payload p) {
        int at = 0;
        int records = 0;
        while (at < p.length()) {
            int type = p.u8(at);
            int version = p.u16(at + 1);
            int length = p.u16(at + 11);
            if (type < 20 || type > 25 || !(version == 0xfeff || version == 0xfefd || version == 0xfefc || version == DTLS1_BAD_VER)
                    || length < 0 || at + RECORD_HEADER + length > p.length() || ++records > 16) {
                return false;
            }
            at += RECORD_HEADER + length;
        }
        return records > 0;
    }
}
