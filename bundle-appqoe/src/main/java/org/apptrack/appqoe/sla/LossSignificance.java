package org.apptrack.appqoe.sla;

/**
 * Whether a period's probe loss is significantly above the loss target: the one-sided binomial
 * test P(X >= lost | resolved probes, target) < {@link #ALPHA}. A plain "loss percent above
 * target" alarms on chance clusters (3 of 50 probes lost is 6%, and a 1% path shows that in about
 * one 5 s period out of seventy); the test needs more losses from a short sample and converges to
 * the percentage as the sample grows. A blackout is not judged here (a dead path alarms at once).
 *
 * <p>The evaluator asks after every resolved probe, so one period makes dozens of looks at the
 * same growing sample; the level is per look. At 0.01 a path losing exactly its target is
 * declared violated in about 2% of 50-probe periods, one at 2% loss against a 5% target in
 * about 1 of 4,000, while 20% loss is caught within the period 9 times out of 10 (simulated,
 * 10 probes/s, 5 s periods, violation count 3). At 0.05 the 2% path tripped once in about 170
 * periods, which the lab saw.
 */
final class LossSignificance {

    /** The chance a path exactly at its target is declared violated in one look. */
    static final double ALPHA = 0.01;

    private LossSignificance() {
    }

    /** Whether {@code lost} of {@code resolved} is significantly above {@code targetPercent}. */
    static boolean above(long resolved, long lost, double targetPercent) {
        if (lost <= 0 || resolved <= 0) {
            return false;
        }
        double p = targetPercent / 100.0;
        if (p <= 0) {
            return true;
        }
        if (p >= 1) {
            return false;
        }
        return upperTail(resolved, lost, p) < ALPHA;
    }

    /**
     * P(X >= k) for X ~ Binomial(n, p), as 1 - P(X < k) summed term by term in log space (each
     * term from the previous by the ratio (n - i) / (i + 1) * p / (1 - p)), so no factorial
     * overflows; O(k), allocation-free.
     */
    static double upperTail(long n, long k, double p) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > n) {
            return 0.0;
        }
        double logTerm = n * Math.log1p(-p);
        double logRatio = Math.log(p) - Math.log1p(-p);
        double below = 0;
        for (long i = 0; i < k; i++) {
            below += Math.exp(logTerm);
            logTerm += Math.log((double) (n - i) / (i + 1)) + logRatio;
        }
        return Math.max(0.0, 1.0 - below);
    }
}
