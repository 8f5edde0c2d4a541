package org.apptrack.appqoe.probe;

/**
 * Receives the outcome of each active probe of a path. Called on the probe socket's I/O thread:
 * implementations must return quickly and must not block (hand the sample to a bounded window).
 */
public interface ProbeResultListener {

    /**
     * A reply matched probe {@code sequence}.
     *
     * @param rttNanos      round-trip time without the reflector's residence time: (t4 - t1) - (t3 - t2)
     * @param forwardNanos  t2 - t1, sender to reflector; includes the clock offset between the two,
     *                      so only its differences (ingress jitter) are meaningful without sync
     * @param backwardNanos t4 - t3, reflector to sender; likewise for egress jitter
     */
    void onResult(String pathId, long sequence, long rttNanos, long forwardNanos, long backwardNanos);

    /**
     * A probe without one-way timestamps (HTTP HEAD) was answered: only its round-trip time is
     * known, for {@code PathMetrics.answered(rttMicros)}. Listeners of STAMP probes alone need not
     * implement it; a listener given to an HTTP prober must.
     *
     * @param rttNanos request sent to response received
     */
    default void onRoundTrip(String pathId, long sequence, long rttNanos) {
        throw new UnsupportedOperationException(getClass().getName() + " does not take round-trip-only results");
    }

    /** No reply to probe {@code sequence} arrived within the path's loss timeout. */
    void onLost(String pathId, long sequence);
}
