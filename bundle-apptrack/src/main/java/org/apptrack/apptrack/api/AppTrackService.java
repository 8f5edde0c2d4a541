package org.apptrack.apptrack.api;

/** Application tracking: sessions from the packets ONOS delivers, and their AppTrack logs. */
public interface AppTrackService {

    /** The counters since AppTrack started (or was last reconfigured). */
    AppTrackCounters counters();

    /**
     * The tracked sessions that match the filter, at most {@code limit} of them.
     *
     * @param filter which sessions to return
     * @param limit the most to return
     */
    java.util.List<SessionInfo> sessions(java.util.function.Predicate<SessionInfo> filter, int limit);

    /**
     * Closes every session with reason {@code CLI}, logging each close (when close logs are on).
     *
     * @return the number of sessions closed
     */
    int clearSessions();
}
