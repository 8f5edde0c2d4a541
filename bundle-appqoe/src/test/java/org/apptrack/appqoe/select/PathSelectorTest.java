package org.apptrack.appqoe.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.apptrack.appqoe.sla.JitterType;
import org.apptrack.appqoe.sla.MatchMode;
import org.apptrack.appqoe.sla.MetricsProfile;
import org.apptrack.appqoe.sla.SlaEvaluator;
import org.apptrack.appqoe.sla.SlaEvent;
import org.apptrack.appqoe.sla.SlaListener;
import org.apptrack.appqoe.sla.SlaRule;
import org.junit.jupiter.api.Test;

class PathSelectorTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long IDLE = 30 * SECOND;

    private final FakePathState isp1a = new FakePathState("gr-0/0/0.1", "ISP1", 10);
    private final FakePathState isp1b = new FakePathState("gr-0/0/0.2", "ISP1", 20);
    private final FakePathState isp2 = new FakePathState("gr-0/0/0.3", "ISP2", 5);
    private final List<FakePathState> paths = List.of(isp1a, isp1b, isp2);
    private long now = 1_000 * SECOND;

    private String chosen(Optional<PathDecision> d) {
        return d.map(x -> x.chosen().name()).orElse(null);
    }

    @Test
    void appDetectedTakesTheBestByPriorityAndTiesByName() {
        PathSelector s = new PathSelector("site1", LinkPreference.NONE, IDLE);
        Optional<PathDecision> d = s.select(now, paths);
        assertEquals("gr-0/0/0.3", chosen(d));
        assertEquals(SelectionReason.APP_DETECTED, d.get().reason());
        assertNull(d.get().previous());

        FakePathState b = new FakePathState("b", "", 1);
        FakePathState a = new FakePathState("a", "", 1);
        assertEquals("a", chosen(new PathSelector("g", LinkPreference.NONE, IDLE).select(now, List.of(b, a))));
        assertEquals("a", chosen(new PathSelector("g", LinkPreference.NONE, IDLE).select(now, List.of(a, b))));
    }

    @Test
    void rankingPutsSlaBeforePriorityAndMetricsAndScoreAfter() {
        isp2.slaMet = false;
        assertEquals("gr-0/0/0.1", chosen(new PathSelector("g", LinkPreference.NONE, IDLE).select(now, paths)));
        // Nobody meets the SLA: priority first, then metrics met, then score.
        FakePathState x1 = new FakePathState("x1", "", 5);
        FakePathState x2 = new FakePathState("x2", "", 5);
        FakePathState x3 = new FakePathState("x3", "", 6);
        for (FakePathState x : List.of(x1, x2, x3)) {
            x.slaMet = false;
        }
        x1.metricsMet = 1;
        x2.metricsMet = 2;
        x3.metricsMet = 3;
        assertEquals("x2", chosen(new PathSelector("g", LinkPreference.NONE, IDLE).select(now, List.of(x1, x2, x3))));
        x1.metricsMet = 2;
        x1.score = 20_000;
        assertEquals("x2", chosen(new PathSelector("g", LinkPreference.NONE, IDLE).select(now, List.of(x1, x2, x3))));
        x1.score = 5_000;
        assertEquals("x1", chosen(new PathSelector("g", LinkPreference.NONE, IDLE).select(now, List.of(x1, x2, x3))));
        x1.dead = true;
        x2.dead = true;
        assertEquals("x3", chosen(new PathSelector("g", LinkPreference.NONE, IDLE).select(now, List.of(x1, x2, x3))));
    }

    @Test
    void strictAffinityNeverLeavesThePreferredTag() {
        PathSelector s = new PathSelector("site1", new LinkPreference("ISP1", Affinity.STRICT), IDLE);
        assertEquals("gr-0/0/0.1", chosen(s.select(now, paths)));
        isp1a.slaMet = false;
        now += IDLE;
        Optional<PathDecision> d = s.select(now, paths);
        assertEquals("gr-0/0/0.2", chosen(d));
        assertEquals(SelectionReason.SLA_VIOLATED, d.get().reason());
        isp1b.slaMet = false;
        isp1b.dead = true;
        isp1a.dead = true;
        now += IDLE;
        assertTrue(s.select(now, paths).isEmpty(), "ISP2 meets the SLA but is not the preferred tag");
        assertEquals("gr-0/0/0.2", s.current().get().name());
    }

    @Test
    void looseAffinityLeavesWhenViolatedAndReturnsWhenThePreferredMeetsTheSla() {
        PathSelector s = new PathSelector("site1", new LinkPreference("ISP1", Affinity.LOOSE), IDLE);
        assertEquals("gr-0/0/0.1", chosen(s.select(now, paths)), "preferred tag before the better priority of ISP2");
        isp1a.slaMet = false;
        isp1b.slaMet = false;
        now += IDLE;
        Optional<PathDecision> away = s.select(now, paths);
        assertEquals("gr-0/0/0.3", chosen(away));
        assertEquals(SelectionReason.SLA_VIOLATED, away.get().reason());
        isp1b.slaMet = true;
        now += IDLE;
        Optional<PathDecision> back = s.select(now, paths);
        assertEquals("gr-0/0/0.2", chosen(back));
        assertEquals(SelectionReason.SWITCH_TO_HIGHER_PRIORITY, back.get().reason());
        assertEquals("switch to higher priority link", back.get().reason().logText());
        assertEquals("gr-0/0/0.3", back.get().previous().name());
        isp1a.slaMet = true;
        now += IDLE;
        assertEquals("gr-0/0/0.1", chosen(s.select(now, paths)));
    }

    @Test
    void aSwitchHoldsForSwitchIdleTimeButADeadPathIsLeftAtOnce() {
        PathSelector s = new PathSelector("site1", LinkPreference.NONE, IDLE);
        assertEquals("gr-0/0/0.3", chosen(s.select(now, paths)));
        // The first choice is not a switch: leaving a path that violates right away is allowed.
        isp2.slaMet = false;
        now += SECOND;
        assertEquals("gr-0/0/0.1", chosen(s.select(now, paths)), "violated right after app detected: left at once");
        isp2.slaMet = true;
        isp1a.slaMet = false;
        now += IDLE - 1;
        assertTrue(s.select(now, paths).isEmpty(), "violated, but inside switch-idle-time");
        isp1a.dead = true;
        Optional<PathDecision> d = s.select(now, paths);
        assertEquals("gr-0/0/0.3", chosen(d), "dead overrides the hold");
        assertEquals(SelectionReason.SLA_VIOLATED, d.get().reason());
        isp2.dead = true;
        now += 1;
        assertEquals("gr-0/0/0.2", chosen(s.select(now, paths)), "again at once: the new path is dead too");
    }

    @Test
    void aCompliantPathIsNotLeftForABetterScore() {
        PathSelector s = new PathSelector("site1", LinkPreference.NONE, IDLE);
        FakePathState a = new FakePathState("a", "", 1);
        FakePathState b = new FakePathState("b", "", 1);
        a.score = 5_000;
        b.score = 6_000;
        assertEquals("a", chosen(s.select(now, List.of(a, b))));
        a.score = 9_000;
        now += 10 * IDLE;
        assertTrue(s.select(now, List.of(a, b)).isEmpty());
    }

    @Test
    void sessionCloseEndsTheSelection() {
        PathSelector s = new PathSelector("site1", LinkPreference.NONE, IDLE);
        s.select(now, paths);
        PathDecision d = s.sessionClosed(now + SECOND).get();
        assertEquals(SelectionReason.SESSION_CLOSE, d.reason());
        assertEquals("session close", d.reason().logText());
        assertEquals("gr-0/0/0.3", d.previous().name());
        assertNull(d.chosen());
        assertTrue(s.current().isEmpty());
        assertTrue(s.sessionClosed(now + 2 * SECOND).isEmpty());
    }

    @Test
    void neverMoreThanOneSwitchPerIdleTimeWhenTheSlaFlipsEverySecond() {
        PathSelector s = new PathSelector("site1", LinkPreference.NONE, IDLE);
        List<Long> switches = new ArrayList<>();
        for (int t = 0; t < 600; t++) {
            isp2.slaMet = t % 2 == 0;
            isp1a.slaMet = t % 2 == 1;
            s.select(now + t * SECOND, paths).filter(d -> d.reason() != SelectionReason.APP_DETECTED)
                    .ifPresent(d -> switches.add(d.timeNanos()));
        }
        assertTrue(switches.size() > 5, "the flipping did drive switches: " + switches.size());
        assertSpacedByIdleTime(switches);
    }

    @Test
    void noFlappingWhileRttAlternatesAroundTheTargetForTenMinutes() {
        MetricsProfile profile = new MetricsProfile("rtt50ms", 50_000, 0, JitterType.TWO_WAY, 0, MatchMode.ANY);
        SlaRule rule = new SlaRule("sla1", profile, 5, 3, 10, 2);
        SlaListener quiet = new SlaListener() {
            @Override
            public void event(SlaEvent event) {
            }
        };
        Path primary = new Path("primary", "ISP1", 1, 1);
        Path backup = new Path("backup", "ISP2", 2, 1);
        SlaEvaluator primaryEval = new SlaEvaluator("primary", rule, quiet);
        SlaEvaluator backupEval = new SlaEvaluator("backup", rule, quiet);
        List<EvaluatedPath> group = List.of(new EvaluatedPath(primary, primaryEval), new EvaluatedPath(backup, backupEval));
        PathSelector s = new PathSelector("site1", LinkPreference.NONE, IDLE);
        Random rnd = new Random(7);
        List<Long> switches = new ArrayList<>();
        int violations = 0;
        boolean above = false;
        long phaseEnd = now;
        long end = now + 600 * SECOND;
        for (long t = now; t < end; t += 100_000_000L) {
            if (t >= phaseEnd) {
                above = !above;
                phaseEnd = t + (3 + rnd.nextInt(20)) * SECOND;
            }
            // The primary hovers just above or just below its 50 ms target, with noise.
            long rtt = (above ? 52_000 : 48_000) + rnd.nextInt(1_500) - 750;
            boolean wasMet = primaryEval.slaMet();
            primaryEval.answered(t, rtt, rtt / 2, rtt / 2);
            backupEval.answered(t, 30_000 + rnd.nextInt(2_000), 15_000, 15_000);
            if (wasMet && !primaryEval.slaMet()) {
                violations++;
            }
            final long at = t;
            s.select(t, group).filter(d -> d.reason() != SelectionReason.APP_DETECTED).ifPresent(d -> switches.add(at));
        }
        assertTrue(violations >= 5, "the primary did keep crossing its target: " + violations);
        assertTrue(switches.size() >= 3, "traffic did move: " + switches.size());
        assertSpacedByIdleTime(switches);
    }

    private static void assertSpacedByIdleTime(List<Long> switches) {
        for (int i = 1; i < switches.size(); i++) {
            long gap = switches.get(i) - switches.get(i - 1);
            assertTrue(gap >= IDLE, "switch " + i + " only " + gap / 1e9 + " s after the previous one");
        }
    }
}
