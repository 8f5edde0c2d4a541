package org.apptrack.appqoe.metrics;

/**
 * The figures of one sampling period of one path, as reported and judged. Mutable so that a path
 * can reuse one instance per period; {@link #copy()} for anything that keeps it.
 */
public final class PeriodMetrics {

    /** Junos reports an unmeasured value as the unsigned 32-bit maximum; so do we. */
    public static final long NOT_MEASURED = 4294967295L;

    long rttMeanMicros = NOT_MEASURED;
    long rttP95Micros = NOT_MEASURED;
    long twoWayJitterMicros = NOT_MEASURED;
    long ingressJitterMicros = NOT_MEASURED;
    long egressJitterMicros = NOT_MEASURED;
    long answered;
    long lost;
    boolean lossVerdict;

    public long rttMeanMicros() {
        return rttMeanMicros;
    }

    public long rttP95Micros() {
        return rttP95Micros;
    }

    public long twoWayJitterMicros() {
        return twoWayJitterMicros;
    }

    public long ingressJitterMicros() {
        return ingressJitterMicros;
    }

    public long egressJitterMicros() {
        return egressJitterMicros;
    }

    public long answered() {
        return answered;
    }

    public long lost() {
        return lost;
    }

    public long resolved() {
        return answered + lost;
    }

    /** Whether enough probes were resolved for {@link #lossPercent()} to be a verdict. */
    public boolean hasLossVerdict() {
        return lossVerdict;
    }

    /** Loss in percent of resolved probes, 0 before any resolved. */
    public double lossPercent() {
        long resolved = resolved();
        return resolved == 0 ? 0 : 100.0 * lost / resolved;
    }

    public PeriodMetrics copy() {
        PeriodMetrics c = new PeriodMetrics();
        c.copyFrom(this);
        return c;
    }

    void copyFrom(PeriodMetrics o) {
        rttMeanMicros = o.rttMeanMicros;
        rttP95Micros = o.rttP95Micros;
        twoWayJitterMicros = o.twoWayJitterMicros;
        ingressJitterMicros = o.ingressJitterMicros;
        egressJitterMicros = o.egressJitterMicros;
        answered = o.answered;
        lost = o.lost;
        lossVerdict = o.lossVerdict;
    }

    @Override
    public String toString() {
        return "rtt=" + rttMeanMicros + "us p95=" + rttP95Micros + "us jitter(two-way/ingress/egress)="
                + twoWayJitterMicros + "/" + ingressJitterMicros + "/" + egressJitterMicros + "us loss="
                + lost + "/" + resolved();
    }
}
