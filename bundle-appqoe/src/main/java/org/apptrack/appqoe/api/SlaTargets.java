package org.apptrack.appqoe.api;

import java.util.Objects;

/**
 * What an SLA rule's metrics profile asks of a path: round-trip time and jitter in microseconds,
 * loss in percent, 0 for a target the profile leaves out; which jitter is judged
 * ({@code two-way}, {@code ingress}, {@code egress}) and whether one violated metric is a violation
 * ({@code any}) or it takes all configured ones ({@code all}).
 */
public final class SlaTargets {

    private final long rttMicros;
    private final long jitterMicros;
    private final String jitterType;
    private final double lossPercent;
    private final String match;

    public SlaTargets(long rttMicros, long jitterMicros, String jitterType, double lossPercent, String match) {
        this.rttMicros = rttMicros;
        this.jitterMicros = jitterMicros;
        this.jitterType = Objects.requireNonNull(jitterType);
        this.lossPercent = lossPercent;
        this.match = Objects.requireNonNull(match);
    }

    /** RTT target in microseconds, 0 when not judged. */
    public long rttMicros() {
        return rttMicros;
    }

    /** Jitter target in microseconds, 0 when not judged. */
    public long jitterMicros() {
        return jitterMicros;
    }

    /** {@code two-way}, {@code ingress} or {@code egress}. */
    public String jitterType() {
        return jitterType;
    }

    /** Loss target in percent, 0 when not judged. */
    public double lossPercent() {
        return lossPercent;
    }

    /** {@code any} or {@code all}. */
    public String match() {
        return match;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SlaTargets)) {
            return false;
        }
        SlaTargets t = (SlaTargets) o;
        return rttMicros == t.rttMicros && jitterMicros == t.jitterMicros && jitterType.equals(t.jitterType)
                && Double.compare(lossPercent, t.lossPercent) == 0 && match.equals(t.match);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rttMicros, jitterMicros, jitterType, lossPercent, match);
    }

    @Override
    public String toString() {
        return "rtt=" + rttMicros + "us jitter=" + jitterMicros + "us (" + jitterType + ") loss=" + lossPercent
                + "% match " + match;
    }
}
