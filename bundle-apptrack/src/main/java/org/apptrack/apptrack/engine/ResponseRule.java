package org.apptrack.apptrack.engine;

import java.nio.ByteBuffer;
import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * "response received" (Junos: "Response received for a packet request (such as icmp
 * req-reply)"): an ICMP or ICMPv6 echo reply from the server; a DNS response (UDP from server
 * port 53, QR bit set) once the server has sent as many packets as the client, so that every
 * query is answered.
 */
final class ResponseRule {

    private final SessionTable table;
    private EngineSettings settings;

    ResponseRule(EngineSettings settings, SessionTable table) {
        this.settings = settings;
        this.table = table;
    }

    void configure(EngineSettings newSettings) {
        settings = newSettings;
    }

    /** Whether the packet just counted in session {@code s} is the response that ends it. */
    boolean isFinalResponse(int s, boolean fromClient, ByteBuffer frame, FrameDecoder d) {
        if (fromClient) {
            return false;
        }
        switch (d.protocol()) {
            case Protocols.UDP:
                return settings.dnsCloseOnResponse() && d.srcPort() == 53 && table.serverPort(s) == 53
                        && isDnsResponse(frame, d) && table.serverPackets(s) >= table.clientPackets(s);
            case Protocols.ICMP:
                return d.icmpType() == 0;
            case Protocols.ICMPV6:
                return d.icmpType() == 129;
            default:
                return false;
        }
    }

    private static boolean isDnsResponse(ByteBuffer frame, FrameDecoder d) {
        int off = d.payloadOffset();
        return d.payloadLength() >= 3 && (frame.get(off + 2) & 0x80) != 0;
    }
}
