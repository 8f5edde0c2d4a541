package org.apptrack.appqoe.impl;

import org.apptrack.appqoe.metrics.PathMetrics;
import org.apptrack.appqoe.metrics.PeriodMetrics;

/**
 * Passive measurements of an application's sampled sessions on its active path: the TCP
 * handshake's server-side RTT (SYN to SYN/ACK, the WAN part as seen from the branch), one sample
 * per session, reported once per sampling period.
 */
final class PassiveSamples {

    private final PathMetrics metrics = new PathMetrics(256, 1);
    private long minRtt = Long.MAX_VALUE;
    private long maxRtt;
    private long periodStartNanos;

    PassiveSamples(long nowNanos) {
        periodStartNanos = nowNanos;
    }

    void add(long rttMicros) {
        metrics.answered(rttMicros);
        minRtt = Math.min(minRtt, rttMicros);
        maxRtt = Math.max(maxRtt, rttMicros);
    }

    boolean due(long nowNanos, long periodNanos) {
        return nowNanos - periodStartNanos >= periodNanos;
    }

    long samples() {
        return metrics.answeredInPeriod();
    }

    PeriodMetrics current() {
        return metrics.currentPeriod().copy();
    }

    long minRtt() {
        return minRtt == Long.MAX_VALUE ? 0 : minRtt;
    }

    long maxRtt() {
        return maxRtt;
    }

    long monitoringMillis(long nowNanos) {
        return (nowNanos - periodStartNanos) / 1_000_000L;
    }

    void restart(long nowNanos) {
        metrics.closePeriod();
        minRtt = Long.MAX_VALUE;
        maxRtt = 0;
        periodStartNanos = nowNanos;
    }
}
