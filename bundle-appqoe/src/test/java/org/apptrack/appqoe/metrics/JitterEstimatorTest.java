package org.apptrack.appqoe.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JitterEstimatorTest {

    @Test
    void followsRfc3550ByHand() {
        JitterEstimator j = new JitterEstimator();
        j.add(100);
        assertFalse(j.hasEstimate());
        assertEquals(0.0, j.jitterMicros());
        // D = 10: J = 0 + (10 - 0) / 16
        assertEquals(0.625, j.add(110), 1e-12);
        assertTrue(j.hasEstimate());
        // D = 20: J = 0.625 + (20 - 0.625) / 16
        assertEquals(1.8359375, j.add(90), 1e-12);
        // D = 0: J = 1.8359375 * 15 / 16
        assertEquals(1.72119140625, j.add(90), 1e-12);
        // D = 40: J = 1.72119140625 + (40 - 1.72119140625) / 16
        assertEquals(4.113616943359375, j.add(130), 1e-12);
    }

    @Test
    void aConstantClockOffsetDoesNotChangeOneWayJitter() {
        JitterEstimator synced = new JitterEstimator();
        JitterEstimator offset = new JitterEstimator();
        long[] delays = {5_000, 5_400, 4_900, 7_000, 5_100, 5_050};
        for (long d : delays) {
            synced.add(d);
            offset.add(d - 3_600_000_000L);
        }
        assertEquals(synced.jitterMicros(), offset.jitterMicros(), 1e-9);
        assertTrue(synced.jitterMicros() > 0);
    }

    @Test
    void pathMetricsKeepTwoWayIngressAndEgressApart() {
        PathMetrics m = new PathMetrics(16, 1);
        // Forward (egress) deltas vary by 1000 us, backward (ingress) deltas are steady.
        m.answered(10_000, 1_000, 9_000);
        m.answered(11_000, 2_000, 9_000);
        m.answered(10_000, 1_000, 9_000);
        assertEquals(0.0, m.ingressJitterMicros(), 1e-12);
        assertEquals(1000 / 16.0 + (1000 - 1000 / 16.0) / 16.0, m.egressJitterMicros(), 1e-9);
        assertEquals(m.egressJitterMicros(), m.twoWayJitterMicros(), 1e-9);
        PeriodMetrics p = m.currentPeriod();
        assertEquals(10_333, p.rttMeanMicros());
        assertEquals(0, p.ingressJitterMicros());
        assertEquals(Math.round(m.egressJitterMicros()), p.egressJitterMicros());
    }

    @Test
    void noLossVerdictBeforeEnoughProbesResolved() {
        PathMetrics m = new PathMetrics(16, 5);
        m.lost();
        m.answered(1_000);
        assertFalse(m.hasLossVerdict());
        assertEquals(50.0, m.lossPercentInPeriod(), 1e-9);
        m.answered(1_000);
        m.answered(1_000);
        m.answered(1_000);
        assertTrue(m.hasLossVerdict());
        assertEquals(20.0, m.lossPercentInPeriod(), 1e-9);
        m.closePeriod();
        assertEquals(20.0, m.lastPeriod().lossPercent(), 1e-9);
        assertTrue(m.lastPeriod().hasLossVerdict());
        assertEquals(0, m.resolvedInPeriod());
        assertEquals(PeriodMetrics.NOT_MEASURED, m.currentPeriod().rttMeanMicros());
    }
}
