package org.apptrack.apptrack.engine;

import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.engine.tcp.TcpTracker;
import org.apptrack.apptrack.engine.timing.TimerWheel;

/**
 * Idle aging: each session's deadline (last packet + its timeout), the timer wheel that finds the
 * sessions due, and why a session that ends without a closing packet ends. The engine's clock
 * lives here: it never goes backwards (an older timestamp counts as the newest one seen).
 *
 * <p>Timeouts: UDP, ICMP and other protocols by protocol; TCP the initial timeout until the
 * handshake completes, the closing timeout once both FINs were seen, the linger once the
 * connection ended (RST, or the last ACK of the FIN exchange), else the TCP timeout.
 */
final class SessionAging {

    /** Closes a session that is due (the engine's close). */
    @FunctionalInterface
    interface Closer {
        void close(int session, CloseReason reason, long atNanos);
    }

    private final SessionTable table;
    private final TimerWheel wheel;
    private final int[] dueIds;
    private final long[] dueDeadlines;
    private final TimerWheel.Deadlines deadlineFn = this::deadline;
    private EngineSettings settings;
    private ExternalCounting external;
    private long now = Long.MIN_VALUE;

    SessionAging(EngineSettings settings, SessionTable table) {
        this.settings = settings;
        this.table = table;
        int max = settings.maxSessions();
        this.wheel = new TimerWheel(max, settings.wheelSize(), settings.tickNanos());
        this.dueIds = new int[max];
        this.dueDeadlines = new long[max];
    }

    void configure(EngineSettings newSettings) {
        settings = newSettings;
    }

    /** Sessions counted outside wait longer ({@link ExternalCounting#extraIdleNanos}). */
    void external(ExternalCounting counting) {
        external = counting;
    }

    /** The clock: the newest time seen. */
    long now() {
        return now;
    }

    /**
     * Moves the clock to {@code nowNanos} (or keeps it, when that is older) and closes every
     * session due by then, at its own deadline. Sessions other than a packet's own close at most
     * one wheel tick late, always with their exact deadline as event time.
     *
     * @return the clock
     */
    long advance(long nowNanos, Closer closer) {
        long t = nowNanos < now ? now : nowNanos;
        now = t;
        int n = wheel.poll(t, deadlineFn, dueIds, dueDeadlines);
        for (int i = 0; i < n; i++) {
            int s = dueIds[i];
            if (table.isLive(s)) {
                closer.close(s, expiryReason(s), dueDeadlines[i]);
            }
        }
        return t;
    }

    /** Every open session closed as it would age out, in deadline order (end of a replay). */
    void expireAll(Closer closer) {
        int n = table.size();
        for (int p = 0; p < n; p++) {
            int s = table.sessionAt(p);
            dueIds[p] = s;
            dueDeadlines[p] = deadline(s);
        }
        TimerWheel.sortByDeadline(dueIds, dueDeadlines, n);
        for (int i = 0; i < n; i++) {
            if (table.isLive(dueIds[i])) { // not already closed with its parent
                closer.close(dueIds[i], expiryReason(dueIds[i]), dueDeadlines[i]);
            }
        }
    }

    void schedule(int s) {
        wheel.schedule(s, deadline(s));
    }

    void cancel(int s) {
        wheel.cancel(s);
    }

    /** The idle deadline of a live session. */
    long deadline(int s) {
        long d = table.lastSeenNanos(s) + timeout(s);
        return external == null ? d : d + external.extraIdleNanos(s);
    }

    private long timeout(int s) {
        int proto = table.protocol(s);
        return proto == Protocols.TCP ? tcpTimeout(table.tcpState(s)) : settings.timeoutNanos(proto);
    }

    /** The timeout of a TCP session in {@code state}. */
    long tcpTimeout(int state) {
        if (TcpTracker.isTerminated(state)) {
            return settings.tcpLingerNanos();
        }
        if (TcpTracker.isClosing(state)) {
            return settings.tcpClosingTimeoutNanos();
        }
        if (TcpTracker.isHandshakePending(state)) {
            return settings.tcpInitialTimeoutNanos();
        }
        return settings.tcpTimeoutNanos();
    }

    /** Why a session that ends without a closing packet ends: its connection's end, or idleness. */
    CloseReason expiryReason(int s) {
        if (table.protocol(s) != Protocols.TCP) {
            return CloseReason.IDLE_TIMEOUT;
        }
        int st = table.tcpState(s);
        if ((st & TcpTracker.C_RST) != 0) {
            return CloseReason.TCP_CLIENT_RST;
        }
        if ((st & TcpTracker.S_RST) != 0) {
            return CloseReason.TCP_SERVER_RST;
        }
        return TcpTracker.isClosing(st) ? CloseReason.TCP_FIN : CloseReason.IDLE_TIMEOUT;
    }
}
