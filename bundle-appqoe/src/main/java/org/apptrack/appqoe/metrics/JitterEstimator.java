package org.apptrack.appqoe.metrics;

/**
 * RFC 3550 (section 6.4.1) interarrival jitter: {@code J += (|D| - J) / 16}, where D is the
 * difference between two consecutive transit values. Fed with RTTs it gives two-way jitter; fed
 * with one-way deltas (receive stamp minus send stamp) it gives ingress or egress jitter without
 * synchronised clocks, because a constant clock offset cancels in the difference.
 */
public final class JitterEstimator {

    private long previous;
    private long values;
    private double jitter;

    /** Adds one transit value (microseconds) and returns the updated jitter estimate. */
    public double add(long transitMicros) {
        if (values > 0) {
            long d = Math.abs(transitMicros - previous);
            jitter += (d - jitter) / 16.0;
        }
        previous = transitMicros;
        values++;
        return jitter;
    }

    /** The current estimate in microseconds (0 until two values were seen). */
    public double jitterMicros() {
        return jitter;
    }

    /** Whether a difference was taken yet, i.e. the estimate means something. */
    public boolean hasEstimate() {
        return values >= 2;
    }

    /** Forgets everything, as for a new path. */
    public void reset() {
        previous = 0;
        values = 0;
        jitter = 0;
    }
}
