package org.apptrack.apptrack.engine;

import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * Receives the session events of an {@link AppTrackEngine}, synchronously, on the engine's thread.
 * The session index is valid during the call only (indices are reused after removal; keep
 * {@link SessionTable#sessionId(int)} to identify a session). The event time is
 * {@link AppTrackEngine#eventNanos()}. A listener must not call back into the engine.
 */
public interface SessionEventListener {

    /** A session was created by its first packet (already counted). */
    void sessionCreated(SessionTable table, int session);

    /** A volume update is due for the session (its counters include the packet that triggered it). */
    void sessionUpdated(SessionTable table, int session);

    /**
     * The session's application or nested application became known or changed (once per change;
     * never per packet). Reported before the close of a session whose application its close
     * decided.
     */
    default void sessionIdentified(SessionTable table, int session) {
    }

    /**
     * The packets of a session counted outside the engine ({@link AppTrackEngine#countExternally})
     * show that its connection ended ({@code reason}: "TCP FIN" after both FINs, or a RST's): the
     * outside source should stop and report its final counts, then close it
     * ({@link AppTrackEngine#closeExternal}). Once per session.
     */
    default void sessionEnding(SessionTable table, int session, CloseReason reason) {
    }

    /** The session closes; called BEFORE it is removed from the table, so its state is readable. */
    void sessionClosed(SessionTable table, int session, CloseReason reason);

    /** A listener that ignores every event. */
    SessionEventListener NONE = new SessionEventListener() {
        @Override
        public void sessionCreated(SessionTable table, int session) {
        }

        @Override
        public void sessionUpdated(SessionTable table, int session) {
        }

        @Override
        public void sessionClosed(SessionTable table, int session, CloseReason reason) {
        }
    };

    /** A listener that passes each event to {@code first}, then to {@code second}. */
    static SessionEventListener both(SessionEventListener first, SessionEventListener second) {
        return new SessionEventListener() {
            @Override
            public void sessionCreated(SessionTable table, int session) {
                first.sessionCreated(table, session);
                second.sessionCreated(table, session);
            }

            @Override
            public void sessionUpdated(SessionTable table, int session) {
                first.sessionUpdated(table, session);
                second.sessionUpdated(table, session);
            }

            @Override
            public void sessionIdentified(SessionTable table, int session) {
                first.sessionIdentified(table, session);
                second.sessionIdentified(table, session);
            }

            @Override
            public void sessionEnding(SessionTable table, int session, CloseReason reason) {
                first.sessionEnding(table, session, reason);
                second.sessionEnding(table, session, reason);
            }

            @Override
            public void sessionClosed(SessionTable table, int session, CloseReason reason) {
                first.sessionClosed(table, session, reason);
                second.sessionClosed(table, session, reason);
            }
        };
    }
}
