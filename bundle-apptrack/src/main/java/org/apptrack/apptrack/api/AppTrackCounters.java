package org.apptrack.apptrack.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AppTrack's counters, as {@code show security application-tracking counters} shows them on an
 * SRX, plus the engine's own (frames, malformed, refused sessions).
 */
public final class AppTrackCounters {

    private final long sessionCreateMessages;
    private final long volumeUpdateMessages;
    private final long sessionCloseMessages;
    private final long failedMessages;
    private final long sessionsCreated;
    private final long sessionsClosed;
    private final long activeSessions;
    private final long refusedSessions;
    private final long frames;
    private final long malformedFrames;
    private final long notIpFrames;
    private final long framesWithoutZone;
    private final long framesNotTracked;
    private final long ownTrafficFrames;
    private final Map<String, Long> closedByReason;
    private final Map<String, Long> malformedByCause;
    private long routeUpdates;
    private long routeUpdatesUnknownSession;
    private long sessionEventsDelivered;
    private long sessionEventsDropped;
    private long sessionListenerFailures;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public AppTrackCounters(long sessionCreateMessages, long volumeUpdateMessages, long sessionCloseMessages,
                            long failedMessages, long sessionsCreated, long sessionsClosed, long activeSessions,
                            long refusedSessions, long frames, long malformedFrames, long notIpFrames,
                            long framesWithoutZone, long framesNotTracked, long ownTrafficFrames,
                            Map<String, Long> closedByReason, Map<String, Long> malformedByCause) {
        this.framesWithoutZone = framesWithoutZone;
        this.framesNotTracked = framesNotTracked;
        this.ownTrafficFrames = ownTrafficFrames;
        this.sessionCreateMessages = sessionCreateMessages;
        this.volumeUpdateMessages = volumeUpdateMessages;
        this.sessionCloseMessages = sessionCloseMessages;
        this.failedMessages = failedMessages;
        this.sessionsCreated = sessionsCreated;
        this.sessionsClosed = sessionsClosed;
        this.activeSessions = activeSessions;
        this.refusedSessions = refusedSessions;
        this.frames = frames;
        this.malformedFrames = malformedFrames;
        this.notIpFrames = notIpFrames;
        // in the order given (the engine's: close reasons as Junos lists them), for stable listings
        this.closedByReason = Collections.unmodifiableMap(new LinkedHashMap<>(closedByReason));
        this.malformedByCause = Collections.unmodifiableMap(new LinkedHashMap<>(malformedByCause));
    }

    public long sessionCreateMessages() {
        return sessionCreateMessages;
    }

    public long volumeUpdateMessages() {
        return volumeUpdateMessages;
    }

    public long sessionCloseMessages() {
        return sessionCloseMessages;
    }

    /** Messages the security log did not take. */
    public long failedMessages() {
        return failedMessages;
    }

    public long sessionsCreated() {
        return sessionsCreated;
    }

    public long sessionsClosed() {
        return sessionsClosed;
    }

    public long activeSessions() {
        return activeSessions;
    }

    /**
     * Session creations refused because the session limit was reached: one per packet that
     * would have created a session (a refused flow keeps no state, so each of its packets tries
     * again and is counted).
     */
    public long refusedSessions() {
        return refusedSessions;
    }

    public long frames() {
        return frames;
    }

    public long malformedFrames() {
        return malformedFrames;
    }

    public long notIpFrames() {
        return notIpFrames;
    }

    /** Frames of flows whose addresses are in no configured zone (not tracked). */
    public long framesWithoutZone() {
        return framesWithoutZone;
    }

    /** Frames of flows between zones with AppTrack disabled (not tracked). */
    public long framesNotTracked() {
        return framesNotTracked;
    }

    /**
     * Frames of the product's own traffic (log export, management) that would have created a
     * session: an SRX does not track its own control-plane traffic as transit sessions.
     */
    public long ownTrafficFrames() {
        return ownTrafficFrames;
    }

    /** Closed sessions by SRX close reason ("TCP FIN", "idle Timeout", ...), in the order the engine gave them. */
    public Map<String, Long> closedByReason() {
        return closedByReason;
    }

    public Map<String, Long> malformedByCause() {
        return malformedByCause;
    }

    /**
     * These counters with the session events' and route changes' (the constructor's callers that
     * have none leave them 0).
     */
    public AppTrackCounters withSessionEvents(long routes, long routesUnknownSession, long eventsDelivered,
                                              long eventsDropped, long listenerFailures) {
        AppTrackCounters c = new AppTrackCounters(sessionCreateMessages, volumeUpdateMessages, sessionCloseMessages,
                failedMessages, sessionsCreated, sessionsClosed, activeSessions, refusedSessions, frames,
                malformedFrames, notIpFrames, framesWithoutZone, framesNotTracked, ownTrafficFrames, closedByReason,
                malformedByCause);
        c.routeUpdates = routes;
        c.routeUpdatesUnknownSession = routesUnknownSession;
        c.sessionEventsDelivered = eventsDelivered;
        c.sessionEventsDropped = eventsDropped;
        c.sessionListenerFailures = listenerFailures;
        return c;
    }

    /** Route changes applied to open sessions (each logged a route update and a next-hop change). */
    public long routeUpdates() {
        return routeUpdates;
    }

    /** Route changes refused because no open session had the id (it closed meanwhile, or never was). */
    public long routeUpdatesUnknownSession() {
        return routeUpdatesUnknownSession;
    }

    /** Session events handed to the listeners. */
    public long sessionEventsDelivered() {
        return sessionEventsDelivered;
    }

    /** Session events dropped because the listeners' queue was full (they did not keep up). */
    public long sessionEventsDropped() {
        return sessionEventsDropped;
    }

    /** Exceptions session event listeners threw (caught; the other listeners and the packets go on). */
    public long sessionListenerFailures() {
        return sessionListenerFailures;
    }
}
