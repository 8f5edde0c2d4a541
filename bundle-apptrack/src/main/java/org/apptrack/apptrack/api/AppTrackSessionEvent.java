package org.apptrack.apptrack.api;

import org.onosproject.event.AbstractEvent;

/**
 * Something happened to a tracked session; the subject is a snapshot of the session at that
 * moment (5-tuple, zones, application and nested application, route, handshake times, counters,
 * session id). One event per session change, never one per packet.
 */
public final class AppTrackSessionEvent extends AbstractEvent<AppTrackSessionEvent.Type, SessionInfo> {

    public enum Type {
        /** The session's first packet created it (its application may not be known yet). */
        SESSION_CREATED,
        /**
         * The session's application or nested application became known or changed; once per
         * change. {@link SessionAttribute#IDENTIFIED_BY} says how (a port guess may be followed
         * by the payload's verdict).
         */
        APPLICATION_IDENTIFIED,
        /** The session closed; {@link #closeReason()} says why; the counters are final. */
        SESSION_CLOSED
    }

    private final String closeReason;

    /**
     * @param timeMillis when it happened (packet time in a replay)
     * @param closeReason the close reason as logged ({@code TCP FIN}, {@code idle Timeout}, ...)
     *     for {@link Type#SESSION_CLOSED}, else the empty string
     */
    public AppTrackSessionEvent(Type type, SessionInfo subject, long timeMillis, String closeReason) {
        super(type, subject, timeMillis);
        this.closeReason = closeReason == null ? "" : closeReason;
    }

    /** The close reason as the close log names it; empty unless {@link Type#SESSION_CLOSED}. */
    public String closeReason() {
        return closeReason;
    }

    @Override
    public String toString() {
        return super.toString() + (closeReason.isEmpty() ? "" : " reason=" + closeReason);
    }
}
