package org.apptrack.apptrack.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.Dimension;
import org.apptrack.apptrack.api.TrafficHistoryService.Window;
import org.apptrack.apptrack.api.TrafficSample;
import org.apptrack.apptrack.api.Volume;

/**
 * The dashboard's history, fed one cumulative reading at a time (about once a second) and kept in
 * bounded rings: one point per reading for the last hour, one point per minute (the minute's
 * average) for the last day, and snapshots of the cumulative bytes per name of each
 * {@link Dimension}, every {@value #RECENT_SNAPSHOT_EVERY} readings for the last five minutes and
 * every {@value #HOURLY_SNAPSHOT_EVERY} for the last hour, so that the bytes of a window are the
 * difference between now and the window's start.
 *
 * <p>Memory: each snapshot holds one long per name, at most {@value #MAX_NAMES} + 1 names per
 * dimension (beyond them bytes count as {@code OTHER}); so at worst about
 * ({@value #RECENT_SNAPSHOTS} + {@value #HOURLY_SNAPSHOTS}) x 5 x 10,001 x 8 bytes, some 38 MB,
 * and a few kilobytes with tens of applications, zones and users.
 *
 * <p>The bytes are AppTrack's own count since the history started (closed sessions plus open
 * ones) and never go back: a reading below the highest one means a session was for a moment read
 * neither open nor closed, so the highest reading stands and nothing is counted twice when the
 * session shows up again. The sessions created are AppTrack's counter, which restarts with a new
 * session limit: a reading below the previous one counts as nothing new, never as negative.
 * Thread-safe: one sampler records, any thread reads.
 */
public final class TrafficHistory {

    /** One point a second for an hour. */
    public static final int FINE_POINTS = 3600;
    /** One point a minute for a day. */
    public static final int COARSE_POINTS = 1440;
    /** The names each dimension keeps apart; see {@link ClosedVolumes}. */
    public static final int MAX_NAMES = 10_000;
    static final int READINGS_PER_MINUTE = 60;
    static final int RECENT_SNAPSHOT_EVERY = 10;
    static final int HOURLY_SNAPSHOT_EVERY = 60;
    /** Five minutes of snapshots, the one just before them (the baseline) and one for a late reading. */
    static final int RECENT_SNAPSHOTS = 300 / RECENT_SNAPSHOT_EVERY + 2;
    /** An hour of snapshots, the one just before it and one for a late reading. */
    static final int HOURLY_SNAPSHOTS = FINE_POINTS / HOURLY_SNAPSHOT_EVERY + 2;
    private static final long FIVE_MINUTES_MILLIS = 5 * 60_000L;

    private final Deque<TrafficSample> fine = new ArrayDeque<>();
    private final Deque<TrafficSample> coarse = new ArrayDeque<>();
    private final Deque<Snapshot> recentSnapshots = new ArrayDeque<>();
    private final Deque<Snapshot> hourlySnapshots = new ArrayDeque<>();
    private final Map<Dimension, NameVolumes> volumes = new EnumMap<>(Dimension.class);

    private long readings;
    private long firstTimeMillis;
    private long lastTimeMillis;
    private long highestBytes;
    private long lastSessionsCreated;
    private double minuteBits;
    private double minuteSessions;
    private int minuteReadings;

    public TrafficHistory() {
        this(MAX_NAMES);
    }

    /** A history that keeps at most {@code maxNames} names apart per dimension. */
    TrafficHistory(int maxNames) {
        for (Dimension d : Dimension.values()) {
            volumes.put(d, new NameVolumes(maxNames));
        }
    }

    /**
     * Records one reading.
     *
     * @param timeMillis when it was taken (milliseconds since the epoch)
     * @param totalBytes bytes of every session so far, both directions
     * @param sessionsCreated sessions created so far
     * @param activeSessions open sessions now
     * @param bytesByName bytes so far per name, per dimension (read, not kept; a dimension
     *     missing, or a name missing in one, keeps what it had)
     */
    public synchronized void record(long timeMillis, long totalBytes, long sessionsCreated, long activeSessions,
                                    Map<Dimension, Map<String, Long>> bytesByName) {
        bytesByName.forEach((d, byName) -> volumes.get(d).record(byName));
        if (readings % RECENT_SNAPSHOT_EVERY == 0) {
            Snapshot s = snapshot(timeMillis);
            add(recentSnapshots, s, RECENT_SNAPSHOTS);
            if (readings % HOURLY_SNAPSHOT_EVERY == 0) {
                add(hourlySnapshots, s, HOURLY_SNAPSHOTS);
            }
        }
        if (readings == 0) {
            firstTimeMillis = timeMillis;
            highestBytes = totalBytes;
        } else {
            double seconds = Math.max(timeMillis - lastTimeMillis, 1) / 1000.0;
            double bits = Math.max(totalBytes - highestBytes, 0) * 8 / seconds;
            double sessions = Math.max(sessionsCreated - lastSessionsCreated, 0) / seconds;
            add(fine, new TrafficSample(timeMillis, bits, sessions, activeSessions), FINE_POINTS);
            minuteBits += bits;
            minuteSessions += sessions;
            if (++minuteReadings == READINGS_PER_MINUTE) {
                add(coarse, new TrafficSample(timeMillis, minuteBits / minuteReadings,
                        minuteSessions / minuteReadings, activeSessions), COARSE_POINTS);
                minuteBits = 0;
                minuteSessions = 0;
                minuteReadings = 0;
            }
            highestBytes = Math.max(highestBytes, totalBytes);
        }
        readings++;
        lastTimeMillis = timeMillis;
        lastSessionsCreated = sessionsCreated;
    }

    /**
     * Traffic over {@code window}, oldest first. Since start is the per-second points while they
     * still reach back to the first reading, else the per-minute ones.
     */
    public synchronized List<TrafficSample> traffic(Window window) {
        switch (window) {
            case FIVE_MINUTES:
                List<TrafficSample> recent = new ArrayList<>();
                for (TrafficSample s : fine) {
                    if (s.timeMillis() > lastTimeMillis - FIVE_MINUTES_MILLIS) {
                        recent.add(s);
                    }
                }
                return recent;
            case ONE_HOUR:
                return new ArrayList<>(fine);
            default:
                return readings <= FINE_POINTS ? new ArrayList<>(fine) : new ArrayList<>(coarse);
        }
    }

    /**
     * The names of {@code by} with the most bytes over {@code window}, heaviest first, ties by
     * name: the latest bytes less those of the newest snapshot at or before the window's start
     * (the oldest snapshot when the history is shorter than the window). Since start needs no
     * baseline: the readings are cumulative since the history started.
     */
    public synchronized List<Volume> top(Dimension by, Window window, int limit) {
        long[] baseline = window == Window.SINCE_START ? new long[0] : baseline(by, window);
        List<Volume> top = volumes.get(by).since(baseline);
        top.sort((a, b) -> a.bytes() != b.bytes() ? Long.compare(b.bytes(), a.bytes()) : a.name().compareTo(b.name()));
        return top.size() > limit ? new ArrayList<>(top.subList(0, Math.max(limit, 0))) : top;
    }

    /** When the first reading was taken (0 before any). */
    public synchronized long firstTimeMillis() {
        return firstTimeMillis;
    }

    /** Names {@code by} keeps apart, the one that collects the rest included. */
    synchronized int names(Dimension by) {
        return volumes.get(by).size();
    }

    synchronized int snapshotCount() {
        return recentSnapshots.size() + hourlySnapshots.size();
    }

    private Snapshot snapshot(long timeMillis) {
        Map<Dimension, long[]> bytes = new EnumMap<>(Dimension.class);
        volumes.forEach((d, v) -> bytes.put(d, v.snapshot()));
        return new Snapshot(timeMillis, bytes);
    }

    private long[] baseline(Dimension by, Window window) {
        boolean recent = window == Window.FIVE_MINUTES;
        Deque<Snapshot> ring = recent ? recentSnapshots : hourlySnapshots;
        long start = lastTimeMillis - (recent ? FIVE_MINUTES_MILLIS : FINE_POINTS * 1000L);
        Snapshot baseline = ring.peekFirst();
        if (baseline == null) {
            return new long[0];
        }
        for (Snapshot s : ring) {
            if (s.timeMillis > start) {
                break;
            }
            baseline = s;
        }
        return baseline.bytes.get(by);
    }

    private static <T> void add(Deque<T> ring, T value, int capacity) {
        if (ring.size() == capacity) {
            ring.removeFirst();
        }
        ring.addLast(value);
    }

    /** Cumulative bytes per name index of each dimension at one time. */
    private static final class Snapshot {
        final long timeMillis;
        final Map<Dimension, long[]> bytes;

        Snapshot(long timeMillis, Map<Dimension, long[]> bytes) {
            this.timeMillis = timeMillis;
            this.bytes = bytes;
        }
    }
}
