package org.apptrack.apptrack.engine;

import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * Sessions whose packets are counted elsewhere (a switch's flow statistics, offload mode): which
 * directions are, and how long the engine's own idle timer waits past the session's timeout
 * before it gives up on the outside source. The switch ages the session (its rule's idle timeout)
 * and says so; the engine's timer is only the safety net for a source that went silent (a
 * device that disconnected), hence the grace. State lives in spare bits of the session's flags
 * word, so it costs no memory.
 */
final class ExternalCounting {

    /** Flag: the client-to-server direction is counted outside. */
    static final int CLIENT_TO_SERVER = 1 << 1;
    /** Flag: the server-to-client direction is counted outside. */
    static final int SERVER_TO_CLIENT = 1 << 2;
    /** Flag: the listener heard that the connection ended ({@link SessionEventListener#sessionEnding}). */
    static final int ENDING_REPORTED = 1 << 3;
    private static final int EITHER = CLIENT_TO_SERVER | SERVER_TO_CLIENT;

    private final SessionTable table;
    private long graceNanos;

    ExternalCounting(SessionTable table, long graceNanos) {
        this.table = table;
        this.graceNanos = graceNanos;
    }

    void graceNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("grace must be >= 0: " + nanos);
        }
        graceNanos = nanos;
    }

    /** Extra idle time of session {@code s}: the grace when something counts it outside, else 0. */
    long extraIdleNanos(int s) {
        return (table.flags(s) & EITHER) != 0 ? graceNanos : 0L;
    }

    boolean any(int s) {
        return (table.flags(s) & EITHER) != 0;
    }

    boolean direction(int s, boolean fromClient) {
        return (table.flags(s) & (fromClient ? CLIENT_TO_SERVER : SERVER_TO_CLIENT)) != 0;
    }

    void mark(int s, boolean fromClient) {
        table.setFlags(s, table.flags(s) | (fromClient ? CLIENT_TO_SERVER : SERVER_TO_CLIENT));
    }

    /** Marks the end as reported; false when it already was. */
    boolean reportEndingOnce(int s) {
        int f = table.flags(s);
        if ((f & ENDING_REPORTED) != 0) {
            return false;
        }
        table.setFlags(s, f | ENDING_REPORTED);
        return true;
    }
}
