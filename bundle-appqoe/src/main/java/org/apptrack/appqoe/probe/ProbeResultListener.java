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

    /** No reply to probe {@code sequence} arrived within the path's loss timeout. */
    void onLost(String pathId, long sequence);
}
