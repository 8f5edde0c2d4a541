package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * TP-Link Smart Home Protocol (smart plugs and bulbs, port 9999): a JSON object obfuscated with
 * an autokey XOR whose key starts at 171 and is then each cipher byte; over TCP after a 32-bit
 * length, which must be the rest of the payload's (or more, when the message spans segments).
 * The plain text must open a JSON object ({@code {"} or {@code {}}) and stay printable.
 */
public final class TplinkShpDissector implements Dissector {

    private static final int FIRST_KEY = 171;
    private static final int CHECKED = 24;

    private final int tplink;

    public TplinkShpDissector(IdentificationCatalog catalog) {
        this.tplink = catalog.id("TPLINK-SHP");
    }

    @Override
    public String name() {
        return "tplink-shp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6 || ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int at = 0;
        if (p.isTcp()) {
            long length = p.u32(0);
            if (length < 2 || length < p.length() - 4) {
                return NOT_THIS;
            }
            at = 4;
        }
        if (p.length() - at < 2) {
            return NOT_THIS;
        }
        int key = FIRST_KEY;
        int end = Math.min(p.length(), at + CHECKED);
        for (int i = at; i < end; i++) {
            int cipher = p.u8(i);
            int plain = cipher ^ key;
            key = cipher;
            boolean ok = i == at ? plain == '{'
                    : i == at + 1 ? plain == '"' || plain == '}'
                    : plain >= 0x20 && plain <= 0x7e || plain == '\t' || plain == '\r' || plain == '\n';
            if (!ok) {
                return NOT_THIS;
            }
        }
        out.application(tplink);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
