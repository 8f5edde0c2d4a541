package org.apptrack.appqoe.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RttWindowTest {

    @Test
    void meanAndNearestRankP95() {
        RttWindow w = new RttWindow(128);
        for (int i = 100; i >= 1; i--) {
            w.add(i * 10L);
        }
        assertEquals(505, w.meanMicros());
        assertEquals(950, w.p95Micros());
    }

    @Test
    void boundedWindowKeepsTheMeanOfAllAndThePercentileOfTheRecent() {
        RttWindow w = new RttWindow(10);
        for (int i = 0; i < 10; i++) {
            w.add(100_000);
        }
        for (int i = 0; i < 10; i++) {
            w.add(1_000);
        }
        assertEquals(20, w.samples());
        assertEquals(50_500, w.meanMicros());
        assertEquals(1_000, w.p95Micros());
        w.clear();
        assertEquals(0, w.meanMicros());
        assertEquals(0, w.p95Micros());
    }
}
