package org.apptrack.appqoe.api;

import java.util.List;

/**
 * The short history the dashboard draws: per path of each destination group, one point per closed
 * sampling period (the figures of {@link PathStatus#lastPeriod()} and the state under the path's
 * first SLA rule), read from {@link AppQoeService} about once a second, never per packet, and
 * kept in memory in bounded rings. The history of a path that a new configuration removes is
 * dropped with it.
 */
public interface PathHistoryService {

    /** Points kept per path: an hour of the shortest sampling period, longer with longer ones. */
    int MAX_POINTS = 3600;

    /** How far back a query looks. */
    enum Window {
        /** The last five minutes. */
        FIVE_MINUTES(5 * 60_000L),
        /** The last hour. */
        ONE_HOUR(60 * 60_000L);

        private final long millis;

        Window(long millis) {
            this.millis = millis;
        }

        public long millis() {
            return millis;
        }
    }

    /**
     * The paths of {@code group} (every group when null), in configuration order, each with its
     * points of the last {@code window}, oldest first; empty for a group that does not exist.
     */
    List<PathHistory> history(String group, Window window);
}
