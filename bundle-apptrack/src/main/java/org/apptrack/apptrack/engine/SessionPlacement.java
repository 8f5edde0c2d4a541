package org.apptrack.apptrack.engine;

import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.apptrack.engine.session.SessionSideTable;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.engine.tcp.TcpTracker;

/**
 * Whether a packet that matches no session starts one, and how: no session for a TCP RST (as an
 * SRX), for the product's own traffic, for flows outside every zone or between zones where
 * AppTrack is disabled (each counted); otherwise a session with its client and server, its zone
 * pair (policy) and fresh side-table state.
 *
 * <p>The client is the sender of the first packet, except: a TCP SYN-ACK comes from the server;
 * a TCP segment without SYN (a capture that began mid-connection, or a straggler of a closed
 * one) comes from the server when its source port is the lower one; a UDP datagram from a port
 * below 1024 to one at or above comes from the server (an answer whose question was not seen);
 * an ICMP echo reply comes from the server.
 */
final class SessionPlacement {

    private final SessionTable table;
    private final SessionSideTable side;
    private final EngineCounters counters;
    private PolicyResolver policies;
    private OwnTrafficMatcher ownTraffic = OwnTrafficMatcher.NONE;
    private boolean createdFromClient;

    SessionPlacement(SessionTable table, SessionSideTable side, EngineCounters counters, PolicyResolver policies) {
        this.table = table;
        this.side = side;
        this.counters = counters;
        this.policies = policies;
    }

    void policies(PolicyResolver resolver) {
        policies = resolver;
    }

    void ownTraffic(OwnTrafficMatcher matcher) {
        ownTraffic = matcher;
    }

    /**
     * The new session of the decoded packet, or -1 when none is created (counted, or refused
     * by a full table, which the table counts).
     */
    int create(FrameDecoder d, int context, int ingressZone, long t) {
        int proto = d.protocol();
        if (proto == Protocols.TCP && (d.tcpFlags() & TcpTracker.FLAG_RST) != 0) {
            counters.increment(EngineCounter.TCP_RST_WITHOUT_SESSION);
            return -1;
        }
        if (ownTraffic.matches(proto, d.srcHigh(), d.srcLow(), d.srcPort(), d.dstHigh(), d.dstLow(), d.dstPort())) {
            counters.increment(EngineCounter.OWN_TRAFFIC_FRAMES);
            return -1;
        }
        boolean fromClient = senderIsClient(d);
        // Zones go by client and server; the ingress interface names the client's zone only
        // when the client sent this packet.
        int policy = fromClient
                ? policies.resolve(ingressZone, d.srcHigh(), d.srcLow(), d.dstHigh(), d.dstLow())
                : policies.resolve(-1, d.dstHigh(), d.dstLow(), d.srcHigh(), d.srcLow());
        if (policy < 0) {
            counters.increment(policy == PolicyResolver.NO_ZONE
                    ? EngineCounter.FRAMES_WITHOUT_ZONE : EngineCounter.FRAMES_NOT_TRACKED);
            return -1;
        }
        int s = fromClient
                ? table.findOrCreate(d.srcHigh(), d.srcLow(), d.srcPort(), d.dstHigh(), d.dstLow(), d.dstPort(), proto,
                        context, t)
                : table.findOrCreate(d.dstHigh(), d.dstLow(), d.dstPort(), d.srcHigh(), d.srcLow(), d.srcPort(), proto,
                        context, t);
        if (s < 0) {
            return -1;
        }
        table.setPolicy(s, policy);
        side.reset(s);
        createdFromClient = fromClient;
        return s;
    }

    /** Whether the packet that created the last session came from its client. */
    boolean createdFromClient() {
        return createdFromClient;
    }

    private static boolean senderIsClient(FrameDecoder d) {
        switch (d.protocol()) {
            case Protocols.TCP:
                return TcpTracker.senderIsClient(d.tcpFlags(), d.srcPort(), d.dstPort());
            case Protocols.UDP:
                return d.srcPort() >= 1024 || d.dstPort() < 1024;
            case Protocols.ICMP:
                return d.icmpType() != 0;
            case Protocols.ICMPV6:
                return d.icmpType() != 129;
            default:
                return true;
        }
    }
}
