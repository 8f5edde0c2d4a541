package org.apptrack.apptrack.appid.protocol;

import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;

/**
 * KCP, the ARQ protocol over UDP (skywind3000/kcp): a datagram holds one or more segments, each a
 * 24-byte little-endian header (conversation, command 81 push, 82 ack, 83 window probe or 84
 * window answer, fragment, window, time, sequence, unacknowledged, data length) and its data.
 * The segments must tile the datagram exactly and share their conversation.
 */
public final class KcpDissector implements Dissector {

    private static final int HEADER = 24;
    private static final int FIRST_COMMAND = 81;
    private static final int LAST_COMMAND = 84;
    private static final int MAX_SEGMENTS = 64;

    private final int kcp;

    public KcpDissector(IdentificationCatalog catalog) {
        this.kcp = catalog.id("KCP");
    }

    @Override
    public String name() {
        return "kcp";
    }

    @Override
    public boolean accepts(int ipProtocol) {
        return ipProtocol == 17;
    }

    @Override
    public int inspect(Payload p, Identification out) {
        if (p.length() < HEADER) {
            return NOT_THIS;
        }
        long conversation = p.u32le(0);
        int at = 0;
        for (int segment = 0; segment < MAX_SEGMENTS && at < p.length(); segment++) {
            int command = p.u8(at + 4);
            long length = p.u32le(at + 20);
            if (command < FIRST_COMMAND || command > LAST_COMMAND || length < 0
                    || length > p.length() - at - HEADER || p.u32le(at) != conversation) {
                return NOT_THIS;
            }
            at += HEADER + (int) length;
        }
        if (at != p.length()) {
            return NOT_THIS;
        }
        out.application(kcp);
        return IDENTIFIED;
    }
}
