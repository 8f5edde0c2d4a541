package org.apptrack.appqoe.log;

/**
 * The structured fields of the AppQoE messages, spelled as in the seed document's samples
 * (Junos {@code RT_FLOW} APPQOE_* logs), each with what it holds when the caller gave nothing:
 * {@code N/A} for text, 0 for counts. Fields named like AppTrack's have the same meaning; the
 * two bundles keep their own enums because the AppTrack log package is private to its bundle.
 */
public enum AppQoeField {
    // the session of the per-session messages
    SOURCE_ADDRESS("source-address"),
    SOURCE_PORT("source-port", Kind.COUNT),
    DESTINATION_ADDRESS("destination-address"),
    DESTINATION_PORT("destination-port", Kind.COUNT),
    // the APBR rule that chose the path
    APBR_PROFILE("apbr-profile"),
    APBR_RULE("apbr-rule"),
    APPLICATION("application"),
    NESTED_APPLICATION("nested-application"),
    OTHER_APP("other-app"),
    GROUP_NAME("group-name"),
    SERVICE_NAME("service-name"),
    PROTOCOL_ID("protocol-id", Kind.COUNT),
    SOURCE_ZONE_NAME("source-zone-name"),
    DESTINATION_ZONE_NAME("destination-zone-name"),
    SESSION_ID_32("session-id-32", Kind.COUNT),
    USERNAME("username"),
    ROLES("roles"),
    ROUTING_INSTANCE("routing-instance"),
    PREVIOUS_INTERFACE("previous-interface"),
    DESTINATION_INTERFACE_NAME("destination-interface-name"),
    IP_DSCP("ip-dscp", Kind.COUNT),
    SLA_RULE("sla-rule"),
    // measured values: microseconds, loss in percent
    INGRESS_JITTER("ingress-jitter", Kind.COUNT),
    EGRESS_JITTER("egress-jitter", Kind.COUNT),
    RTT_JITTER("rtt-jitter", Kind.COUNT),
    RTT("rtt", Kind.COUNT),
    PKT_LOSS("pkt-loss", Kind.COUNT),
    MIN_INGRESS_JITTER("min-ingress-jitter", Kind.COUNT),
    MIN_EGRESS_JITTER("min-egress-jitter", Kind.COUNT),
    MIN_RTT_JITTER("min-rtt-jitter", Kind.COUNT),
    MIN_RTT("min-rtt", Kind.COUNT),
    MIN_PKT_LOSS("min-pkt-loss", Kind.COUNT),
    MAX_INGRESS_JITTER("max-ingress-jitter", Kind.COUNT),
    MAX_EGRESS_JITTER("max-egress-jitter", Kind.COUNT),
    MAX_RTT_JITTER("max-rtt-jitter", Kind.COUNT),
    MAX_RTT("max-rtt", Kind.COUNT),
    MAX_PKT_LOSS("max-pkt-loss", Kind.COUNT),
    PROBE_COUNT("probe-count", Kind.COUNT),
    // the SLA's targets and the violation
    TARGET_JITTER_TYPE("target-jitter-type", Kind.COUNT),
    TARGET_JITTER("target-jitter", Kind.COUNT),
    TARGET_RTT("target-rtt", Kind.COUNT),
    TARGET_PKT_LOSS("target-pkt-loss", Kind.COUNT),
    VIOLATION_REASON("violation-reason", Kind.COUNT),
    JITTER_VIOLATION_COUNT("jitter-violation-count", Kind.COUNT),
    PKT_LOSS_VIOLATION_COUNT("pkt-loss-violation-count", Kind.COUNT),
    RTT_VIOLATION_COUNT("rtt-violation-count", Kind.COUNT),
    /** Seconds; {@code N/A} in a path selection of a profile without SLA metrics (21.2R1). */
    VIOLATION_DURATION("violation-duration", Kind.COUNT_OR_NOT_APPLICABLE),
    // session counters
    ELAPSED_TIME("elapsed-time", Kind.COUNT),
    BYTES_FROM_CLIENT("bytes-from-client", Kind.COUNT),
    BYTES_FROM_SERVER("bytes-from-server", Kind.COUNT),
    PACKETS_FROM_CLIENT("packets-from-client", Kind.COUNT),
    PACKETS_FROM_SERVER("packets-from-server", Kind.COUNT),
    MONITORING_TIME("monitoring-time", Kind.COUNT),
    // the probes and the destination
    ACTIVE_PROBE_PARAMS("active-probe-params"),
    DESTINATION_GROUP_NAME("destination-group-name"),
    FORWARDING_CLASS("forwarding-class"),
    LOSS_PRIORITY("loss-priority"),
    ACTIVE_PROBE_TYPE("active-probe-type"),
    // the path selection
    REASON("reason"),
    SESSION_COUNT("session-count", Kind.COUNT),
    SELECTION_CRITERIA("selection-criteria"),
    FORWARDING_NEXTHOP_ID("forwarding-nexthop-id", Kind.COUNT),
    /** The SaaS server probed; {@code 0.0.0.0} when the rule probes no SaaS server (21.2R1 samples). */
    SERVER_IP("server-ip", Kind.TEXT, "0.0.0.0"),
    SERVER_URL("server-url"),
    PREVIOUS_LINK_TAG("previous-link-tag"),
    PREVIOUS_LINK_PRIORITY("previous-link-priority", Kind.COUNT),
    DESTINATION_LINK_TAG("destination-link-tag"),
    DESTINATION_LINK_PRIORITY("destination-link-priority", Kind.COUNT);

    /** Value of a text field that does not apply. */
    public static final String NOT_APPLICABLE = "N/A";

    /** How a field's value is written. */
    public enum Kind {
        /** Text; absent is the field's absent text (mostly {@code N/A}). */
        TEXT,
        /** A number written as digits; absent is 0. */
        COUNT,
        /** A number written as digits; absent is {@code N/A}. */
        COUNT_OR_NOT_APPLICABLE
    }

    private static final AppQoeField[] VALUES = values();

    private final String wireName;
    private final Kind kind;
    private final String absentText;

    AppQoeField(String wireName) {
        this(wireName, Kind.TEXT, NOT_APPLICABLE);
    }

    AppQoeField(String wireName, Kind kind) {
        this(wireName, kind, kind == Kind.COUNT ? null : NOT_APPLICABLE);
    }

    AppQoeField(String wireName, Kind kind, String absentText) {
        this.wireName = wireName;
        this.kind = kind;
        this.absentText = absentText;
    }

    /** The field of a wire name, or null. */
    public static AppQoeField ofWireName(String name) {
        for (AppQoeField f : VALUES) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The SD-PARAM name. */
    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the value is a number (written as digits when given). */
    public boolean isNumeric() {
        return kind != Kind.TEXT;
    }

    /** What is written when no value was given: the absent text, or {@code null} for "0". */
    public String absentText() {
        return absentText;
    }
}
