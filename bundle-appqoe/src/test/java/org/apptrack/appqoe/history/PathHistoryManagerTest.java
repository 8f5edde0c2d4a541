package org.apptrack.appqoe.history;

import static org.apptrack.appqoe.history.PathHistoryStoreTest.path;
import static org.apptrack.appqoe.history.PathHistoryStoreTest.period;
import static org.apptrack.appqoe.history.PathHistoryStoreTest.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.api.PathHistory;
import org.apptrack.appqoe.api.PathHistoryService;
import org.apptrack.appqoe.api.PathHistoryService.Window;
import org.apptrack.appqoe.testing.FakeAppQoeService;
import org.junit.jupiter.api.Test;

/** The component reading a fake AppQoE, with a manual clock for the windows. */
class PathHistoryManagerTest {

    private static final long T0 = 1_700_000_000_000L;

    private final FakeAppQoeService appQoe = new FakeAppQoeService();
    private long now = T0;
    private final PathHistoryManager manager = new PathHistoryManager(appQoe, () -> now * 1_000_000L);

    /** AppQoE closes a period of {@code rtt} at {@code now}, then the sampler reads it. */
    private void close(long rtt) {
        appQoe.paths.clear();
        appQoe.paths.add(path("g1", "p1", period(now, rtt), state("met")));
        manager.sample();
    }

    @Test
    void windowsEndNowAndReachFiveMinutesOrAnHourBack() {
        for (int minute = 0; minute <= 120; minute++) {
            close(minute);
            now += 60_000;
        }
        now -= 60_000; // the last period closed now
        PathHistory fiveMinutes = manager.history(null, Window.FIVE_MINUTES).get(0);
        assertEquals(6, fiveMinutes.size(), "minutes 115..120");
        assertEquals(115, fiveMinutes.rttMeanMicros(0));
        assertEquals(120, fiveMinutes.rttMeanMicros(5));
        PathHistory hour = manager.history("g1", Window.ONE_HOUR).get(0);
        assertEquals(61, hour.size(), "minutes 60..120");
        assertEquals(60, hour.rttMeanMicros(0));

        now += 10 * 60_000; // AppQoE stopped measuring ten minutes ago
        assertEquals(0, manager.history(null, Window.FIVE_MINUTES).get(0).size());
        assertEquals(51, manager.history(null, Window.ONE_HOUR).get(0).size());
    }

    @Test
    void atMostMaxPointsPerPath() {
        int periods = PathHistoryService.MAX_POINTS + 50;
        for (int p = 1; p <= periods; p++) {
            now += 500; // half a second apart, so that more than MAX_POINTS fit in the hour
            close(p);
        }
        PathHistory h = manager.history(null, Window.ONE_HOUR).get(0);
        assertEquals(PathHistoryService.MAX_POINTS, h.size());
        assertEquals(51, h.rttMeanMicros(0), "the oldest went");
        assertEquals(periods, h.rttMeanMicros(h.size() - 1));
    }

    @Test
    void withAppQoeDisabledNoPathsRemain() {
        close(10_000);
        appQoe.paths.clear();
        manager.sample();
        assertTrue(manager.history(null, Window.ONE_HOUR).isEmpty());
    }

    @Test
    void aFailingReadingIsSkipped() {
        close(10_000);
        AppQoeService busy = mock(AppQoeService.class);
        when(busy.paths()).thenThrow(new IllegalStateException("AppQoE is busy"));
        PathHistoryManager failing = new PathHistoryManager(busy, () -> now * 1_000_000L);
        failing.sample();
        assertTrue(failing.history(null, Window.FIVE_MINUTES).isEmpty(), "nothing thrown, nothing recorded");
        doReturn(appQoe.paths()).when(busy).paths();
        failing.sample();
        assertEquals(1, failing.history(null, Window.FIVE_MINUTES).get(0).size(), "the next reading records");
    }
}
