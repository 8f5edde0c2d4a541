package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * Agora's Software Defined Real-time Network (SD-RTN) over UDP: a client's join message (type
 * {@code 0x21} at byte 6) carries the edge server's name as a property {@code "\x04SNI"}, its
 * 16-bit length and a zero, then the name (a host name under the service's domain). The name
 * must fit the datagram and read as a host name.
 */
public final class SdRtnDissector implements Dissector {

    private static final byte[] SNI_PROPERTY = Ascii.bytes("\u0004SNI");
    private static final int NAME = 19;

    private final int sdRtn;

    public SdRtnDissector(IdentificationCatalog catalog) {
        this.sdRtn = catalog.id("SD-RTN");
    }

    @Override
    public String name() {
        return "sd-rtn";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.length() < NAME + 1 || p.u8(6) != 0x21 || !p.matches(12, SNI_PROPERTY) || p.u8(18) != 0) {
            return NOT_THIS;
        }
        int length = p.u16(16);
        if (length == 0 || NAME + length > p.length()
                || !out.name(p.frame(), p.offset() + NAME, length) || out.nameLength() < 4) {
            out.clearName();
            return NOT_THIS;
        }
        out.application(sdRtn);
        return IDENTIFIED;
    }
}
