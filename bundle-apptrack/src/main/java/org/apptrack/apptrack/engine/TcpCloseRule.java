package org.apptrack.apptrack.engine;

import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.engine.tcp.TcpTracker;

/**
 * TCP's part of a session's end: tracks each segment ({@link TcpTracker}) and decides whether a
 * connection that just ended closes its session now (Junos {@code rst-invalidate-session},
 * {@code fin-invalidate-session}) or lets it linger for the peer's packets in flight.
 */
final class TcpCloseRule {

    private final SessionTable table;
    private final SessionAging aging;
    private final HandshakeTiming handshake;
    private EngineSettings settings;
    private boolean deadlineMovedEarlier;

    TcpCloseRule(EngineSettings settings, SessionTable table, SessionAging aging, HandshakeTiming handshake) {
        this.settings = settings;
        this.table = table;
        this.aging = aging;
        this.handshake = handshake;
    }

    void configure(EngineSettings newSettings) {
        settings = newSettings;
    }

    /**
     * Tracks one segment of session {@code s} (and times its handshake, {@link HandshakeTiming}).
     *
     * @return the reason to close the session now, or null
     */
    CloseReason onSegment(int s, boolean created, boolean fromClient, int flags, long nowNanos) {
        int before = table.tcpState(s);
        int r = TcpTracker.onSegment(before, created, fromClient, flags);
        int after = TcpTracker.state(r);
        table.setTcpState(s, after);
        if (created || TcpTracker.isHandshakePending(before)) {
            handshake.segment(s, created, before, after, fromClient, flags, nowNanos);
        }
        deadlineMovedEarlier = aging.tcpTimeout(after) < aging.tcpTimeout(before);
        switch (TcpTracker.verdict(r)) {
            case TcpTracker.VERDICT_FIN:
                return settings.finInvalidateSession() ? CloseReason.TCP_FIN : null;
            case TcpTracker.VERDICT_CLIENT_RST:
                return settings.rstInvalidateSession() ? CloseReason.TCP_CLIENT_RST : null;
            case TcpTracker.VERDICT_SERVER_RST:
                return settings.rstInvalidateSession() ? CloseReason.TCP_SERVER_RST : null;
            default:
                return null;
        }
    }

    /** Whether the last segment made the session's idle deadline earlier (it must be rescheduled). */
    boolean deadlineMovedEarlier() {
        return deadlineMovedEarlier;
    }

    /** Whether a segment on session {@code s} opens a new connection on the same ports. */
    boolean isReuse(int s, int flags) {
        return TcpTracker.isReuse(table.tcpState(s), flags);
    }
}
