package org.apptrack.appqoe.api;

/**
 * What one sampling period measured on a path, in microseconds and percent;
 * {@link #NOT_MEASURED} (4294967295, as SRX logs it) for a figure without samples; and when the
 * period closed, which tells one period from the next even when their figures are the same.
 */
public final class PeriodFigures {

    public static final long NOT_MEASURED = 4294967295L;
    public static final PeriodFigures NONE = new PeriodFigures(NOT_MEASURED, NOT_MEASURED, NOT_MEASURED,
            NOT_MEASURED, NOT_MEASURED, 0, 0, -1);

    private final long rttMeanMicros;
    private final long rttP95Micros;
    private final long twoWayJitterMicros;
    private final long ingressJitterMicros;
    private final long egressJitterMicros;
    private final long answered;
    private final long lost;
    private final double lossPercent;
    private final long endMillis;

    /** @param lossPercent -1 when the period had too few probes for a loss verdict */
    public PeriodFigures(long rttMeanMicros, long rttP95Micros, long twoWayJitterMicros, long ingressJitterMicros,
            long egressJitterMicros, long answered, long lost, double lossPercent) {
        this(rttMeanMicros, rttP95Micros, twoWayJitterMicros, ingressJitterMicros, egressJitterMicros, answered, lost,
                lossPercent, 0);
    }

    /**
     * @param lossPercent -1 when the period had too few probes for a loss verdict
     * @param endMillis   wall-clock milliseconds when the period closed, 0 when unknown
     */
    public PeriodFigures(long rttMeanMicros, long rttP95Micros, long twoWayJitterMicros, long ingressJitterMicros,
            long egressJitterMicros, long answered, long lost, double lossPercent, long endMillis) {
        this.rttMeanMicros = rttMeanMicros;
        this.rttP95Micros = rttP95Micros;
        this.twoWayJitterMicros = twoWayJitterMicros;
        this.ingressJitterMicros = ingressJitterMicros;
        this.egressJitterMicros = egressJitterMicros;
        this.answered = answered;
        this.lost = lost;
        this.lossPercent = lossPercent;
        this.endMillis = endMillis;
    }

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

    /** Loss in percent, -1 without a verdict (too few probes resolved). */
    public double lossPercent() {
        return lossPercent;
    }

    /** Wall-clock milliseconds when the period closed, 0 when none closed yet (or unknown). */
    public long endMillis() {
        return endMillis;
    }
}
