package org.apptrack.apptrack.impl;

import java.util.function.Consumer;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.SessionEventListener;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.model.SessionModel;

/**
 * The engine's listener in the runtime: every event goes to the log emitter; a closing session is
 * then also described, as a {@link SessionInfo}, to the closed-session listener when one is set
 * (a tool that measures sessions). Without that listener a close costs no description. What the
 * listener throws is caught and counted: the engine removes the session only after this returns.
 */
final class ClosedSessionFeed implements SessionEventListener {

    private final SessionEventListener logs;
    private Consumer<? super SessionInfo> closed;
    private SessionModel model;
    private long failures;

    /**
     * @param logs the log emitter, which sees every event first
     * @param closed receives each closing session; null: none
     */
    ClosedSessionFeed(SessionEventListener logs, Consumer<? super SessionInfo> closed) {
        this.logs = logs;
        this.closed = closed;
    }

    /** Who receives each closing session from now on; null: nobody. */
    void listener(Consumer<? super SessionInfo> listener) {
        this.closed = listener;
    }

    /** The model that describes the engine's sessions; before the first packet. */
    void bind(SessionModel sessions) {
        this.model = sessions;
    }

    @Override
    public void sessionCreated(SessionTable table, int session) {
        logs.sessionCreated(table, session);
    }

    @Override
    public void sessionUpdated(SessionTable table, int session) {
        logs.sessionUpdated(table, session);
    }

    @Override
    public void sessionClosed(SessionTable table, int session, CloseReason reason) {
        logs.sessionClosed(table, session, reason);
        if (closed != null) {
            try {
                closed.accept(model.describe(session));
            } catch (RuntimeException e) {
                failures++;
            }
        }
    }

    /** Exceptions the closed-session listener threw. */
    long failures() {
        return failures;
    }
}
