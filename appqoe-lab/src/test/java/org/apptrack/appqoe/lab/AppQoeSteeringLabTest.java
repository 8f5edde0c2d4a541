package org.apptrack.appqoe.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.AppTrackSessionEvent;
import org.apptrack.appqoe.lab.TimedLogRecords.Logged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * AppQoE in the branch, fed by AppTrack's live capture of the LAN, steering a real HTTP session
 * over the lab's uplinks with the Linux actuator: where the session's packets really go (the
 * site's per-uplink counters of the application's traffic) and what the product logs, when the
 * active uplink's RTT steps over the target, when it blacks out, under strict and loose link
 * affinity, and under 1 % loss against a 5 % target (no violation). Each scenario applies its configuration and starts a new session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppQoeSteeringLabTest {

    private static final String APP_BEST_PATH = "APPQOE_APP_BEST_PATH_SELECTED";
    private static final String APP_VIOLATION = "APPQOE_APP_SLA_METRIC_VIOLATION";
    private static final String ACTIVE_REPORT = "APPQOE_ACTIVE_SLA_METRIC_REPORT";
    private static final String NEXTHOP_CHANGE = "RT_FLOW_NEXTHOP_CHANGE";
    private static final String INTERFACE = "destination-interface-name";
    private static final String PREVIOUS = "previous-interface";
    private static final long STEP_RTT_MICROS = 150_000;
    private static final long SLACK_MILLIS = 100;
    private static final Duration WINDOW = Duration.ofSeconds(3);

    private AppQoeLab a;

    @BeforeAll
    void setUp() throws Exception {
        a = AppQoeLab.start();
    }

    @AfterAll
    void tearDown() {
        if (a != null) {
            a.close();
        }
    }

    @AfterEach
    void clean() throws Exception {
        a.stopFlow();
        for (int k = 1; k <= NetnsLab.UPLINK_COUNT; k++) {
            a.lab.blackout(k, false);
            a.lab.delay(k, 1_000);
        }
    }

    @Test
    void rttStepOnTheActiveUplinkMovesTheApplicationToTheBestCompliantOne() throws Exception {
        long start = System.nanoTime();
        a.configure(AppQoeLab.configuration(null, null, Duration.ofSeconds(5), 2));
        awaitPlaced(start, "up1");
        long[] before = a.applicationPacketsDuring(WINDOW);
        assertTrue(before[1] > 10 && before[2] == 0 && before[3] == 0, "the session on up1 first: " + Arrays.toString(before));
        identifiedByTheChain();

        // the step right after a period of up1 closed, so the bad probes share one period
        Logged boundary = a.log.await(ACTIVE_REPORT, System.nanoTime(), l -> l.field(INTERFACE).equals("up1"), 15_000);
        assertNotNull(boundary, "active report of up1");
        SettingChange step = a.lab.delay(1, STEP_RTT_MICROS);
        long stepNanos = step.firstDatagramNanos(Duration.ofSeconds(10));
        Logged violation = a.log.await(APP_VIOLATION, step.appliedNanos() - 1,
                l -> l.field(INTERFACE).equals("up1"), 10_000);
        assertNotNull(violation, "application SLA violation on up1\n" + a.log.describe(start));
        long detection = violation.nanos() - stepNanos;
        long bound = AppQoeLab.VIOLATION_COUNT * AppQoeLab.SPACING_MILLIS * 1_000_000 + STEP_RTT_MICROS * 1000
                + SLACK_MILLIS * 1_000_000;
        Logged moved = a.log.await(APP_BEST_PATH, step.appliedNanos() - 1,
                l -> l.field("reason").equals("sla violated"), 10_000);
        assertNotNull(moved, "best path selected because the SLA was violated\n" + a.log.describe(start));
        assertEquals("up2", moved.field(INTERFACE), moved.toString());
        assertEquals("up1", moved.field(PREVIOUS), moved.toString());
        Logged nextHop = a.log.await(NEXTHOP_CHANGE, moved.nanos() - 1_000_000_000L,
                l -> l.field(INTERFACE).equals("up2"), 5_000);
        assertNotNull(nextHop, "AppTrack's next-hop change to up2\n" + a.log.describe(start));
        Thread.sleep(300);
        long[] after = a.applicationPacketsDuring(WINDOW);
        System.out.printf("MANAGER rtt step 1 -> %d ms on up1 (target %d ms): violation logged %.1f ms after the"
                        + " first delayed probe (bound %d ms); application packets per uplink in %d s before %s,"
                        + " after %s%n  %s%n  %s%n  %s%n", STEP_RTT_MICROS / 1000, AppQoeLab.RTT_TARGET_MICROS / 1000,
                detection / 1e6, bound / 1_000_000, WINDOW.toSeconds(), Arrays.toString(before), Arrays.toString(after),
                violation, moved, nextHop);
        assertTrue(after[2] > 10 && after[1] == 0 && after[3] == 0, "the session leaves by up2: " + Arrays.toString(after));
        assertTrue(detection > 0 && detection <= bound, "violation after " + detection / 1e6 + " ms, bound " + bound / 1e6);
    }

    @Test
    void blackoutOfTheActiveUplinkMovesTheApplication() throws Exception {
        long start = System.nanoTime();
        a.configure(AppQoeLab.configuration(null, null, Duration.ofSeconds(5), 2));
        awaitPlaced(start, "up1");
        Thread.sleep(2_000); // the first period's minimum of probes on every path
        long blackoutNanos = System.nanoTime();
        a.lab.blackout(1, true);
        long nftNanos = System.nanoTime() - blackoutNanos;
        Logged violation = a.log.await(APP_VIOLATION, blackoutNanos, l -> l.field(INTERFACE).equals("up1"), 10_000);
        assertNotNull(violation, "application SLA violation on up1\n" + a.log.describe(start));
        long detection = violation.nanos() - blackoutNanos;
        long bound = AppQoeLab.VIOLATION_COUNT * AppQoeLab.SPACING_MILLIS * 1_000_000
                + AppQoeLab.LOSS_TIMEOUT_MILLIS * 1_000_000 + SLACK_MILLIS * 1_000_000;
        Logged moved = a.log.await(APP_BEST_PATH, blackoutNanos, l -> l.field("reason").equals("sla violated"), 10_000);
        assertNotNull(moved, "best path selected because the SLA was violated\n" + a.log.describe(start));
        Thread.sleep(300);
        long[] after = a.applicationPacketsDuring(WINDOW);
        System.out.printf("MANAGER blackout of up1: violation logged %.1f ms after the nft command started (it took"
                        + " %.1f ms; bound %d ms = %d x %d ms + %d ms loss timeout + %d ms; losses checked every %d ms);"
                        + " application packets per uplink in %d s after the move %s%n  %s%n  %s%n", detection / 1e6,
                nftNanos / 1e6, bound / 1_000_000, AppQoeLab.VIOLATION_COUNT, AppQoeLab.SPACING_MILLIS,
                AppQoeLab.LOSS_TIMEOUT_MILLIS, SLACK_MILLIS, AppQoeLab.LOSS_TIMEOUT_MILLIS / 20, WINDOW.toSeconds(),
                Arrays.toString(after), violation, moved);
        assertEquals("up2", moved.field(INTERFACE), moved.toString());
        assertEquals("up1", moved.field(PREVIOUS), moved.toString());
        assertTrue(after[2] > 10 && after[3] == 0, "the session leaves by up2: " + Arrays.toString(after));
        // The blackout takes effect at some moment while nft runs: after its start, before its end.
        assertTrue(detection > AppQoeLab.LOSS_TIMEOUT_MILLIS * 1_000_000 && detection - nftNanos <= bound,
                "blackout declared " + detection / 1e6 + " ms after nft started, " + (detection - nftNanos) / 1e6
                        + " ms after it ended, bound " + bound / 1e6);
    }

    @Test
    void strictAffinityKeepsTheApplicationOnItsLinkWhileItViolates() throws Exception {
        long start = System.nanoTime();
        a.configure(AppQoeLab.configuration("ISP3", "strict", Duration.ofSeconds(5), 2));
        awaitPlaced(start, "up3");
        Thread.sleep(2_000);
        long stepNanos = System.nanoTime();
        a.lab.delay(3, STEP_RTT_MICROS);
        Logged violation = a.log.await(APP_VIOLATION, stepNanos, l -> l.field(INTERFACE).equals("up3"), 10_000);
        assertNotNull(violation, "application SLA violation on up3\n" + a.log.describe(start));
        Thread.sleep(2_000);
        long[] after = a.applicationPacketsDuring(Duration.ofSeconds(5));
        List<Logged> switches = a.log.find(APP_BEST_PATH, stepNanos, l -> true);
        System.out.printf("MANAGER strict ISP3 violating: %s; switches since %s; application packets per uplink in"
                + " 5 s %s%n", violation, switches, Arrays.toString(after));
        assertTrue(switches.isEmpty(), "strict affinity: no switch, but " + switches);
        assertTrue(after[3] > 10 && after[1] == 0 && after[2] == 0, "the session stays on up3: " + Arrays.toString(after));
    }

    @Test
    void looseAffinityLeavesThePreferredLinkAndReturnsOnceItMeetsTheSla() throws Exception {
        long start = System.nanoTime();
        Duration idle = Duration.ofSeconds(5);
        int recovery = 2;
        a.configure(AppQoeLab.configuration("ISP1", "loose", idle, recovery));
        awaitPlaced(start, "up1");
        Thread.sleep(2_000);
        long stepNanos = System.nanoTime();
        a.lab.delay(1, STEP_RTT_MICROS);
        Logged left = a.log.await(APP_BEST_PATH, stepNanos, l -> l.field("reason").equals("sla violated"), 10_000);
        assertNotNull(left, "left ISP1\n" + a.log.describe(start));
        assertEquals("up2", left.field(INTERFACE), left.toString());
        Thread.sleep(300);
        long[] away = a.applicationPacketsDuring(WINDOW);
        long restoreNanos = System.nanoTime();
        a.lab.delay(1, 1_000);
        Logged back = a.log.await(APP_BEST_PATH, restoreNanos,
                l -> l.field("reason").equals("switch to higher priority link"), 60_000);
        assertNotNull(back, "back to ISP1\n" + a.log.describe(start));
        Thread.sleep(300);
        long[] home = a.applicationPacketsDuring(WINDOW);
        System.out.printf("MANAGER loose ISP1: left %.1f s after the step, back %.1f s after ISP1 was restored"
                        + " (%d clean periods of %d s, switch idle time %d s); application packets per uplink in"
                        + " %d s: away %s, back %s%n  %s%n  %s%n", (left.nanos() - stepNanos) / 1e9,
                (back.nanos() - restoreNanos) / 1e9, recovery, AppQoeLab.SAMPLING_PERIOD_SECONDS, idle.toSeconds(),
                WINDOW.toSeconds(), Arrays.toString(away), Arrays.toString(home), left, back);
        assertEquals("up1", back.field(INTERFACE), back.toString());
        assertEquals("up2", back.field(PREVIOUS), back.toString());
        assertTrue(back.nanos() - left.nanos() >= idle.toNanos(), "switch idle time held");
        assertTrue(away[2] > 10 && away[1] == 0, "away on up2: " + Arrays.toString(away));
        assertTrue(home[1] > 10 && home[2] == 0, "back on up1: " + Arrays.toString(home));
    }

    @Test
    void onePercentLossAgainstAFivePercentTargetRaisesNoViolation() throws Exception {
        long start = System.nanoTime();
        Map<String, Object> config = AppQoeLab.configuration(null, null, Duration.ofSeconds(5), 2);
        config.put("metricsProfile.lab.loss", "5");
        a.configure(config);
        awaitPlaced(start, "up1");
        for (int k = 1; k <= NetnsLab.UPLINK_COUNT; k++) {
            a.lab.loss(k, 1);
        }
        long lossNanos = System.nanoTime();
        try {
            long[] packets = a.applicationPacketsDuring(Duration.ofSeconds(6L * AppQoeLab.SAMPLING_PERIOD_SECONDS + 1));
            List<Logged> violations = a.log.find(APP_VIOLATION, lossNanos, l -> true);
            List<Logged> sessionViolations = a.log.find("APPQOE_SLA_METRIC_VIOLATION", lossNanos, l -> true);
            List<Logged> switches = a.log.find(APP_BEST_PATH, lossNanos, l -> true);
            StringBuilder periods = new StringBuilder();
            for (int k = 1; k <= NetnsLab.UPLINK_COUNT; k++) {
                String up = "up" + k;
                periods.append("  ").append(up).append(" pkt-loss per period: ").append(a.log.find(ACTIVE_REPORT, lossNanos,
                        l -> l.field(INTERFACE).equals(up)).stream().map(l -> l.field("pkt-loss")).toList()).append('\n');
            }
            System.out.printf("MANAGER loss 1 %% per direction on every uplink against a 5 %% target for %d s:"
                            + " %d application violations, %d session violations, %d switches; application packets"
                            + " per uplink %s%n%s", (System.nanoTime() - lossNanos) / 1_000_000_000L, violations.size(),
                    sessionViolations.size(), switches.size(), Arrays.toString(packets), periods);
            assertTrue(violations.isEmpty() && sessionViolations.isEmpty(), "no violation: " + violations + sessionViolations);
            assertTrue(switches.isEmpty(), "no switch: " + switches);
            assertTrue(packets[1] > 10 && packets[2] == 0 && packets[3] == 0, "the session stays on up1: "
                    + Arrays.toString(packets));
        } finally {
            for (int k = 1; k <= NetnsLab.UPLINK_COUNT; k++) {
                a.lab.loss(k, 0);
            }
        }
    }

    /** Waits until AppQoE placed the new session (reason "app detected") on {@code expected}. */
    private void awaitPlaced(long since, String expected) throws Exception {
        Logged placed = a.log.await(APP_BEST_PATH, since, l -> l.field("reason").equals("app detected"), 20_000);
        assertNotNull(placed, "the HTTP session placed by AppQoE; session events " + a.sessionEvents
                + "\n" + a.log.describe(since));
        assertEquals(expected, placed.field(INTERFACE), placed.toString());
    }

    /** The session AppQoE placed came from AppTrack's live capture of the LAN, identified as HTTP. */
    private void identifiedByTheChain() {
        assertTrue(a.sessionEvents.stream().anyMatch(e -> e.type() == AppTrackSessionEvent.Type.APPLICATION_IDENTIFIED
                && e.subject().application().equals("HTTP") && e.subject().serverPort() == 80),
                "AppTrack identified the LAN's HTTP session: " + a.sessionEvents);
    }
}
