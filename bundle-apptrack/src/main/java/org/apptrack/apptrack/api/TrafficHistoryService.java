package org.apptrack.apptrack.api;

import java.util.List;

/**
 * The short history the dashboard draws: traffic over time and the applications, nested
 * applications, zones and users that carried it, from {@link AppTrackService} (the session table
 * read once a second and one event per closed session, never anything per packet), kept in
 * memory in bounded rings.
 */
public interface TrafficHistoryService {

    /**
     * The name the bytes of a dimension count under once it has as many names as it keeps apart
     * (so that a scan of random users cannot grow the history without bound).
     */
    String OTHER = "(other)";

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

    /**
     * The names of {@code by} with the most bytes over {@code window}, heaviest first (ties by
     * name), at most {@code limit}; names without bytes in the window are left out.
     */
    List<Volume> top(Dimension by, Window window, int limit);
}
