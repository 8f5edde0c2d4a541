package org.apptrack.appqoe.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SlaEvaluatorTest {

    private static final long MS = 1_000_000L;
    private static final long SPACING = 100 * MS;

    private final RecordingListener listener = new RecordingListener();
    /** The manual clock: every probe result advances it by the probe spacing. */
    private long now = 1_000_000_000_000L;

    private static MetricsProfile rttOnly() {
        return new MetricsProfile("rtt10ms", 10_000, 0, JitterType.TWO_WAY, 0, MatchMode.ANY);
    }

    /** 10 s periods, violation count 3, 10 samples before an alarm, 2 clean periods to recover. */
    private SlaEvaluator evaluator(MetricsProfile profile) {
        return new SlaEvaluator("ge-0/0/1.0", new SlaRule("sla1", profile, 10, 3, 10, 2), listener);
    }

    private void answer(SlaEvaluator e, long rttMicros) {
        e.answered(now, rttMicros, rttMicros / 2, rttMicros / 2);
        now += SPACING;
    }

    private void lose(SlaEvaluator e) {
        e.lost(now);
        now += SPACING;
    }

    @Test
    void violationWhenBadSamplesInThePeriodReachTheCount() {
        SlaEvaluator e = evaluator(rttOnly());
        for (int i = 0; i < 10; i++) {
            answer(e, 5_000);
        }
        answer(e, 20_000);
        answer(e, 20_000);
        assertTrue(listener.events.isEmpty());
        assertTrue(e.slaMet());
        answer(e, 20_000);
        assertEquals(1, listener.events.size());
        SlaEvent v = listener.events.get(0);
        assertEquals(SlaEvent.Type.VIOLATION, v.type());
        assertEquals(ViolationReason.RTT, v.reason());
        assertEquals(3, v.rttViolationCount());
        assertEquals(0, v.jitterViolationCount());
        assertEquals((10 * 5_000 + 3 * 20_000) / 13, v.measured().rttMeanMicros());
        assertEquals(20_000, v.measured().rttP95Micros());
        assertFalse(e.slaMet());
        assertEquals(ViolationReason.RTT, e.violationReason());
    }

    @Test
    void badSamplesCountPerPeriodOnly() {
        SlaEvaluator e = evaluator(rttOnly());
        // 2 bad samples in every 10 s period (100 probes): never the count of 3.
        for (int i = 0; i < 100 * 30; i++) {
            answer(e, i % 100 == 50 || i % 100 == 51 ? 20_000 : 5_000);
        }
        assertTrue(listener.events.isEmpty());
        assertTrue(listener.periods.size() >= 29);
        // Three in one period do violate.
        for (int i = 0; i < 10; i++) {
            answer(e, i < 3 ? 20_000 : 5_000);
        }
        assertEquals(1, listener.count(SlaEvent.Type.VIOLATION));
    }

    @Test
    void onceWarmAStepAtThePeriodStartIsDeclaredAtTheCount() {
        SlaEvaluator e = evaluator(rttOnly());
        // One full clean period (10 s at 100 ms), then the RTT steps up exactly as the next begins.
        for (int i = 0; i < 100; i++) {
            answer(e, 5_000);
        }
        answer(e, 50_000);
        answer(e, 50_000);
        assertTrue(listener.events.isEmpty());
        answer(e, 50_000);
        assertEquals(1, listener.count(SlaEvent.Type.VIOLATION),
                "the third bad sample violates although the period holds only 3 of the 10 samples");
    }

    @Test
    void noAlarmBeforeThePeriodHasEnoughSamples() {
        SlaEvaluator e = evaluator(rttOnly());
        for (int i = 0; i < 9; i++) {
            answer(e, 50_000);
        }
        assertTrue(listener.events.isEmpty(), "9 samples are fewer than the 10 a period needs");
        answer(e, 50_000);
        assertEquals(1, listener.events.size());
        assertEquals(10, listener.events.get(0).rttViolationCount());
    }

    @Test
    void matchAnyRaisesOnOneMetricMatchAllNeedsEvery() {
        MetricsProfile any = new MetricsProfile("any", 10_000, 1_000, JitterType.TWO_WAY, 0, MatchMode.ANY);
        MetricsProfile all = new MetricsProfile("all", 10_000, 1_000, JitterType.TWO_WAY, 0, MatchMode.ALL);
        RecordingListener anyEvents = new RecordingListener();
        RecordingListener allEvents = new RecordingListener();
        SlaEvaluator eAny = new SlaEvaluator("p", new SlaRule("sla", any, 10, 3, 10, 2), anyEvents);
        SlaEvaluator eAll = new SlaEvaluator("p", new SlaRule("sla", all, 10, 3, 10, 2), allEvents);
        // Steady high RTT: RTT violated, jitter (0) met.
        for (int i = 0; i < 20; i++) {
            eAny.answered(now, 30_000, 15_000, 15_000);
            eAll.answered(now, 30_000, 15_000, 15_000);
            now += SPACING;
        }
        assertEquals(1, anyEvents.events.size());
        assertEquals(ViolationReason.RTT, anyEvents.events.get(0).reason());
        assertTrue(allEvents.events.isEmpty(), "match all: jitter is still met");
        // Now RTT swings by 40 ms: jitter goes above 1 ms too.
        for (int i = 0; i < 20; i++) {
            long rtt = i % 2 == 0 ? 30_000 : 70_000;
            eAll.answered(now, rtt, rtt / 2, rtt / 2);
            now += SPACING;
        }
        assertEquals(1, allEvents.events.size());
        assertEquals(ViolationReason.RTT | ViolationReason.JITTER, allEvents.events.get(0).reason());
    }

    @Test
    void jitterIsJudgedOnTheProfilesType() {
        MetricsProfile ingress = new MetricsProfile("in", 0, 500, JitterType.INGRESS, 0, MatchMode.ANY);
        SlaEvaluator e = evaluator(ingress);
        // Egress (forward) delta swings by 20 ms, ingress is steady: no ingress violation.
        for (int i = 0; i < 50; i++) {
            e.answered(now, 40_000, i % 2 == 0 ? 10_000 : 30_000, 20_000);
            now += SPACING;
        }
        assertTrue(listener.events.isEmpty());
        assertTrue(e.metrics().egressJitterMicros() > 500);
        // Ingress swings: violation with the jitter bit.
        for (int i = 0; i < 50; i++) {
            e.answered(now, 40_000, 20_000, i % 2 == 0 ? 10_000 : 30_000);
            now += SPACING;
        }
        assertEquals(1, listener.events.size());
        assertEquals(ViolationReason.JITTER, listener.events.get(0).reason());
    }

    @Test
    void recoversOnlyAfterTheConfiguredCleanPeriods() {
        SlaEvaluator e = evaluator(rttOnly());
        for (int i = 0; i < 20; i++) {
            answer(e, 20_000);
        }
        assertEquals(1, listener.count(SlaEvent.Type.VIOLATION));
        long violatedAt = listener.events.get(0).timeNanos();
        // Finish the bad period, then one clean period, then a bad one: the clean streak restarts.
        while (listener.periods.size() < 1) {
            answer(e, 20_000);
        }
        while (listener.periods.size() < 2) {
            answer(e, 5_000);
        }
        while (listener.periods.size() < 3) {
            answer(e, listener.periods.size() == 2 && e.metrics().resolvedInPeriod() < 5 ? 20_000 : 5_000);
        }
        assertFalse(e.slaMet(), "one clean period, then a bad one");
        while (listener.periods.size() < 4) {
            answer(e, 5_000);
        }
        assertFalse(e.slaMet(), "one clean period is not enough");
        assertEquals(0, listener.count(SlaEvent.Type.RECOVERY));
        while (listener.periods.size() < 5) {
            answer(e, 5_000);
        }
        assertTrue(e.slaMet());
        assertEquals(1, listener.count(SlaEvent.Type.RECOVERY));
        SlaEvent r = listener.events.get(1);
        assertEquals(ViolationReason.RTT, r.reason());
        assertEquals(r.timeNanos() - violatedAt, r.violationDurationNanos());
        assertEquals(5_000, r.measured().rttMeanMicros());
    }

    @Test
    void periodsWithoutEnoughSamplesAreNotClean() {
        SlaEvaluator e = evaluator(rttOnly());
        for (int i = 0; i < 20; i++) {
            answer(e, 20_000);
        }
        // Three periods with only 5 good samples each (one every 2 s): not evidence of recovery.
        for (int i = 0; i < 20; i++) {
            e.answered(now, 5_000, 2_500, 2_500);
            now += 2_000 * MS;
        }
        assertFalse(e.slaMet());
        assertEquals(0, listener.count(SlaEvent.Type.RECOVERY));
    }

    @Test
    void onePercentLossAgainstFivePercentNeverViolates() {
        MetricsProfile loss5 = new MetricsProfile("loss5", 0, 0, JitterType.TWO_WAY, 5, MatchMode.ANY);
        SlaEvaluator regular = evaluator(loss5);
        // Ten minutes at 10 probes/s, every 100th probe lost.
        for (int i = 0; i < 6_000; i++) {
            if (i % 100 == 37) {
                lose(regular);
            } else {
                answer(regular, 5_000);
            }
        }
        assertTrue(listener.events.isEmpty());
        // The same with 1% random loss, losses clustering as they will.
        RecordingListener randomEvents = new RecordingListener();
        SlaEvaluator random = new SlaEvaluator("p", new SlaRule("sla", loss5, 10, 3, 10, 2), randomEvents);
        Random rnd = new Random(42);
        for (int i = 0; i < 6_000; i++) {
            if (rnd.nextDouble() < 0.01) {
                random.lost(now);
            } else {
                random.answered(now, 5_000, 2_500, 2_500);
            }
            now += SPACING;
        }
        assertTrue(randomEvents.events.isEmpty(), () -> randomEvents.events.toString());
    }

    @Test
    void twoPercentRandomLossAgainstFivePercentStaysQuietOverManyPeriods() {
        // As the lab runs it: 5 s periods of 100 ms probes, violation count 3. The evaluator looks
        // after every probe, so chance clusters early in a period (3 of the first 15) must not count.
        MetricsProfile loss5 = new MetricsProfile("loss5", 0, 0, JitterType.TWO_WAY, 5, MatchMode.ANY);
        int violations = 0;
        for (long seed = 1; seed <= 10; seed++) {
            RecordingListener events = new RecordingListener();
            SlaEvaluator e = new SlaEvaluator("p", new SlaRule("sla", loss5, 5, 3, 10, 2), events);
            Random rnd = new Random(seed);
            for (int i = 0; i < 3_000; i++) {
                if (rnd.nextDouble() < 0.02) {
                    e.lost(now);
                } else {
                    e.answered(now, 5_000, 2_500, 2_500);
                }
                now += SPACING;
            }
            violations += events.count(SlaEvent.Type.VIOLATION);
        }
        // 600 periods of 50 probes; judging each look at 5% on the period alone raised 3.
        assertEquals(0, violations);
    }

    @Test
    void tenPercentLossAgainstFivePercentViolates() {
        MetricsProfile loss5 = new MetricsProfile("loss5", 0, 0, JitterType.TWO_WAY, 5, MatchMode.ANY);
        SlaEvaluator e = evaluator(loss5);
        int probes = 0;
        while (listener.events.isEmpty() && probes < 1_000) {
            if (probes++ % 10 == 5) {
                lose(e);
            } else {
                answer(e, 5_000);
            }
        }
        assertEquals(1, listener.events.size());
        assertEquals(ViolationReason.LOSS, listener.events.get(0).reason());
        // 10 of 100 is still chance at a 5% target (P = 0.028); pooled with the next period it
        // is not, so the violation comes in the second 10 s period.
        assertTrue(probes > 100 && probes <= 200, "violated after " + probes + " probes");
    }

    @Test
    void aDeadPathAlarmsAtOnceWhateverTheProfile() {
        SlaEvaluator e = evaluator(rttOnly());
        answer(e, 5_000);
        lose(e);
        lose(e);
        assertTrue(listener.events.isEmpty());
        assertFalse(e.dead());
        lose(e);
        assertTrue(e.dead());
        assertFalse(e.slaMet());
        assertEquals(1, listener.events.size());
        assertEquals(ViolationReason.LOSS, listener.events.get(0).reason());
    }

    @Test
    void configurationErrorsNameTheField() {
        MetricsProfile p = rttOnly();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SlaRule("s", p, 1, 3))
                .getMessage().contains("sampling-period"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SlaRule("s", p, 61, 3))
                .getMessage().contains("sampling-period"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SlaRule("s", p, 10, 0))
                .getMessage().contains("violation-count"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SlaRule("s", p, 10, 3, 10, 0))
                .getMessage().contains("recovery-periods"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new MetricsProfile("m", 0, 0, JitterType.TWO_WAY, 101, MatchMode.ANY)).getMessage().contains("packet-loss"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new MetricsProfile("m", 0, 0, JitterType.TWO_WAY, 0, MatchMode.ANY)).getMessage().contains("at least one"));
    }
}
