package org.apptrack.appqoe.log;

import static org.apptrack.appqoe.log.AppQoeField.ACTIVE_PROBE_TYPE;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_ADDRESS;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_PORT;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_ZONE_NAME;
import static org.apptrack.appqoe.log.AppQoeField.EGRESS_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.FORWARDING_CLASS;
import static org.apptrack.appqoe.log.AppQoeField.INGRESS_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.LOSS_PRIORITY;
import static org.apptrack.appqoe.log.AppQoeField.MAX_EGRESS_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.MAX_INGRESS_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.MAX_PKT_LOSS;
import static org.apptrack.appqoe.log.AppQoeField.MAX_RTT;
import static org.apptrack.appqoe.log.AppQoeField.MAX_RTT_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.MIN_EGRESS_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.MIN_INGRESS_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.MIN_PKT_LOSS;
import static org.apptrack.appqoe.log.AppQoeField.MIN_RTT;
import static org.apptrack.appqoe.log.AppQoeField.MIN_RTT_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.MONITORING_TIME;
import static org.apptrack.appqoe.log.AppQoeField.PKT_LOSS;
import static org.apptrack.appqoe.log.AppQoeField.PROBE_COUNT;
import static org.apptrack.appqoe.log.AppQoeField.RTT;
import static org.apptrack.appqoe.log.AppQoeField.RTT_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.SOURCE_ADDRESS;
import static org.apptrack.appqoe.log.AppQoeField.SOURCE_PORT;

/**
 * An SLA metric report: what {@code APPQOE_ACTIVE_SLA_METRIC_REPORT} (one path's probes),
 * {@code APPQOE_APP_ACTIVE_SLA_METRIC_REPORT} / {@code APPQOE_APP_PASSIVE_SLA_METRIC_REPORT}
 * (per application, with minimum, maximum and probe count) and
 * {@code APPQOE_PASSIVE_SLA_METRIC_REPORT} (per session, with a {@link SessionInfo}) write.
 * Immutable.
 */
public final class SlaMetricReportLog {

    final AppQoeFieldValues values;
    final String logicalSystem;

    private SlaMetricReportLog(Builder b) {
        this.values = b.v.copy();
        this.logicalSystem = b.logicalSystem;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link SlaMetricReportLog}; not thread-safe. */
    public static final class Builder extends RuleContextBuilder<Builder> {

        private Builder() {
        }

        /** The values of the period (the mean, for the per-application reports). */
        public Builder measured(SlaMetrics m) {
            m.fill(v, INGRESS_JITTER, EGRESS_JITTER, RTT_JITTER, RTT, PKT_LOSS);
            return this;
        }

        /** The smallest values of the period (per-application reports). */
        public Builder minimum(SlaMetrics m) {
            m.fill(v, MIN_INGRESS_JITTER, MIN_EGRESS_JITTER, MIN_RTT_JITTER, MIN_RTT, MIN_PKT_LOSS);
            return this;
        }

        /** The largest values of the period (per-application reports). */
        public Builder maximum(SlaMetrics m) {
            m.fill(v, MAX_INGRESS_JITTER, MAX_EGRESS_JITTER, MAX_RTT_JITTER, MAX_RTT, MAX_PKT_LOSS);
            return this;
        }

        /** Probes resolved in the period (per-application reports). */
        public Builder probeCount(long count) {
            v.set(PROBE_COUNT, count);
            return this;
        }

        /** {@code monitoring-time}: the 20.4R1 and later samples (29126, 59882) read as milliseconds of the period. */
        public Builder monitoringTime(long value) {
            v.set(MONITORING_TIME, value);
            return this;
        }

        /** The probe's own addresses ({@code APPQOE_ACTIVE_SLA_METRIC_REPORT}). */
        public Builder probe(String sourceAddress, int sourcePort, String destinationAddress, int destinationPort) {
            v.set(SOURCE_ADDRESS, sourceAddress).set(SOURCE_PORT, sourcePort)
                    .set(DESTINATION_ADDRESS, destinationAddress).set(DESTINATION_PORT, destinationPort);
            return this;
        }

        /** The zone of the path's interface ({@code APPQOE_ACTIVE_SLA_METRIC_REPORT}). */
        public Builder destinationZone(String zone) {
            v.set(DESTINATION_ZONE_NAME, zone);
            return this;
        }

        /**
         * The probe's class of service and kind ({@code APPQOE_ACTIVE_SLA_METRIC_REPORT}):
         * e.g. {@code network-control}, {@code low}, {@code http head}.
         */
        public Builder probeClass(String forwardingClass, String lossPriority, String probeType) {
            v.set(FORWARDING_CLASS, forwardingClass).set(LOSS_PRIORITY, lossPriority)
                    .set(ACTIVE_PROBE_TYPE, probeType);
            return this;
        }

        public SlaMetricReportLog build() {
            return new SlaMetricReportLog(this);
        }
    }
}
