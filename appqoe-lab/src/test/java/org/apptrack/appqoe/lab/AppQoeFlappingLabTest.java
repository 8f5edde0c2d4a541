package org.apptrack.appqoe.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apptrack.appqoe.lab.TimedLogRecords.Logged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Ten minutes of real time with the preferred uplink's RTT alternating just around the target
 * (45 / 55 ms against 50 ms, phases of 3-15 s at random): the application leaves it when it
 * violates and returns once two 5 s periods were clean (a long low phase), but never switches
 * again within the switch idle time of the previous switch. Reports the switches and violations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppQoeFlappingLabTest {

    private static final Duration RUN = Duration.ofMinutes(10);
    private static final Duration SWITCH_IDLE_TIME = Duration.ofSeconds(20);
    /** Records are timed when they reach the test's log, a few ms after the selector's decision. */
    private static final long TIMING_TOLERANCE_NANOS = 50_000_000L;
    private static final String APP_BEST_PATH = "APPQOE_APP_BEST_PATH_SELECTED";

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

    @Test
    void rttAroundTheTargetDoesNotMakeTheApplicationFlap() throws Exception {
        long start = System.nanoTime();
        a.configure(AppQoeLab.configuration("ISP1", "loose", SWITCH_IDLE_TIME, 2));
        Logged placed = a.log.await(APP_BEST_PATH, start, l -> l.field("reason").equals("app detected"), 20_000);
        assertNotNull(placed, "the HTTP session placed; events " + a.sessionEvents + "\n" + a.log.describe(start));
        assertEquals("up1", placed.field("destination-interface-name"), placed.toString());
        long seed = System.nanoTime();
        Random random = new Random(seed);
        long end = System.nanoTime() + RUN.toNanos();
        int phases = 0;
        boolean high = false;
        long[] packetsBefore = a.applicationPacketsToSite();
        while (System.nanoTime() < end) {
            high = !high;
            a.lab.delay(1, high ? 55_000 : 45_000);
            phases++;
            Thread.sleep(Math.min(3_000 + random.nextInt(12_001), Math.max(0, (end - System.nanoTime()) / 1_000_000)));
        }
        a.lab.delay(1, 1_000);
        long[] packets = a.applicationPacketsToSite();
        List<Logged> switches = a.log.find(APP_BEST_PATH, placed.nanos(), l -> !l.field("reason").equals("app detected"));
        int appViolations = a.log.find("APPQOE_APP_SLA_METRIC_VIOLATION", placed.nanos(), l -> true).size();
        int pathViolations = a.log.find("APPQOE_SLA_METRIC_VIOLATION", placed.nanos(), l -> true).size();
        List<Double> gaps = new ArrayList<>();
        long previous = placed.nanos();
        boolean first = true;
        StringBuilder list = new StringBuilder();
        for (Logged s : switches) {
            if (!first) {
                gaps.add((s.nanos() - previous) / 1e9);
            }
            first = false;
            previous = s.nanos();
            list.append(String.format("  +%.1f s %s -> %s (%s)%n", (s.nanos() - placed.nanos()) / 1e9,
                    s.field("previous-interface"), s.field("destination-interface-name"), s.field("reason")));
        }
        System.out.printf("MANAGER flapping: %d s, %d phases of 45/55 ms on up1 (seed %d), switch idle time %d s:"
                        + " %d switches, gaps %s s; %d application SLA violations, %d session SLA violations;"
                        + " application packets per uplink %d / %d / %d%n%s", RUN.toSeconds(), phases, seed,
                SWITCH_IDLE_TIME.toSeconds(), switches.size(), gaps, appViolations, pathViolations,
                packets[1] - packetsBefore[1], packets[2] - packetsBefore[2], packets[3] - packetsBefore[3], list);
        assertFalse(switches.isEmpty(), "at least one switch in " + RUN);
        for (double gap : gaps) {
            assertTrue(gap * 1e9 >= SWITCH_IDLE_TIME.toNanos() - TIMING_TOLERANCE_NANOS,
                    "switches " + gap + " s apart, switch idle time " + SWITCH_IDLE_TIME + "\n" + list);
        }
    }
}
