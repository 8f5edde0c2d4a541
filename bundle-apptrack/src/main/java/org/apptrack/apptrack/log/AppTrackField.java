package org.apptrack.apptrack.log;

/**
 * The structured fields of the AppTrack messages, spelled as in {@code srx-log-format.md}
 * (Junos {@code RT_FLOW} AppTrack logs), each with what it holds when nothing applies: {@code N/A}
 * for text, 0 for counts, the empty string for {@code uplink-incoming-interface-name} (the seed's
 * samples).
 */
public enum AppTrackField {
    REASON("reason"),
    // common prefix P
    SOURCE_ADDRESS("source-address"),
    SOURCE_PORT("source-port", true),
    DESTINATION_ADDRESS("destination-address"),
    DESTINATION_PORT("destination-port", true),
    SERVICE_NAME("service-name"),
    APPLICATION("application"),
    NESTED_APPLICATION("nested-application"),
    NAT_SOURCE_ADDRESS("nat-source-address"),
    NAT_SOURCE_PORT("nat-source-port", true),
    NAT_DESTINATION_ADDRESS("nat-destination-address"),
    NAT_DESTINATION_PORT("nat-destination-port", true),
    SRC_NAT_RULE_NAME("src-nat-rule-name"),
    DST_NAT_RULE_NAME("dst-nat-rule-name"),
    PROTOCOL_ID("protocol-id", true),
    POLICY_NAME("policy-name"),
    SOURCE_ZONE_NAME("source-zone-name"),
    DESTINATION_ZONE_NAME("destination-zone-name"),
    SESSION_ID_32("session-id-32", true),
    // counters C
    PACKETS_FROM_CLIENT("packets-from-client", true),
    BYTES_FROM_CLIENT("bytes-from-client", true),
    PACKETS_FROM_SERVER("packets-from-server", true),
    BYTES_FROM_SERVER("bytes-from-server", true),
    ELAPSED_TIME("elapsed-time", true),
    // user U
    USERNAME("username"),
    ROLES("roles"),
    ENCRYPTED("encrypted"),
    // tails
    PROFILE_NAME("profile-name"),
    RULE_NAME("rule-name"),
    ROUTING_INSTANCE("routing-instance"),
    DESTINATION_INTERFACE_NAME("destination-interface-name"),
    /** The destination interface of the route before a next-hop change. */
    LAST_DESTINATION_INTERFACE_NAME("last-destination-interface-name"),
    UPLINK_INCOMING_INTERFACE_NAME("uplink-incoming-interface-name", false, ""),
    /** The uplink incoming interface of the route before a next-hop change. */
    LAST_INCOMING_INTERFACE_NAME("last-incoming-interface-name"),
    UPLINK_TX_BYTES("uplink-tx-bytes", true),
    UPLINK_RX_BYTES("uplink-rx-bytes", true),
    CATEGORY("category"),
    SUB_CATEGORY("sub-category"),
    MULTIPATH_RULE_NAME("multipath-rule-name"),
    SOURCE_L3VPN_VRF_GROUP_NAME("source-l3vpn-vrf-group-name"),
    DESTINATION_L3VPN_VRF_GROUP_NAME("destination-l3vpn-vrf-group-name"),
    DSCP_VALUE("dscp-value"),
    APBR_RULE_TYPE("apbr-rule-type"),
    APBR_POLICY_NAME("apbr-policy-name"),
    WEBFILTER_CATEGORY("webfilter-category");

    /** Value of a text field that does not apply. */
    public static final String NOT_APPLICABLE = "N/A";

    private final String wireName;
    private final boolean numeric;
    private final String absent;

    AppTrackField(String wireName) {
        this(wireName, false, NOT_APPLICABLE);
    }

    AppTrackField(String wireName, boolean numeric) {
        this(wireName, numeric, numeric ? null : NOT_APPLICABLE);
    }

    AppTrackField(String wireName, boolean numeric, String absent) {
        this.wireName = wireName;
        this.numeric = numeric;
        this.absent = absent;
    }

    private static final AppTrackField[] VALUES = values();

    /** The field of a wire name, or null. */
    public static AppTrackField ofWireName(String name) {
        for (AppTrackField f : VALUES) {
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

    /** Whether the value is a number (written as digits). */
    public boolean isNumeric() {
        return numeric;
    }

    /** The text written when a text field does not apply. */
    public String absent() {
        return absent;
    }
}
