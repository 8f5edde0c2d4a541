package org.apptrack.apptrack.api;

import java.util.List;

/**
 * The short history the dashboard draws: traffic over time and the applications that carried it,
 * sampled once a second from {@link AppTrackService} and {@link ApplicationIdentificationService}
 * (never per packet), kept in memory in bounded rings.
 */
public interface TrafficHistoryService {

    /** How far back a query looks. */
    enum Window {
        /** The last five minutes, one point a second. */
        FIVE_MINUTES,
        /** The last hour, one point a second. */
        ONE_HOUR,
        /** Since AppTrack started, one point a minute (at most the last day of them). */
        SINCE_START
    }

    /** Traffic over {@code window}, oldest first. */
    List<TrafficSample> traffic(Window window);

    /** The applications with the most bytes over {@code window}, heaviest first, at most {@code limit}. */
    List<ApplicationVolume> topApplications(Window window, int limit);
}
