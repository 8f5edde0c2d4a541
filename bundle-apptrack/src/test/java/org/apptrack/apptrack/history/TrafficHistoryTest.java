package org.apptrack.apptrack.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.Dimension;
import org.apptrack.apptrack.api.TrafficHistoryService;
import org.apptrack.apptrack.api.TrafficHistoryService.Window;
import org.apptrack.apptrack.api.TrafficSample;
import org.apptrack.apptrack.api.Volume;
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
            h.record(T0 + s * 1000L, old + recent + steady, 0, 0,
                    Map.of(Dimension.APPLICATION, Map.of("old", old, "new", recent, "steady", steady)));
        }
        List<Volume> five = h.top(Dimension.APPLICATION, Window.FIVE_MINUTES, 10);
        assertEquals(List.of("new", "steady"), names(five));
        assertEquals(120 * 10, five.get(0).bytes());
        assertEquals(300 * 3, five.get(1).bytes());

        // the history is shorter than an hour: from its first reading
        assertEquals(List.of("old", "steady", "new"), names(h.top(Dimension.APPLICATION, Window.ONE_HOUR, 10)));
        assertEquals(60_000, h.top(Dimension.APPLICATION, Window.ONE_HOUR, 10).get(0).bytes());
        assertEquals(List.of("old"), names(h.top(Dimension.APPLICATION, Window.SINCE_START, 1)));
    }

    @Test
    void sinceStartCountsWhatCameBeforeTheFirstReading() {
        TrafficHistory h = new TrafficHistory();
        h.record(T0, 500, 0, 0, apps("a", 500L));
        h.record(T0 + 1000, 700, 0, 0, apps("a", 700L));
        assertEquals(700, h.top(Dimension.APPLICATION, Window.SINCE_START, 5).get(0).bytes());
        assertEquals(200, h.top(Dimension.APPLICATION, Window.FIVE_MINUTES, 5).get(0).bytes());
    }

    @Test
    void theSnapshotsAreBoundedAndStillCoverTheHour() {
        TrafficHistory h = new TrafficHistory();
        int seconds = 3 * TrafficHistory.FINE_POINTS;
        for (int s = 0; s <= seconds; s++) {
            h.record(T0 + s * 1000L, s, 0, 0, apps("a", (long) s));
        }
        assertEquals(TrafficHistory.FINE_POINTS, h.top(Dimension.APPLICATION, Window.ONE_HOUR, 1).get(0).bytes());
        assertEquals(300, h.top(Dimension.APPLICATION, Window.FIVE_MINUTES, 1).get(0).bytes());
        assertTrue(h.snapshotCount() <= TrafficHistory.RECENT_SNAPSHOTS + TrafficHistory.HOURLY_SNAPSHOTS);
    }

    @Test
    void eachDimensionHasItsOwnTopAndWindows() {
        TrafficHistory h = new TrafficHistory();
        // ten minutes: alice (trust to untrust) sends in the first minute, bob (trust to dmz) in the last two
        for (int s = 0; s <= 600; s++) {
            long alice = Math.min(s, 60) * 100L;
            long bob = Math.max(s - 480, 0) * 10L;
            h.record(T0 + s * 1000L, alice + bob, 0, 0, Map.of(
                    Dimension.USER, Map.of("alice", alice, "bob", bob),
                    Dimension.SOURCE_ZONE, Map.of("trust", alice + bob),
                    Dimension.DESTINATION_ZONE, Map.of("untrust", alice, "dmz", bob)));
        }
        assertEquals("[alice=6000, bob=1200]", h.top(Dimension.USER, Window.SINCE_START, 10).toString());
        assertEquals("[bob=1200]", h.top(Dimension.USER, Window.FIVE_MINUTES, 10).toString());
        assertEquals("[trust=7200]", h.top(Dimension.SOURCE_ZONE, Window.ONE_HOUR, 10).toString());
        assertEquals("[trust=1200]", h.top(Dimension.SOURCE_ZONE, Window.FIVE_MINUTES, 10).toString());
        assertEquals("[dmz=1200]", h.top(Dimension.DESTINATION_ZONE, Window.FIVE_MINUTES, 10).toString());
        assertEquals("[]", h.top(Dimension.APPLICATION, Window.SINCE_START, 10).toString());
    }

    @Test
    void tiesAreOrderedByNameAndTheLimitCuts() {
        TrafficHistory h = new TrafficHistory();
        h.record(T0, 0, 0, 0, apps("b", 5L, "c", 9L, "a", 5L, "d", 1L));
        assertEquals("[c=9, a=5, b=5]", h.top(Dimension.APPLICATION, Window.SINCE_START, 3).toString());
    }

    @Test
    void aNameWhoseBytesGoBackKeepsItsHighestAndNoWindowIsNegative() {
        TrafficHistory h = new TrafficHistory();
        // a's session closed between the table and its close event: for a second it is read nowhere
        h.record(T0, 1010, 0, 0, apps("a", 1000L, "b", 10L));
        h.record(T0 + 1000, 300, 0, 0, apps("a", 200L, "b", 100L));
        assertEquals("[a=1000, b=100]", h.top(Dimension.APPLICATION, Window.SINCE_START, 5).toString());
        assertEquals("[b=90]", h.top(Dimension.APPLICATION, Window.FIVE_MINUTES, 5).toString());
        // its close heard: a's bytes again, plus 50 more; counted once
        h.record(T0 + 2000, 1250, 0, 0, apps("a", 1050L, "b", 200L));
        assertEquals("[a=1050, b=200]", h.top(Dimension.APPLICATION, Window.SINCE_START, 5).toString());
        assertEquals("[b=190, a=50]", h.top(Dimension.APPLICATION, Window.FIVE_MINUTES, 5).toString());
        List<TrafficSample> points = h.traffic(Window.FIVE_MINUTES);
        assertEquals(0, points.get(0).bitsPerSecond(), 1e-9);
        assertEquals(240 * 8, points.get(1).bitsPerSecond(), 1e-9);
    }

    @Test
    void namesBeyondTheBoundCountAsOtherPerDimension() {
        TrafficHistory h = new TrafficHistory(3);
        h.record(T0, 0, 0, 0, Map.of(Dimension.USER, Map.of("u1", 10L, "u2", 20L, "u3", 30L),
                Dimension.SOURCE_ZONE, Map.of("trust", 60L)));
        h.record(T0 + 1000, 0, 0, 0, Map.of(Dimension.USER, Map.of("u1", 10L, "u2", 20L, "u3", 30L, "u4", 4L, "u5", 5L),
                Dimension.SOURCE_ZONE, Map.of("trust", 60L, "dmz", 9L)));
        assertEquals("[u3=30, u2=20, u1=10, " + TrafficHistoryService.OTHER + "=9]",
                h.top(Dimension.USER, Window.SINCE_START, 10).toString());
        assertEquals("[" + TrafficHistoryService.OTHER + "=9]", h.top(Dimension.USER, Window.FIVE_MINUTES, 10).toString());
        assertEquals(4, h.names(Dimension.USER));
        assertEquals("[trust=60, dmz=9]", h.top(Dimension.SOURCE_ZONE, Window.SINCE_START, 10).toString());

        // a scan of ever new users (the readings are cumulative): the names stay bounded, the bytes all count
        Map<String, Long> users = new java.util.HashMap<>(Map.of("u1", 10L, "u2", 20L, "u3", 30L, "u4", 4L, "u5", 5L));
        for (int s = 2; s < 1000; s++) {
            users.put("scan" + s, 1L);
            h.record(T0 + s * 1000L, 0, 0, 0, Map.of(Dimension.USER, users));
        }
        assertEquals(4, h.names(Dimension.USER));
        assertEquals("[" + TrafficHistoryService.OTHER + "=1007, u3=30, u2=20, u1=10]",
                h.top(Dimension.USER, Window.SINCE_START, 10).toString());
        assertEquals("[" + TrafficHistoryService.OTHER + "=309]", h.top(Dimension.USER, Window.FIVE_MINUTES, 10).toString());
    }

    /** {@code n} readings a second apart, reading i with i*100 bytes and i sessions in total. */
    private static TrafficHistory feed(int n) {
        TrafficHistory h = new TrafficHistory();
        for (int i = 0; i < n; i++) {
            h.record(T0 + i * 1000L, i * 100L, i, 1, Map.of());
        }
        return h;
    }

    private static Map<Dimension, Map<String, Long>> apps(Object... nameThenBytes) {
        Map<String, Long> bytes = new java.util.HashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            bytes.put((String) nameThenBytes[i], (Long) nameThenBytes[i + 1]);
        }
        return Map.of(Dimension.APPLICATION, bytes);
    }

    private static List<String> names(List<Volume> volumes) {
        return volumes.stream().map(Volume::name).collect(java.util.stream.Collectors.toList());
    }
}
