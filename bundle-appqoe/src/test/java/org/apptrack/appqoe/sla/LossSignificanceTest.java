package org.apptrack.appqoe.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossSignificanceTest {

    @Test
    void upperTailMatchesTheBinomialDistribution() {
        // Reference values from the exact sums (Python math.comb).
        assertEquals(0.459466877, LossSignificance.upperTail(50, 3, 0.05), 1e-8);
        assertEquals(0.037776173, LossSignificance.upperTail(50, 6, 0.05), 1e-8);
        assertEquals(0.028188294, LossSignificance.upperTail(100, 10, 0.05), 1e-8);
        assertEquals(0.086732178, LossSignificance.upperTail(1000, 60, 0.05), 1e-8);
        assertEquals(1.0, LossSignificance.upperTail(10, 0, 0.05));
        assertEquals(0.0, LossSignificance.upperTail(10, 11, 0.05));
    }

    @Test
    void chanceClustersAreNotSignificantRealExcessIs() {
        assertFalse(LossSignificance.above(50, 3, 5), "3 of 50 at a 5% target is chance");
        assertFalse(LossSignificance.above(15, 3, 5), "3 of the first 15 happens on a 2% path");
        assertTrue(LossSignificance.above(15, 4, 5));
        assertFalse(LossSignificance.above(50, 7, 5), "P = 0.012, above the level of one look of many");
        assertTrue(LossSignificance.above(50, 8, 5));
        assertFalse(LossSignificance.above(100, 11, 5));
        assertTrue(LossSignificance.above(100, 12, 5));
        assertTrue(LossSignificance.above(20, 20, 5), "all lost");
        assertFalse(LossSignificance.above(20, 0, 5));
    }
}
