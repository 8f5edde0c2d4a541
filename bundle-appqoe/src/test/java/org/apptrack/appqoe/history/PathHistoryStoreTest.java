package org.apptrack.appqoe.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apptrack.appqoe.api.PathHistory;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.PeriodFigures;
import org.apptrack.appqoe.api.SlaState;
import org.apptrack.appqoe.api.SlaTargets;
import org.junit.jupiter.api.Test;

/** The store fed with readings as the sampler takes them, times given by hand. */
class PathHistoryStoreTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long NM = PeriodFigures.NOT_MEASURED;
    private static final SlaTargets VOICE = new SlaTargets(50_000, 10_000, "ingress", 1.0, "all");

    /** Above the rings' initial size, so that growing is tested too. */
    private static final int CAPACITY = 100;

    private final PathHistoryStore store = new PathHistoryStore(CAPACITY);

    static PeriodFigures period(long endMillis, long rtt) {
        return new PeriodFigures(rtt, rtt + 5_000, 1_000, 400, 600, 50, 1, 2.0, endMillis);
    }

    static PathStatus path(String group, String name, PeriodFigures last, SlaState... sla) {
        return new PathStatus(group, name, "if-" + name, "", 1, 1, last, List.of(sla));
    }

    static SlaState state(String state) {
        return new SlaState("sla-voice", "mp-voice", state.equals("met"), state.equals("dead"),
                state.equals("met") ? 0 : 4, state.equals("met") ? 0 : T0, VOICE);
    }

    private static List<Long> times(PathHistory h) {
        List<Long> t = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            t.add(h.timeMillis(i) - T0);
        }
        return t;
    }

    @Test
    void eachClosedPeriodIsOnePointOldestFirstHoweverOftenItIsRead() {
        store.record(List.of(path("g1", "p1", PeriodFigures.NONE, state("met"))));
        for (int period = 1; period <= 3; period++) {
            for (int reading = 0; reading < 3; reading++) {
                store.record(List.of(path("g1", "p1", period(T0 + period * 2000, 10_000 * period),
                        state(period == 2 ? "violated" : "met"))));
            }
        }
        List<PathHistory> all = store.history(null, 0);
        assertEquals(1, all.size());
        PathHistory h = all.get(0);
        assertEquals("g1", h.group());
        assertEquals("p1", h.path());
        assertEquals("if-p1", h.interfaceName());
        assertEquals(VOICE, h.targets());
        assertEquals(List.of(2000L, 4000L, 6000L), times(h), "no point before the first close, one per period");
        assertEquals(20_000, h.rttMeanMicros(1));
        assertEquals(25_000, h.rttP95Micros(1));
        assertEquals(1_000, h.twoWayJitterMicros(1));
        assertEquals(400, h.ingressJitterMicros(1));
        assertEquals(600, h.egressJitterMicros(1));
        assertEquals(2.0, h.lossPercent(1));
        assertEquals("met", h.state(0));
        assertEquals("violated", h.state(1));
        assertEquals("met", h.state(2));
    }

    @Test
    void notMeasuredFiguresAndAMissingLossVerdictStayAsTheyAre() {
        store.record(List.of(path("g1", "p1", new PeriodFigures(NM, NM, NM, NM, NM, 0, 0, -1, T0 + 2000),
                state("dead"))));
        PathHistory h = store.history("g1", 0).get(0);
        assertEquals(1, h.size());
        assertEquals(NM, h.rttMeanMicros(0));
        assertEquals(NM, h.rttP95Micros(0));
        assertEquals(NM, h.twoWayJitterMicros(0));
        assertEquals(NM, h.ingressJitterMicros(0));
        assertEquals(NM, h.egressJitterMicros(0));
        assertEquals(-1, h.lossPercent(0));
        assertEquals("dead", h.state(0));
    }

    @Test
    void aPathNoRuleJudgesHasNoTargetsAndNoState() {
        store.record(List.of(path("g1", "p1", period(T0 + 2000, 10_000))));
        PathHistory h = store.history(null, 0).get(0);
        assertNull(h.targets());
        assertNull(h.state(0));
    }

    @Test
    void theRingKeepsTheNewestPointsUpToItsCapacity() {
        int capacity = CAPACITY;
        for (int period = 1; period <= capacity + 30; period++) {
            store.record(List.of(path("g1", "p1", period(T0 + period * 2000L, period), state("met"))));
        }
        PathHistory h = store.history(null, 0).get(0);
        assertEquals(capacity, h.size());
        for (int i = 0; i < capacity; i++) {
            assertEquals(31 + i, h.rttMeanMicros(i), "point " + i + ": the 30 oldest went, order kept");
            assertEquals((31 + i) * 2000L, h.timeMillis(i) - T0);
        }
    }

    @Test
    void aQueryCutsThePointsBeforeItsStart() {
        for (int period = 1; period <= 10; period++) {
            store.record(List.of(path("g1", "p1", period(T0 + period * 60_000L, period), state("met"))));
        }
        assertEquals(List.of(420_000L, 480_000L, 540_000L, 600_000L), times(store.history(null, T0 + 420_000).get(0)),
                "at or after the start");
        assertEquals(10, store.history(null, T0).get(0).size());
        assertEquals(0, store.history(null, T0 + 600_001).get(0).size(), "the path stays, without points");
    }

    @Test
    void aPathTheConfigurationRemovedIsDroppedWithItsHistory() {
        store.record(List.of(path("g1", "p1", period(T0 + 2000, 1), state("met")),
                path("g1", "p2", period(T0 + 2000, 2), state("met")),
                path("g2", "p1", period(T0 + 2000, 3), state("met"))));
        store.record(List.of(path("g1", "p1", period(T0 + 4000, 1), state("met")),
                path("g2", "p1", period(T0 + 4000, 3), state("met"))));
        List<PathHistory> all = store.history(null, 0);
        assertEquals(List.of("g1/p1", "g2/p1"), List.of(all.get(0).group() + "/" + all.get(0).path(),
                all.get(1).group() + "/" + all.get(1).path()));
        assertEquals(2, all.get(0).size());

        // configured again, it starts afresh
        store.record(List.of(path("g1", "p2", period(T0 + 6000, 2), state("met"))));
        List<PathHistory> again = store.history(null, 0);
        assertEquals(1, again.size());
        assertEquals("p2", again.get(0).path());
        assertEquals(List.of(6000L), times(again.get(0)));
    }

    @Test
    void aGroupSelectsItsPathsAndAnUnknownGroupNone() {
        store.record(List.of(path("g1", "p1", period(T0 + 2000, 1)), path("g2", "p1", period(T0 + 2000, 2)),
                path("g1", "p2", period(T0 + 2000, 3))));
        List<PathHistory> g1 = store.history("g1", 0);
        assertEquals(2, g1.size());
        assertEquals("p1", g1.get(0).path());
        assertEquals("p2", g1.get(1).path());
        assertEquals(2, store.history("g2", 0).get(0).rttMeanMicros(0));
        assertTrue(store.history("g3", 0).isEmpty());
    }

    @Test
    void readersSeeWholePointsWhileTheSamplerRecords() throws Exception {
        AtomicReference<String> problem = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            for (int k = 0; k < 2_000 && problem.get() == null; k++) {
                for (PathHistory h : store.history(null, 0)) {
                    for (int i = 0; i < h.size(); i++) {
                        // each point's figures were written together: rtt mean = its period number
                        if (h.timeMillis(i) - T0 != h.rttMeanMicros(i) * 2000) {
                            problem.set("torn point " + i + " of " + h);
                        }
                        if (i > 0 && h.timeMillis(i) <= h.timeMillis(i - 1)) {
                            problem.set("out of order at " + i + " of " + h);
                        }
                    }
                }
            }
        });
        reader.start();
        for (int period = 1; period <= 5_000; period++) {
            store.record(List.of(path("g1", "p1", period(T0 + period * 2000L, period), state("met"))));
        }
        reader.join();
        assertNull(problem.get());
    }
}
