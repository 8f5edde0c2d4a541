package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/** NTP (RFC 5905) on port 123: a 48-byte header (or more, with extensions or a MAC) of version 1 to 4 and a valid mode; control (mode 6) and private (mode 7) messages by their header. */
public final class NtpDissector implements Dissector {

    private final int application;

    public NtpDissector(IdentificationCatalog catalog) {
        this.application = catalog.id("NTP");
    }

    @Override
    public String name() {
        return "ntp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (!p.port(123) || p.length() < 8) {
            return NOT_THIS;
        }
        int version = p.u8(0) >>> 3 & 7;
        int mode = p.u8(0) & 7;
        boolean valid = version >= 1 && version <= 4
                && (mode >= 1 && mode <= 5 && p.length() >= 48 || mode == 6 && p.u16(10) + 12 <= p.length()
                        || mode == 7 && version >= 2);
        if (!valid) {
            return NOT_THIS;
        }
        out.application(application);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
