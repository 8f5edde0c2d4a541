package org.apptrack.appqoe.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apptrack.appqoe.sla.JitterType;
import org.apptrack.appqoe.sla.MatchMode;
import org.apptrack.appqoe.sla.MetricsProfile;
import org.apptrack.appqoe.sla.SlaEvent;
import org.apptrack.appqoe.sla.SlaRule;
import org.apptrack.appqoe.sla.ViolationReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How fast the SLA evaluation, fed by real probes over the lab's uplinks, notices a path going
 * bad: an RTT step from about 1 ms to 150 ms against a 50 ms target, and a blackout. With a
 * violation count of C and probes every S, the C-th bad probe after the change is answered
 * about (C - 1) x S + the new RTT later, and a blacked-out path's C-th lost probe is declared
 * (C - 1) x S + the loss timeout later (plus up to a twentieth of the loss timeout: the sender
 * checks for lost probes at that pace).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaDetectionLabTest {

    private static final int VIOLATION_COUNT = 3;
    private static final Duration SPACING = Duration.ofMillis(100);
    private static final Duration LOSS_TIMEOUT = Duration.ofSeconds(1);
    private static final long STEP_RTT_MICROS = 150_000;
    private static final Duration SLACK = Duration.ofMillis(100);

    private NetnsLab lab;

    @BeforeAll
    void setUp() throws Exception {
        NetnsLab.requirePrerequisites();
        lab = NetnsLab.create();
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void rttStepAndBlackoutAreDetectedWithinCountTimesSpacingPlusTheirOwnDelay() throws Exception {
        MetricsProfile profile = new MetricsProfile("lab-rtt", 50_000, 0, JitterType.TWO_WAY, 0, MatchMode.ANY);
        SlaRule rule = new SlaRule("lab", profile, 5, VIOLATION_COUNT, VIOLATION_COUNT, 2);
        for (int k = 1; k <= 3; k++) {
            lab.delay(k, 1_000);
        }
        try (LabProbes probes = LabProbes.start(lab, rule,
                new LabProbes.ProbeSettings(46, SPACING, LOSS_TIMEOUT, 0), 1, 2, 3)) {
            // the first period full on every path; the step right after a period boundary of
            // uplink 2, so that all its bad probes fall into one period
            assertTrue(LabProbes.await(Duration.ofSeconds(20), () -> probes.periods(2).size() >= 1
                    && probes.periods(3).size() >= 1 && probes.periods(1).size() >= 1), "first periods closed");
            probes.awaitCleanPeriodStart(2, Duration.ofSeconds(60));
            SettingChange step = lab.delay(2, STEP_RTT_MICROS);
            long stepNanos = step.firstDatagramNanos(Duration.ofSeconds(10));
            SlaEvent rtt = probes.awaitEvent(Duration.ofSeconds(10), e -> e.path().equals(LabProbes.pathOf(2))
                    && e.type() == SlaEvent.Type.VIOLATION && e.timeNanos() > stepNanos);
            assertNotNull(rtt, "RTT violation on uplink 2; events " + probes.events());
            long rttDetection = rtt.timeNanos() - stepNanos;
            long rttBound = VIOLATION_COUNT * SPACING.toNanos() + STEP_RTT_MICROS * 1000 + SLACK.toNanos();
            assertEquals(ViolationReason.RTT, rtt.reason(), rtt.toString());

            probes.awaitCleanPeriodStart(3, Duration.ofSeconds(60));
            long blackoutNanos = System.nanoTime();
            lab.blackout(3, true);
            long nftNanos = System.nanoTime() - blackoutNanos;
            SlaEvent dead = probes.awaitEvent(Duration.ofSeconds(10), e -> e.path().equals(LabProbes.pathOf(3))
                    && e.type() == SlaEvent.Type.VIOLATION && e.timeNanos() > blackoutNanos);
            assertNotNull(dead, "blackout of uplink 3 declared; events " + probes.events());
            long deadDetection = dead.timeNanos() - blackoutNanos;
            long deadBrief = VIOLATION_COUNT * SPACING.toNanos() + LOSS_TIMEOUT.toNanos() + SLACK.toNanos();
            long deadBound = deadBrief + LOSS_TIMEOUT.toNanos() / 20;
            assertTrue((dead.reason() & ViolationReason.LOSS) != 0, dead.toString());

            System.out.printf("DETECTION rtt step 1 -> %d ms on uplink 2: %.1f ms after the first probe under"
                            + " the new delay (bound %d ms); %s%n", STEP_RTT_MICROS / 1000, rttDetection / 1e6,
                    rttBound / 1_000_000, rtt);
            System.out.printf("DETECTION blackout of uplink 3: %.1f ms after the nft command started (it took"
                            + " %.1f ms; bound %d ms = %d x %d ms + %d ms loss timeout + %d ms, plus %d ms of"
                            + " loss-check pace); %s%n", deadDetection / 1e6, nftNanos / 1e6,
                    deadBound / 1_000_000, VIOLATION_COUNT, SPACING.toMillis(), LOSS_TIMEOUT.toMillis(),
                    SLACK.toMillis(), LOSS_TIMEOUT.toMillis() / 20, dead);
            System.out.println("forwarder 2: " + lab.forwarderStats(2));
            // at about 1 ms RTT a violation is the machine's noise (a busy shared host), not the path
            System.out.println("events on the unchanged uplink 1 (noise): " + probes.events(1, SlaEvent.Type.VIOLATION));
            assertTrue(rttDetection > 0 && rttDetection <= rttBound,
                    "RTT step detected after " + rttDetection / 1e6 + " ms, bound " + rttBound / 1e6);
            assertTrue(deadDetection > LOSS_TIMEOUT.toNanos() && deadDetection <= deadBound,
                    "blackout detected after " + deadDetection / 1e6 + " ms, bound " + deadBound / 1e6);
        } finally {
            lab.blackout(3, false);
        }
    }
}
