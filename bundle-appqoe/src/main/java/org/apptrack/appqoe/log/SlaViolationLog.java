package org.apptrack.appqoe.log;

import static org.apptrack.appqoe.log.AppQoeField.EGRESS_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.INGRESS_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.JITTER_VIOLATION_COUNT;
import static org.apptrack.appqoe.log.AppQoeField.MONITORING_TIME;
import static org.apptrack.appqoe.log.AppQoeField.PKT_LOSS;
import static org.apptrack.appqoe.log.AppQoeField.PKT_LOSS_VIOLATION_COUNT;
import static org.apptrack.appqoe.log.AppQoeField.RTT;
import static org.apptrack.appqoe.log.AppQoeField.RTT_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.RTT_VIOLATION_COUNT;
import static org.apptrack.appqoe.log.AppQoeField.TARGET_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.TARGET_JITTER_TYPE;
import static org.apptrack.appqoe.log.AppQoeField.TARGET_PKT_LOSS;
import static org.apptrack.appqoe.log.AppQoeField.TARGET_RTT;
import static org.apptrack.appqoe.log.AppQoeField.VIOLATION_DURATION;
import static org.apptrack.appqoe.log.AppQoeField.VIOLATION_REASON;

/**
 * An SLA violation: what {@code APPQOE_APP_SLA_METRIC_VIOLATION} (per application) and
 * {@code APPQOE_SLA_METRIC_VIOLATION} (per session, with a {@link SessionInfo}) write. The
 * per-session message also carries the violation counts, duration and monitoring time; the
 * 21.2R1 per-application one does not. Immutable.
 */
public final class SlaViolationLog {

    final AppQoeFieldValues values;
    final String logicalSystem;

    private SlaViolationLog(Builder b) {
        this.values = b.v.copy();
        this.logicalSystem = b.logicalSystem;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link SlaViolationLog}; not thread-safe. */
    public static final class Builder extends RuleContextBuilder<Builder> {

        private Builder() {
        }

        /** The values measured on the path. */
        public Builder measured(SlaMetrics m) {
            m.fill(v, INGRESS_JITTER, EGRESS_JITTER, RTT_JITTER, RTT, PKT_LOSS);
            return this;
        }

        /**
         * The SLA's targets: {@code target-jitter-type} as Junos numbers it (the samples show 0 and
         * 2), jitter and RTT in microseconds, loss in percent.
         */
        public Builder targets(int jitterType, long jitterMicros, long rttMicros, long lossPercent) {
            v.set(TARGET_JITTER_TYPE, jitterType).set(TARGET_JITTER, jitterMicros).set(TARGET_RTT, rttMicros)
                    .set(TARGET_PKT_LOSS, lossPercent);
            return this;
        }

        /** The violated metrics as a mask: 1 RTT, 2 jitter, 4 loss ({@code ViolationReason}). */
        public Builder violationReason(int mask) {
            v.set(VIOLATION_REASON, mask);
            return this;
        }

        /** How many times each metric was violated in the period (per-session message only). */
        public Builder violationCounts(long jitter, long loss, long rtt) {
            v.set(JITTER_VIOLATION_COUNT, jitter).set(PKT_LOSS_VIOLATION_COUNT, loss).set(RTT_VIOLATION_COUNT, rtt);
            return this;
        }

        /** Seconds the path has been in violation (per-session message only). */
        public Builder violationDurationSeconds(long seconds) {
            v.set(VIOLATION_DURATION, seconds);
            return this;
        }

        /** {@code monitoring-time} (per-session message only). */
        public Builder monitoringTime(long value) {
            v.set(MONITORING_TIME, value);
            return this;
        }

        public SlaViolationLog build() {
            return new SlaViolationLog(this);
        }
    }
}
