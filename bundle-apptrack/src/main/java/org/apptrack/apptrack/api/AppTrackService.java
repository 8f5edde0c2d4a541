package org.apptrack.apptrack.api;

/** Application tracking: sessions from the packets ONOS delivers, and their AppTrack logs. */
public interface AppTrackService {

    /** The counters since AppTrack started (or was last reconfigured). */
    AppTrackCounters counters();

    /**
     * Closes every session with reason {@code CLI}, logging each close (when close logs are on).
     *
     * @return the number of sessions closed
     */
    int clearSessions();
}
