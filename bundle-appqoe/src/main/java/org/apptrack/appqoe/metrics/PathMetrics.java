package org.apptrack.appqoe.metrics;

/**
 * The measurements of one path: RFC 3550 jitter estimators that run across periods (as RTP's
 * do), and per-period RTT window and loss counts. Allocation-free per sample. Not thread-safe:
 * one path is fed by one thread.
 */
public final class PathMetrics {

    private final int lossVerdictMinProbes;
    private final RttWindow rtt;
    private final JitterEstimator twoWay = new JitterEstimator();
    private final JitterEstimator ingress = new JitterEstimator();
    private final JitterEstimator egress = new JitterEstimator();
    private long answered;
    private long lost;
    private long consecutiveLost;
    private final PeriodMetrics current = new PeriodMetrics();
    private final PeriodMetrics lastPeriod = new PeriodMetrics();

    /**
     * @param rttCapacity          RTT samples kept per period for the percentile
     * @param lossVerdictMinProbes resolved probes a period needs before its loss counts
     */
    public PathMetrics(int rttCapacity, int lossVerdictMinProbes) {
        if (lossVerdictMinProbes < 1) {
            throw new IllegalArgumentException("lossVerdictMinProbes must be at least 1, was " + lossVerdictMinProbes);
        }
        this.rtt = new RttWindow(rttCapacity);
        this.lossVerdictMinProbes = lossVerdictMinProbes;
    }

    /**
     * An answered probe. The forward delta is reflector receive minus sender send, the backward
     * delta sender receive minus reflector send, each on its own clocks (offsets cancel in jitter).
     */
    public void answered(long rttMicros, long forwardDeltaMicros, long backwardDeltaMicros) {
        rtt.add(rttMicros);
        twoWay.add(rttMicros);
        egress.add(forwardDeltaMicros);
        ingress.add(backwardDeltaMicros);
        answered++;
        consecutiveLost = 0;
    }

    /** An answered probe without one-way stamps (e.g. HTTP HEAD): RTT and two-way jitter only. */
    public void answered(long rttMicros) {
        rtt.add(rttMicros);
        twoWay.add(rttMicros);
        answered++;
        consecutiveLost = 0;
    }

    /** A probe whose loss timeout expired. */
    public void lost() {
        lost++;
        consecutiveLost++;
    }

    public double twoWayJitterMicros() {
        return twoWay.jitterMicros();
    }

    public double ingressJitterMicros() {
        return ingress.jitterMicros();
    }

    public double egressJitterMicros() {
        return egress.jitterMicros();
    }

    public long answeredInPeriod() {
        return answered;
    }

    public long lostInPeriod() {
        return lost;
    }

    public long resolvedInPeriod() {
        return answered + lost;
    }

    /** Probes lost in a row, across periods; 0 after any answer. */
    public long consecutiveLost() {
        return consecutiveLost;
    }

    public boolean hasLossVerdict() {
        return answered + lost >= lossVerdictMinProbes;
    }

    /** Loss so far in this period, in percent of resolved probes. */
    public double lossPercentInPeriod() {
        long resolved = answered + lost;
        return resolved == 0 ? 0 : 100.0 * lost / resolved;
    }

    /** The running figures of the current period (computes the p95; not for every sample). */
    public PeriodMetrics currentPeriod() {
        fill(current);
        return current;
    }

    /** The figures of the last closed period (all NOT_MEASURED before the first closed). */
    public PeriodMetrics lastPeriod() {
        return lastPeriod;
    }

    /** Closes the current period: its figures become {@link #lastPeriod()}, counts restart. */
    public void closePeriod() {
        fill(lastPeriod);
        rtt.clear();
        answered = 0;
        lost = 0;
    }

    private void fill(PeriodMetrics m) {
        boolean anyRtt = rtt.samples() > 0;
        m.rttMeanMicros = anyRtt ? rtt.meanMicros() : PeriodMetrics.NOT_MEASURED;
        m.rttP95Micros = anyRtt ? rtt.p95Micros() : PeriodMetrics.NOT_MEASURED;
        m.twoWayJitterMicros = estimate(twoWay);
        m.ingressJitterMicros = estimate(ingress);
        m.egressJitterMicros = estimate(egress);
        m.answered = answered;
        m.lost = lost;
        m.lossVerdict = hasLossVerdict();
    }

    private static long estimate(JitterEstimator e) {
        return e.hasEstimate() ? Math.round(e.jitterMicros()) : PeriodMetrics.NOT_MEASURED;
    }
}
