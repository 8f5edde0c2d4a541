package org.apptrack.appqoe.log;

import org.apptrack.appqoe.metrics.PeriodMetrics;

/**
 * Measured SLA values as the APPQOE_* messages write them: jitters and RTT in microseconds, loss
 * in percent; a value not measured is {@link #NOT_MEASURED} (4294967295, as Junos writes it).
 * Immutable.
 */
public final class SlaMetrics {

    /** Written where a value was not measured (the unsigned 32-bit maximum, as Junos). */
    public static final long NOT_MEASURED = PeriodMetrics.NOT_MEASURED;

    private final long ingressJitterMicros;
    private final long egressJitterMicros;
    private final long rttJitterMicros;
    private final long rttMicros;
    private final long lossPercent;

    private SlaMetrics(long ingressJitterMicros, long egressJitterMicros, long rttJitterMicros, long rttMicros,
                       long lossPercent) {
        this.ingressJitterMicros = requireValue("ingress-jitter", ingressJitterMicros);
        this.egressJitterMicros = requireValue("egress-jitter", egressJitterMicros);
        this.rttJitterMicros = requireValue("rtt-jitter", rttJitterMicros);
        this.rttMicros = requireValue("rtt", rttMicros);
        if (lossPercent < 0 || lossPercent > 100) {
            throw new IllegalArgumentException("pkt-loss must be a percentage 0..100, was " + lossPercent);
        }
        this.lossPercent = lossPercent;
    }

    /**
     * Values as measured; pass {@link #NOT_MEASURED} for a jitter or RTT not measured.
     *
     * @throws IllegalArgumentException naming the field when a value is negative or above
     *         {@link #NOT_MEASURED}, or the loss is not 0..100
     */
    public static SlaMetrics of(long ingressJitterMicros, long egressJitterMicros, long rttJitterMicros,
                                long rttMicros, long lossPercent) {
        return new SlaMetrics(ingressJitterMicros, egressJitterMicros, rttJitterMicros, rttMicros, lossPercent);
    }

    /**
     * The figures of a probing period: the mean RTT, the two-way jitter as {@code rtt-jitter},
     * the loss rounded to a whole percent.
     */
    public static SlaMetrics of(PeriodMetrics period) {
        return new SlaMetrics(period.ingressJitterMicros(), period.egressJitterMicros(),
                period.twoWayJitterMicros(), period.rttMeanMicros(), Math.round(period.lossPercent()));
    }

    private static long requireValue(String field, long value) {
        if (value < 0 || value > NOT_MEASURED) {
            throw new IllegalArgumentException(field + " must be 0.." + NOT_MEASURED + " microseconds, was " + value);
        }
        return value;
    }

    public long ingressJitterMicros() {
        return ingressJitterMicros;
    }

    public long egressJitterMicros() {
        return egressJitterMicros;
    }

    public long rttJitterMicros() {
        return rttJitterMicros;
    }

    public long rttMicros() {
        return rttMicros;
    }

    public long lossPercent() {
        return lossPercent;
    }

    void fill(AppQoeFieldValues v, AppQoeField ingress, AppQoeField egress, AppQoeField rttJitter, AppQoeField rtt,
              AppQoeField loss) {
        v.set(ingress, ingressJitterMicros).set(egress, egressJitterMicros).set(rttJitter, rttJitterMicros)
                .set(rtt, rttMicros).set(loss, lossPercent);
    }

    @Override
    public String toString() {
        return "ingress-jitter=" + ingressJitterMicros + " egress-jitter=" + egressJitterMicros + " rtt-jitter="
                + rttJitterMicros + " rtt=" + rttMicros + " pkt-loss=" + lossPercent;
    }
}
