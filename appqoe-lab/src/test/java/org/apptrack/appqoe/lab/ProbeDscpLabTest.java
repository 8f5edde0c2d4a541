package org.apptrack.appqoe.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** STAMP probes leave each uplink with the DSCP they are configured with, as seen on the wire at the site. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeDscpLabTest {

    private static final int EF = 46;
    private static final int PROBES = 40;
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
    void probesCarryTheConfiguredDscpOnEachUplink() throws Exception {
        DscpCounts[] before = new DscpCounts[4];
        for (int k = 1; k <= 3; k++) {
            before[k] = lab.dscpCounts(k);
        }
        try (LabProbes probes = LabProbes.start(lab, null,
                new LabProbes.ProbeSettings(EF, Duration.ofMillis(20), Duration.ofSeconds(2), PROBES), 1, 2, 3)) {
            assertTrue(LabProbes.await(Duration.ofSeconds(30), () -> resolved(probes) == 3 * PROBES),
                    "all probes answered or lost");
            for (int k = 1; k <= 3; k++) {
                assertEquals(PROBES, probes.answered(k), "answered on uplink " + k);
                DscpCounts seen = lab.dscpCounts(k).since(before[k]);
                System.out.printf("uplink %d: %s%n", k, seen);
                assertEquals(new DscpCounts(PROBES, 0), seen, "STAMP packets at the site on uplink " + k);
            }
        }
        // the counter tells the difference: best-effort probes land in "other"
        DscpCounts beforeBestEffort = lab.dscpCounts(2);
        try (LabProbes probes = LabProbes.start(lab, null,
                new LabProbes.ProbeSettings(0, Duration.ofMillis(20), Duration.ofSeconds(2), 10), 2)) {
            assertTrue(LabProbes.await(Duration.ofSeconds(30), () -> probes.answered(2) + probes.lost(2) == 10));
        }
        assertEquals(new DscpCounts(0, 10), lab.dscpCounts(2).since(beforeBestEffort), "best-effort probes");
    }

    private static long resolved(LabProbes probes) {
        long n = 0;
        for (int k = 1; k <= 3; k++) {
            n += probes.answered(k) + probes.lost(k);
        }
        return n;
    }
}
