package org.apptrack.appqoe.log;

import static org.apptrack.appqoe.log.AppQoeField.ACTIVE_PROBE_PARAMS;
import static org.apptrack.appqoe.log.AppQoeField.ACTIVE_PROBE_TYPE;
import static org.apptrack.appqoe.log.AppQoeField.APBR_PROFILE;
import static org.apptrack.appqoe.log.AppQoeField.APBR_RULE;
import static org.apptrack.appqoe.log.AppQoeField.APPLICATION;
import static org.apptrack.appqoe.log.AppQoeField.BYTES_FROM_CLIENT;
import static org.apptrack.appqoe.log.AppQoeField.BYTES_FROM_SERVER;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_ADDRESS;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_GROUP_NAME;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_INTERFACE_NAME;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_LINK_PRIORITY;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_LINK_TAG;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_PORT;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_ZONE_NAME;
import static org.apptrack.appqoe.log.AppQoeField.EGRESS_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.ELAPSED_TIME;
import static org.apptrack.appqoe.log.AppQoeField.FORWARDING_CLASS;
import static org.apptrack.appqoe.log.AppQoeField.FORWARDING_NEXTHOP_ID;
import static org.apptrack.appqoe.log.AppQoeField.GROUP_NAME;
import static org.apptrack.appqoe.log.AppQoeField.INGRESS_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.IP_DSCP;
import static org.apptrack.appqoe.log.AppQoeField.JITTER_VIOLATION_COUNT;
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
import static org.apptrack.appqoe.log.AppQoeField.NESTED_APPLICATION;
import static org.apptrack.appqoe.log.AppQoeField.OTHER_APP;
import static org.apptrack.appqoe.log.AppQoeField.PACKETS_FROM_CLIENT;
import static org.apptrack.appqoe.log.AppQoeField.PACKETS_FROM_SERVER;
import static org.apptrack.appqoe.log.AppQoeField.PKT_LOSS;
import static org.apptrack.appqoe.log.AppQoeField.PKT_LOSS_VIOLATION_COUNT;
import static org.apptrack.appqoe.log.AppQoeField.PREVIOUS_INTERFACE;
import static org.apptrack.appqoe.log.AppQoeField.PREVIOUS_LINK_PRIORITY;
import static org.apptrack.appqoe.log.AppQoeField.PREVIOUS_LINK_TAG;
import static org.apptrack.appqoe.log.AppQoeField.PROBE_COUNT;
import static org.apptrack.appqoe.log.AppQoeField.PROTOCOL_ID;
import static org.apptrack.appqoe.log.AppQoeField.REASON;
import static org.apptrack.appqoe.log.AppQoeField.ROLES;
import static org.apptrack.appqoe.log.AppQoeField.ROUTING_INSTANCE;
import static org.apptrack.appqoe.log.AppQoeField.RTT;
import static org.apptrack.appqoe.log.AppQoeField.RTT_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.RTT_VIOLATION_COUNT;
import static org.apptrack.appqoe.log.AppQoeField.SELECTION_CRITERIA;
import static org.apptrack.appqoe.log.AppQoeField.SERVER_IP;
import static org.apptrack.appqoe.log.AppQoeField.SERVER_URL;
import static org.apptrack.appqoe.log.AppQoeField.SERVICE_NAME;
import static org.apptrack.appqoe.log.AppQoeField.SESSION_COUNT;
import static org.apptrack.appqoe.log.AppQoeField.SESSION_ID_32;
import static org.apptrack.appqoe.log.AppQoeField.SLA_RULE;
import static org.apptrack.appqoe.log.AppQoeField.SOURCE_ADDRESS;
import static org.apptrack.appqoe.log.AppQoeField.SOURCE_PORT;
import static org.apptrack.appqoe.log.AppQoeField.SOURCE_ZONE_NAME;
import static org.apptrack.appqoe.log.AppQoeField.TARGET_JITTER;
import static org.apptrack.appqoe.log.AppQoeField.TARGET_JITTER_TYPE;
import static org.apptrack.appqoe.log.AppQoeField.TARGET_PKT_LOSS;
import static org.apptrack.appqoe.log.AppQoeField.TARGET_RTT;
import static org.apptrack.appqoe.log.AppQoeField.USERNAME;
import static org.apptrack.appqoe.log.AppQoeField.VIOLATION_DURATION;
import static org.apptrack.appqoe.log.AppQoeField.VIOLATION_REASON;

import org.apptrack.syslog.api.LogRecord;

/**
 * The AppQoE messages, each with its fields declared once in the order of the seed document's
 * newest sample of it ({@code srx-log-format.md}: the session-level messages as of 18.2R1, the
 * active report and the {@code APPQOE_APP_*} messages as of 20.4R1/21.2R1). The head of the
 * best-path and violation bodies is documented; the metric reports have none (a Junos test
 * library expects the session right after the tag); the bodies of the {@code APPQOE_APP_*}
 * messages follow the same rules (inferred).
 */
public enum AppQoeMessage {
    /** A session moved to the best path (18.2R1 sample; the reason is in the body only). */
    BEST_PATH_SELECTED("APPQOE_BEST_PATH_SELECTED", AppQoeLayout.of("AppQoE Best path selected ", true, 384,
            SOURCE_ADDRESS, SOURCE_PORT, DESTINATION_ADDRESS, DESTINATION_PORT, APBR_PROFILE, APBR_RULE, APPLICATION,
            NESTED_APPLICATION, GROUP_NAME, SERVICE_NAME, PROTOCOL_ID, SOURCE_ZONE_NAME, DESTINATION_ZONE_NAME,
            SESSION_ID_32, USERNAME, ROLES, ROUTING_INSTANCE, DESTINATION_INTERFACE_NAME, IP_DSCP, SLA_RULE,
            ELAPSED_TIME, BYTES_FROM_CLIENT, BYTES_FROM_SERVER, PACKETS_FROM_CLIENT, PACKETS_FROM_SERVER,
            PREVIOUS_INTERFACE, ACTIVE_PROBE_PARAMS, DESTINATION_GROUP_NAME)),
    /** One path's active-probe measurements (20.4R1 sample). */
    ACTIVE_SLA_METRIC_REPORT("APPQOE_ACTIVE_SLA_METRIC_REPORT", AppQoeLayout.of("", false, 256,
            SOURCE_ADDRESS, SOURCE_PORT, DESTINATION_ADDRESS, DESTINATION_PORT, DESTINATION_ZONE_NAME,
            ROUTING_INSTANCE, DESTINATION_INTERFACE_NAME, IP_DSCP, INGRESS_JITTER, EGRESS_JITTER, RTT_JITTER, RTT,
            PKT_LOSS, MONITORING_TIME, ACTIVE_PROBE_PARAMS, DESTINATION_GROUP_NAME, FORWARDING_CLASS, LOSS_PRIORITY,
            ACTIVE_PROBE_TYPE)),
    /** One session's in-band measurements (18.2R1 sample). */
    PASSIVE_SLA_METRIC_REPORT("APPQOE_PASSIVE_SLA_METRIC_REPORT", AppQoeLayout.of("", false, 384,
            SOURCE_ADDRESS, SOURCE_PORT, DESTINATION_ADDRESS, DESTINATION_PORT, APBR_PROFILE, APBR_RULE, APPLICATION,
            NESTED_APPLICATION, GROUP_NAME, SERVICE_NAME, PROTOCOL_ID, SOURCE_ZONE_NAME, DESTINATION_ZONE_NAME,
            SESSION_ID_32, USERNAME, ROLES, ROUTING_INSTANCE, DESTINATION_INTERFACE_NAME, IP_DSCP, SLA_RULE,
            INGRESS_JITTER, EGRESS_JITTER, RTT_JITTER, RTT, PKT_LOSS, BYTES_FROM_CLIENT, BYTES_FROM_SERVER,
            PACKETS_FROM_CLIENT, PACKETS_FROM_SERVER, MONITORING_TIME, ACTIVE_PROBE_PARAMS, DESTINATION_GROUP_NAME)),
    /** A session's path violated its SLA (18.2R1 sample). */
    SLA_METRIC_VIOLATION("APPQOE_SLA_METRIC_VIOLATION", AppQoeLayout.of("AppQoE SLA Violation happened ", false, 448,
            SOURCE_ADDRESS, SOURCE_PORT, DESTINATION_ADDRESS, DESTINATION_PORT, APBR_PROFILE, APBR_RULE, APPLICATION,
            NESTED_APPLICATION, GROUP_NAME, SERVICE_NAME, PROTOCOL_ID, SOURCE_ZONE_NAME, DESTINATION_ZONE_NAME,
            SESSION_ID_32, USERNAME, ROLES, ROUTING_INSTANCE, DESTINATION_INTERFACE_NAME, IP_DSCP, SLA_RULE,
            INGRESS_JITTER, EGRESS_JITTER, RTT_JITTER, RTT, PKT_LOSS, TARGET_JITTER_TYPE, TARGET_JITTER, TARGET_RTT,
            TARGET_PKT_LOSS, VIOLATION_REASON, JITTER_VIOLATION_COUNT, PKT_LOSS_VIOLATION_COUNT, RTT_VIOLATION_COUNT,
            VIOLATION_DURATION, BYTES_FROM_CLIENT, BYTES_FROM_SERVER, PACKETS_FROM_CLIENT, PACKETS_FROM_SERVER,
            MONITORING_TIME, ACTIVE_PROBE_PARAMS, DESTINATION_GROUP_NAME)),
    /** An application's traffic moved to the best path (21.2R1 samples). */
    APP_BEST_PATH_SELECTED("APPQOE_APP_BEST_PATH_SELECTED", AppQoeLayout.of("AppQoE Best path selected ", true, 320,
            APBR_PROFILE, APBR_RULE, APPLICATION, OTHER_APP, GROUP_NAME, ROUTING_INSTANCE, PREVIOUS_INTERFACE,
            DESTINATION_INTERFACE_NAME, SLA_RULE, ACTIVE_PROBE_PARAMS, DESTINATION_GROUP_NAME, REASON, SESSION_COUNT,
            VIOLATION_DURATION, IP_DSCP, SELECTION_CRITERIA, FORWARDING_NEXTHOP_ID, SERVER_IP, SERVER_URL,
            PREVIOUS_LINK_TAG, PREVIOUS_LINK_PRIORITY, DESTINATION_LINK_TAG, DESTINATION_LINK_PRIORITY)),
    /** An application's path violated its SLA (21.2R1 samples). */
    APP_SLA_METRIC_VIOLATION("APPQOE_APP_SLA_METRIC_VIOLATION", AppQoeLayout.of("AppQoE SLA Violation happened ",
            false, 320,
            APBR_PROFILE, APBR_RULE, APPLICATION, OTHER_APP, GROUP_NAME, ROUTING_INSTANCE, DESTINATION_INTERFACE_NAME,
            SLA_RULE, INGRESS_JITTER, EGRESS_JITTER, RTT_JITTER, RTT, PKT_LOSS, TARGET_JITTER_TYPE, TARGET_JITTER,
            TARGET_RTT, TARGET_PKT_LOSS, VIOLATION_REASON, ACTIVE_PROBE_PARAMS, DESTINATION_GROUP_NAME, IP_DSCP,
            SELECTION_CRITERIA)),
    /** An application's path measurements over the period, from its active probes (inferred: no sample). */
    APP_ACTIVE_SLA_METRIC_REPORT("APPQOE_APP_ACTIVE_SLA_METRIC_REPORT", appReportLayout()),
    /** An application's path measurements over the period (21.2R1 samples). */
    APP_PASSIVE_SLA_METRIC_REPORT("APPQOE_APP_PASSIVE_SLA_METRIC_REPORT", appReportLayout());

    private final String tag;
    private final AppQoeLayout layout;

    AppQoeMessage(String tag, AppQoeLayout layout) {
        this.tag = tag;
        this.layout = layout;
    }

    private static AppQoeLayout appReportLayout() {
        return AppQoeLayout.of("", false, 384,
                APBR_PROFILE, APBR_RULE, APPLICATION, OTHER_APP, GROUP_NAME, ROUTING_INSTANCE,
                DESTINATION_INTERFACE_NAME, SLA_RULE, INGRESS_JITTER, EGRESS_JITTER, RTT_JITTER, RTT, PKT_LOSS,
                MIN_INGRESS_JITTER, MIN_EGRESS_JITTER, MIN_RTT_JITTER, MIN_RTT, MIN_PKT_LOSS, MAX_INGRESS_JITTER,
                MAX_EGRESS_JITTER, MAX_RTT_JITTER, MAX_RTT, MAX_PKT_LOSS, PROBE_COUNT, MONITORING_TIME,
                ACTIVE_PROBE_PARAMS, DESTINATION_GROUP_NAME, IP_DSCP, SELECTION_CRITERIA);
    }

    /** The message tag (MSGID); an {@code _LS} record appends {@code _LS}. */
    public String tag() {
        return tag;
    }

    public AppQoeLayout layout() {
        return layout;
    }

    /**
     * A record of this message.
     *
     * @param logicalSystem the logical system; {@code null} or the root one for none
     * @param headReason the reason of a best-path body when the message has no {@code reason}
     *        field ({@link #BEST_PATH_SELECTED}); ignored otherwise
     */
    public LogRecord build(AppQoeFieldValues values, long timeMillis, String logicalSystem, String headReason) {
        return layout.build(tag, values, timeMillis, logicalSystem, headReason);
    }

    /** A record of this message for the root logical system. */
    public LogRecord build(AppQoeFieldValues values, long timeMillis) {
        return build(values, timeMillis, LogRecord.ROOT_LOGICAL_SYSTEM, null);
    }
}
