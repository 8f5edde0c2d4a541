package org.apptrack.apptrack.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.ApplicationVolume;
import org.apptrack.apptrack.api.TrafficHistoryService.Window;
import org.apptrack.apptrack.api.TrafficSample;

/**
 * The dashboard's history, fed one cumulative reading at a time (about once a second) and kept in
 * bounded rings: one point per reading for the last hour, one point per minute (the minute's
 * average) for the last day, and the cumulative bytes per application every
 * {@value #SNAPSHOT_EVERY} readings for the last hour, so that the bytes of a window are the
 * difference between now and the window's start.
 *
 * <p>Readings are cumulative because that is what AppTrack counts; a reading below the previous
 * one (the counters restarted) counts as nothing new, never as negative traffic.
 * Thread-safe: one sampler records, any thread reads.
 */
public final class TrafficHistory {

    /** One point a second for an hour. */
    public static final int FINE_POINTS = 3600;
    /** One point a minute for a day. */
    public static final int COARSE_POINTS = 1440;
    static final int READINGS_PER_MINUTE = 60;
    static final int SNAPSHOT_EVERY = 10;
    /** An hour of snapshots and the one just before it: the baseline of the whole hour. */
    static final int SNAPSHOTS = FINE_POINTS / SNAPSHOT_EVERY + 1;
    private static final long FIVE_MINUTES_MILLIS = 5 * 60_000L;

    private final Deque<TrafficSample> fine = new ArrayDeque<>();
    private final Deque<TrafficSample> coarse = new ArrayDeque<>();
    private final Deque<Snapshot> snapshots = new ArrayDeque<>();
    private Map<String, Long> latestBytesByApplication = Map.of();

    private long readings;
    private long firstTimeMillis;
    private long lastTimeMillis;
    private long lastBytes;
    private long lastSessionsCreated;
    private double minuteBits;
    private double minuteSessions;
    private int minuteReadings;

    /**
     * Records one reading.
     *
     * @param timeMillis when it was taken (milliseconds since the epoch)
     * @param totalBytes bytes of every session so far, both directions
     * @param sessionsCreated sessions created so far
     * @param activeSessions open sessions now
     * @param bytesByApplication bytes so far per application (the map is copied)
     */
    public synchronized void record(long timeMillis, long totalBytes, long sessionsCreated, long activeSessions,
                                    Map<String, Long> bytesByApplication) {
        latestBytesByApplication = Map.copyOf(bytesByApplication);
        if (readings % SNAPSHOT_EVERY == 0) {
            add(snapshots, new Snapshot(timeMillis, latestBytesByApplication), SNAPSHOTS);
        }
        if (readings == 0) {
            firstTimeMillis = timeMillis;
        } else {
            double seconds = Math.max(timeMillis - lastTimeMillis, 1) / 1000.0;
            double bits = Math.max(totalBytes - lastBytes, 0) * 8 / seconds;
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
        }
        readings++;
        lastTimeMillis = timeMillis;
        lastBytes = totalBytes;
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
     * The applications with the most bytes over {@code window}, heaviest first: the latest bytes
     * less those of the newest snapshot at or before the window's start (the oldest snapshot when
     * the history is shorter than the window). Since start needs no baseline: the readings are
     * cumulative since AppTrack started.
     */
    public synchronized List<ApplicationVolume> topApplications(Window window, int limit) {
        Map<String, Long> baseline = window == Window.SINCE_START ? Map.of() : baseline(start(window));
        List<ApplicationVolume> top = new ArrayList<>();
        for (Map.Entry<String, Long> e : latestBytesByApplication.entrySet()) {
            long bytes = e.getValue() - baseline.getOrDefault(e.getKey(), 0L);
            if (bytes > 0) {
                top.add(new ApplicationVolume(e.getKey(), bytes));
            }
        }
        top.sort((a, b) -> a.bytes() != b.bytes() ? Long.compare(b.bytes(), a.bytes())
                : a.application().compareTo(b.application()));
        return top.size() > limit ? new ArrayList<>(top.subList(0, Math.max(limit, 0))) : top;
    }

    /** When the first reading was taken (0 before any). */
    public synchronized long firstTimeMillis() {
        return firstTimeMillis;
    }

    synchronized int snapshotCount() {
        return snapshots.size();
    }

    private long start(Window window) {
        return lastTimeMillis - (window == Window.FIVE_MINUTES ? FIVE_MINUTES_MILLIS : FINE_POINTS * 1000L);
    }

    private Map<String, Long> baseline(long startMillis) {
        Map<String, Long> baseline = snapshots.isEmpty() ? Map.of() : snapshots.peekFirst().bytesByApplication;
        for (Iterator<Snapshot> it = snapshots.iterator(); it.hasNext(); ) {
            Snapshot s = it.next();
            if (s.timeMillis > startMillis) {
                break;
            }
            baseline = s.bytesByApplication;
        }
        return baseline;
    }

    private static <T> void add(Deque<T> ring, T value, int capacity) {
        if (ring.size() == capacity) {
            ring.removeFirst();
        }
        ring.addLast(value);
    }

    /** Cumulative bytes per application at one time. */
    private static final class Snapshot {
        final long timeMillis;
        final Map<String, Long> bytesByApplication;

        Snapshot(long timeMillis, Map<String, Long> bytesByApplication) {
            this.timeMillis = timeMillis;
            this.bytesByApplication = bytesByApplication; // immutable: record() copies it
        }
    }
}
