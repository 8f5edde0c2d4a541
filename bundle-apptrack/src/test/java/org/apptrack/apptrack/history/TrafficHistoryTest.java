package org.apptrack.apptrack.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.ApplicationVolume;
import org.apptrack.apptrack.api.TrafficHistoryService.Window;
import org.apptrack.apptrack.api.TrafficSample;
import org.junit.jupiter.api.Test;

class TrafficHistoryTest {

    private static final long T0 = 1_800_000_000_000L;

    @Test
    void ratesAreTheDifferencesOfCumulativeReadingsOverTheElapsedTime() {
        TrafficHistory h = new TrafficHistory();
        h.record(T0, 1000, 5, 5, Map.of());
        h.record(T0 + 1000, 2000, 7, 6, Map.of());
        h.record(T0 + 3000, 4000, 11, 4, Map.of());

        List<TrafficSample> points = h.traffic(Window.FIVE_MINUTES);
        assertEquals(2, points.size());
        assertEquals(8000, points.get(0).bitsPerSecond(), 1e-9);
        assertEquals(2, points.get(0).sessionsPerSecond(), 1e-9);
        assertEquals(6, points.get(0).activeSessions());
        // two seconds between the readings: half the difference a second
        assertEquals(8000, points.get(1).bitsPerSecond(), 1e-9);
        assertEquals(2, points.get(1).sessionsPerSecond(), 1e-9);
        assertEquals(T0 + 3000, points.get(1).timeMillis());
    }

    @Test
    void countersThatRestartCountAsNoTrafficNotNegative() {
        TrafficHistory h = new TrafficHistory();
        h.record(T0, 5000, 50, 10, Map.of());
        h.record(T0 + 1000, 100, 1, 1, Map.of());
        TrafficSample p = h.traffic(Window.ONE_HOUR).get(0);
        assertEquals(0, p.bitsPerSecond(), 1e-9);
        assertEquals(0, p.sessionsPerSecond(), 1e-9);
    }

    @Test
    void theFineRingKeepsTheLastHourAndFiveMinutesIsItsTail() {
        TrafficHistory h = feed(2 * TrafficHistory.FINE_POINTS);
        List<TrafficSample> hour = h.traffic(Window.ONE_HOUR);
        assertEquals(TrafficHistory.FINE_POINTS, hour.size());
        assertEquals(T0 + (2L * TrafficHistory.FINE_POINTS - 1) * 1000, hour.get(hour.size() - 1).timeMillis());
        assertEquals(T0 + (long) TrafficHistory.FINE_POINTS * 1000, hour.get(0).timeMillis());

        List<TrafficSample> five = h.traffic(Window.FIVE_MINUTES);
        assertEquals(300, five.size());
        assertEquals(hour.subList(hour.size() - 300, hour.size()), five);
    }

    @Test
    void sinceStartIsPerSecondWhileItFitsThenPerMinuteAverages() {
        TrafficHistory young = feed(600);
        assertEquals(599, young.traffic(Window.SINCE_START).size());

        TrafficHistory old = feed(TrafficHistory.FINE_POINTS + 601);
        List<TrafficSample> minutes = old.traffic(Window.SINCE_START);
        assertEquals((TrafficHistory.FINE_POINTS + 600) / 60, minutes.size());
        // feed(): reading i carries i*100 bytes in total, so every second is 800 b/s
        for (TrafficSample m : minutes) {
            assertEquals(800, m.bitsPerSecond(), 1e-9);
        }
        assertEquals(60_000, minutes.get(1).timeMillis() - minutes.get(0).timeMillis());
    }

    @Test
    void theCoarseRingIsBounded() {
        TrafficHistory h = feed((TrafficHistory.COARSE_POINTS + 10) * 60 + 1);
        assertEquals(TrafficHistory.COARSE_POINTS, h.traffic(Window.SINCE_START).size());
    }

    @Test
    void topApplicationsOfAWindowAreTheBytesSinceItsStartHeaviestFirst() {
        TrafficHistory h = new TrafficHistory();
        // ten minutes: "old" sends only in the first minute, "new" only in the last two
        for (int s = 0; s <= 600; s++) {
            long old = Math.min(s, 60) * 1000L;
            long recent = Math.max(s - 480, 0) * 10L;
            long steady = s * 3L;
            h.record(T0 + s * 1000L, old + recent + steady, 0, 0, Map.of("old", old, "new", recent, "steady", steady));
        }
        List<ApplicationVolume> five = h.topApplications(Window.FIVE_MINUTES, 10);
        assertEquals(List.of("new", "steady"), names(five));
        assertEquals(120 * 10, five.get(0).bytes());
        assertEquals(300 * 3, five.get(1).bytes());

        // the history is shorter than an hour: from its first reading
        assertEquals(List.of("old", "steady", "new"), names(h.topApplications(Window.ONE_HOUR, 10)));
        assertEquals(60_000, h.topApplications(Window.ONE_HOUR, 10).get(0).bytes());
        assertEquals(List.of("old"), names(h.topApplications(Window.SINCE_START, 1)));
    }

    @Test
    void sinceStartCountsWhatCameBeforeTheFirstReading() {
        TrafficHistory h = new TrafficHistory();
        h.record(T0, 500, 0, 0, Map.of("a", 500L));
        h.record(T0 + 1000, 700, 0, 0, Map.of("a", 700L));
        assertEquals(700, h.topApplications(Window.SINCE_START, 5).get(0).bytes());
        assertEquals(200, h.topApplications(Window.FIVE_MINUTES, 5).get(0).bytes());
    }

    @Test
    void theSnapshotsAreBoundedAndStillCoverTheHour() {
        TrafficHistory h = new TrafficHistory();
        int seconds = 3 * TrafficHistory.FINE_POINTS;
        for (int s = 0; s <= seconds; s++) {
            h.record(T0 + s * 1000L, s, 0, 0, Map.of("a", (long) s));
        }
        assertEquals(TrafficHistory.FINE_POINTS, h.topApplications(Window.ONE_HOUR, 1).get(0).bytes());
        assertEquals(300, h.topApplications(Window.FIVE_MINUTES, 1).get(0).bytes());
        assertTrue(h.snapshotCount() <= TrafficHistory.SNAPSHOTS);
    }

    /** {@code n} readings a second apart, reading i with i*100 bytes and i sessions in total. */
    private static TrafficHistory feed(int n) {
        TrafficHistory h = new TrafficHistory();
        for (int i = 0; i < n; i++) {
            h.record(T0 + i * 1000L, i * 100L, i, 1, Map.of());
        }
        return h;
    }

    private static List<String> names(List<ApplicationVolume> volumes) {
        return volumes.stream().map(ApplicationVolume::application).collect(java.util.stream.Collectors.toList());
    }
}
