package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * RTP and RTCP over UDP (RFC 3550, RFC 5761 for the payload types they share a port with). RTCP
 * is recognised from one compound packet whose reports tile the datagram; RTP, whose header is
 * weaker, needs the session's second payload of a direction to look like RTP as well.
 */
public final class RtpDissector implements Dissector {

    private static final int RTP_HEADER = 12;

    private final int rtp;
    private final int rtcp;

    public RtpDissector(IdentificationCatalog catalog) {
        this.rtp = catalog.id("RTP");
        this.rtcp = catalog.id("RTCP");
    }

    @Override
    public String name() {
        return "rtp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        int first = p.u8(0);
        if (p.length() < RTP_HEADER || (first & 0xc0) != 0x80) {
            return NOT_THIS;
        }
        int type = p.u8(1) & 0x7f;
        if (p.u8(1) >= 192 && p.u8(1) <= 223) {
            if (!rtcp(p)) {
                return NOT_THIS;
            }
            out.application(rtcp);
            return IDENTIFIED;
        }
        if (!(type <= 34 || type >= 96) || type == 1 || type == 2 || type == 19
                || RTP_HEADER + 4 * (first & 0x0f) > p.length() || p.u32(8) == 0) {
            return NOT_THIS;
        }
        if ((first & 0x20) != 0 && p.u8(p.length() - 1) > p.length() - RTP_HEADER) {
            return NOT_THIS; // padding longer than the payload
        }
        if (p.index() == 0) {
            return MAYBE;
        }
        out.application(rtp);
        return IDENTIFIED;
    }

    /** Whether the datagram is a compound RTCP packet: version 2 reports whose lengths tile it. */
    private static boolean rtcp(Payload p) {
        int at = 0;
        int reports = 0;
        while (at < p.length()) {
            int type = p.u8(at + 1);
            int words = p.u16(at + 2);
            if ((p.u8(at) & 0xc0) != 0x80 || type < 192 || type > 223 || words < 0 || ++reports > 16) {
                return false;
            }
            at += 4 + 4 * words;
        }
        return at == p.length();
    }
}
