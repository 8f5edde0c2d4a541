package org.apptrack.apptrack.engine;

/**
 * Decides, when a flow's first packet arrives, whether AppTrack tracks it and under which policy
 * (zone pair): the engine stores the returned index in the session
 * ({@code SessionTable.policy}) and creates no session for a negative answer.
 */
public interface PolicyResolver {

    /** The flow's addresses belong to no configured zone. */
    int NO_ZONE = -1;
    /** AppTrack is disabled for the flow's zones (or globally). */
    int NOT_TRACKED = -2;

    /**
     * @param ingressZone the zone of the interface the packet came in on, or -1 when unknown
     * @return the policy index (0..65535), {@link #NO_ZONE} or {@link #NOT_TRACKED}
     */
    int resolve(int ingressZone, long clientHigh, long clientLow, long serverHigh, long serverLow);

    /** Tracks every flow under policy 0 (tests, benchmarks, a configuration without zones). */
    PolicyResolver TRACK_ALL = (ingressZone, clientHigh, clientLow, serverHigh, serverLow) -> 0;
}
