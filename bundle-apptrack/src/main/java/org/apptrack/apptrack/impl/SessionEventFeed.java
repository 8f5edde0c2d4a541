package org.apptrack.apptrack.impl;

import org.apptrack.apptrack.api.AppTrackSessionEvent;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.SessionEventListener;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.model.SessionModel;

/**
 * The engine's session events as public {@link AppTrackSessionEvent}s: a snapshot of the session
 * per event, made only while someone listens (the engine reports per session, never per packet,
 * so this costs a few objects per session, and nothing without listeners).
 */
final class SessionEventFeed implements SessionEventListener {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final SessionEventDispatcher dispatcher;
    private AppTrackEngine engine;
    private SessionModel model;

    SessionEventFeed(SessionEventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The engine whose events these are and the model that describes its sessions; before the first packet. */
    void bind(AppTrackEngine source, SessionModel sessions) {
        this.engine = source;
        this.model = sessions;
    }

    @Override
    public void sessionCreated(SessionTable table, int session) {
        post(AppTrackSessionEvent.Type.SESSION_CREATED, session, "");
    }

    @Override
    public void sessionUpdated(SessionTable table, int session) {
        // volume updates are the logs' business
    }

    @Override
    public void sessionIdentified(SessionTable table, int session) {
        post(AppTrackSessionEvent.Type.APPLICATION_IDENTIFIED, session, "");
    }

    @Override
    public void sessionClosed(SessionTable table, int session, CloseReason reason) {
        post(AppTrackSessionEvent.Type.SESSION_CLOSED, session, reason.wireName());
    }

    private void post(AppTrackSessionEvent.Type type, int session, String reason) {
        if (dispatcher.hasListeners()) {
            dispatcher.post(new AppTrackSessionEvent(type, model.describe(session),
                    Math.floorDiv(engine.eventNanos(), NANOS_PER_MILLI), reason));
        }
    }
}
