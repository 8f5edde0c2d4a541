package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Ascii;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/** RTSP (RFC 2326, 7826) over TCP: a request line ending in {@code RTSP/1.0} or {@code RTSP/2.0}, or a status line. */
public final class RtspDissector implements Dissector {

    private static final byte[] VERSION = Ascii.bytes("RTSP/");

    private final int rtsp;

    public RtspDissector(IdentificationCatalog catalog) {
        this.rtsp = catalog.id("RTSP");
    }

    @Override
    public String name() {
        return "rtsp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 6;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int end = p.textLineEnd(0);
        if (end < 12 || end > 2048) {
            return NOT_THIS;
        }
        boolean status = p.matches(0, VERSION) && p.u8(6) == '.' && p.u8(8) == ' ';
        boolean request = p.matches(end - 8, VERSION) && p.u8(end - 9) == ' ' && p.u8(end - 2) == '.'
                && p.indexOf(' ', 0, end - 9) > 0;
        if (!status && !request) {
            return NOT_THIS;
        }
        out.application(rtsp);
        out.encrypted(false);
        return IDENTIFIED;
    }
}
