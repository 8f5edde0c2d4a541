package org.apptrack.apptrack.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.ApplicationStatistics;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.SessionEventListener;
import org.apptrack.apptrack.engine.classify.ApplicationCatalog;
import org.apptrack.apptrack.engine.session.SessionSideTable;
import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * Sessions, packets and bytes per (application, nested application), counted when each session
 * closes, since the start and in the current interval (Junos statistics interval, one day by
 * default). The engine's thread writes it (as a session listener); queries run under the same
 * lock.
 */
public final class ApplicationStatisticsTable implements SessionEventListener {

    private static final int SESSIONS = 0;
    private static final int PACKETS = 1;
    private static final int BYTES = 2;

    private final long intervalNanos;
    private SessionSideTable side;
    private final Map<Integer, long[]> sinceStart = new HashMap<>();
    private final Map<Integer, long[]> interval = new HashMap<>();
    private long intervalStart = Long.MIN_VALUE;

    public ApplicationStatisticsTable(long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalNanos);
        }
        this.intervalNanos = intervalNanos;
    }

    /** The side table of the engine this listens to, where the sessions' applications are. */
    public void bind(SessionSideTable sideTable) {
        this.side = sideTable;
    }

    @Override
    public void sessionCreated(SessionTable table, int session) {
    }

    @Override
    public void sessionUpdated(SessionTable table, int session) {
    }

    @Override
    public void sessionClosed(SessionTable table, int s, CloseReason reason) {
        long now = table.lastSeenNanos(s);
        roll(now);
        int key = side.applicationId(s) << 16 | side.nestedApplicationId(s);
        long packets = (long) table.clientPackets(s) + table.serverPackets(s);
        long bytes = table.clientBytes(s) + table.serverBytes(s);
        add(sinceStart, key, packets, bytes);
        add(interval, key, packets, bytes);
    }

    private static void add(Map<Integer, long[]> counts, int key, long packets, long bytes) {
        long[] c = counts.computeIfAbsent(key, k -> new long[3]);
        c[SESSIONS]++;
        c[PACKETS] += packets;
        c[BYTES] += bytes;
    }

    /** Starts a new interval when {@code now} is past the current one. */
    public void roll(long now) {
        if (intervalStart == Long.MIN_VALUE) {
            intervalStart = now;
        } else if (now - intervalStart >= intervalNanos) {
            interval.clear();
            intervalStart = now - (now - intervalStart) % intervalNanos;
        }
    }

    /** The rows, the most bytes first, names from {@code catalog}. */
    public List<ApplicationStatistics> rows(boolean sinceStartRows, ApplicationCatalog catalog) {
        List<ApplicationStatistics> rows = new ArrayList<>();
        (sinceStartRows ? sinceStart : interval).forEach((key, c) -> rows.add(new ApplicationStatistics(
                catalog.application(key >>> 16), catalog.application(key & 0xffff), c[SESSIONS], c[PACKETS],
                c[BYTES])));
        rows.sort(Comparator.comparingLong(ApplicationStatistics::bytes).reversed()
                .thenComparing(ApplicationStatistics::application).thenComparing(ApplicationStatistics::nestedApplication));
        return rows;
    }
}
