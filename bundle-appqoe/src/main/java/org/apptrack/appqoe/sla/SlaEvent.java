package org.apptrack.appqoe.sla;

import org.apptrack.appqoe.metrics.PeriodMetrics;

/**
 * A path started or stopped violating its SLA rule, with what was measured at that moment: the
 * content of an APPQOE_SLA_METRIC_VIOLATION log (reason bitmask, per-metric violation counts,
 * the period's figures so far, violation duration).
 */
public final class SlaEvent {

    public enum Type {
        /** The rule is violated (raised during the period, as soon as the count is reached). */
        VIOLATION,
        /** The required number of clean periods followed a violation. */
        RECOVERY
    }

    private final Type type;
    private final String path;
    private final SlaRule rule;
    private final int reason;
    private final int rttViolationCount;
    private final int jitterViolationCount;
    private final long lossViolationCount;
    private final PeriodMetrics measured;
    private final long violationDurationNanos;
    private final long timeNanos;

    public SlaEvent(Type type, String path, SlaRule rule, int reason, int rttViolationCount, int jitterViolationCount,
                    long lossViolationCount, PeriodMetrics measured, long violationDurationNanos, long timeNanos) {
        this.type = type;
        this.path = path;
        this.rule = rule;
        this.reason = reason;
        this.rttViolationCount = rttViolationCount;
        this.jitterViolationCount = jitterViolationCount;
        this.lossViolationCount = lossViolationCount;
        this.measured = measured;
        this.violationDurationNanos = violationDurationNanos;
        this.timeNanos = timeNanos;
    }

    public Type type() {
        return type;
    }

    public String path() {
        return path;
    }

    public SlaRule rule() {
        return rule;
    }

    /** {@link ViolationReason} bits: for a violation what is violated, for a recovery what was. */
    public int reason() {
        return reason;
    }

    /** RTT samples above target in the period (Junos rtt-violation-count). */
    public int rttViolationCount() {
        return rttViolationCount;
    }

    /** Samples with jitter above target in the period (Junos jitter-violation-count). */
    public int jitterViolationCount() {
        return jitterViolationCount;
    }

    /** Probes lost in the period (Junos pkt-loss-violation-count). */
    public long lossViolationCount() {
        return lossViolationCount;
    }

    /** The figures measured: the period so far for a violation, the last clean one for a recovery. */
    public PeriodMetrics measured() {
        return measured;
    }

    /** How long the violation lasted (0 for a violation event). */
    public long violationDurationNanos() {
        return violationDurationNanos;
    }

    public long timeNanos() {
        return timeNanos;
    }

    @Override
    public String toString() {
        return type + " " + path + " " + rule.name() + " reason=" + reason + " (" + ViolationReason.describe(reason)
                + ") " + measured;
    }
}
