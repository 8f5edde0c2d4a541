package org.apptrack.appqoe.sla;

import java.util.Objects;

/**
 * Junos {@code metrics-profile}: targets for round-trip delay and jitter in microseconds and for
 * packet loss in percent; a target left out (0) is not judged. At least one target is required,
 * as a profile without one could never be violated.
 */
public final class MetricsProfile {

    private final String name;
    private final long rttMicros;
    private final long jitterMicros;
    private final JitterType jitterType;
    private final double lossPercent;
    private final MatchMode match;

    public MetricsProfile(String name, long rttMicros, long jitterMicros, JitterType jitterType,
                          double lossPercent, MatchMode match) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("metrics-profile name must not be empty");
        }
        if (rttMicros < 0) {
            throw new IllegalArgumentException("metrics-profile " + name + ": delay-round-trip must be >= 0 us, was " + rttMicros);
        }
        if (jitterMicros < 0) {
            throw new IllegalArgumentException("metrics-profile " + name + ": jitter must be >= 0 us, was " + jitterMicros);
        }
        if (!(lossPercent >= 0 && lossPercent <= 100)) {
            throw new IllegalArgumentException("metrics-profile " + name + ": packet-loss must be 0-100 %, was " + lossPercent);
        }
        if (rttMicros == 0 && jitterMicros == 0 && lossPercent == 0) {
            throw new IllegalArgumentException("metrics-profile " + name + ": needs at least one of delay-round-trip, jitter, packet-loss");
        }
        this.name = name;
        this.rttMicros = rttMicros;
        this.jitterMicros = jitterMicros;
        this.jitterType = Objects.requireNonNull(jitterType, "metrics-profile " + name + ": jitter-type");
        this.lossPercent = lossPercent;
        this.match = Objects.requireNonNull(match, "metrics-profile " + name + ": match");
    }

    public String name() {
        return name;
    }

    /** RTT target in microseconds, 0 when not judged. */
    public long rttMicros() {
        return rttMicros;
    }

    /** Jitter target in microseconds, 0 when not judged. */
    public long jitterMicros() {
        return jitterMicros;
    }

    public JitterType jitterType() {
        return jitterType;
    }

    /** Loss target in percent, 0 when not judged. */
    public double lossPercent() {
        return lossPercent;
    }

    public MatchMode match() {
        return match;
    }

    /** The reason bits of the configured metrics. */
    public int configuredMask() {
        return (rttMicros > 0 ? ViolationReason.RTT : 0)
                | (jitterMicros > 0 ? ViolationReason.JITTER : 0)
                | (lossPercent > 0 ? ViolationReason.LOSS : 0);
    }

    @Override
    public String toString() {
        return "metrics-profile " + name + " rtt=" + rttMicros + "us jitter=" + jitterMicros + "us ("
                + jitterType.configName() + ") loss=" + lossPercent + "% match " + match.name().toLowerCase();
    }
}
