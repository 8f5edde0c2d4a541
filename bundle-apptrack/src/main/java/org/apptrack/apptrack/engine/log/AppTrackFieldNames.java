package org.apptrack.apptrack.engine.log;

/**
 * Tags and structured-field names of the AppTrack messages, spelled as in
 * {@code srx-log-format.md} (Junos {@code RT_FLOW} AppTrack logs).
 */
public final class AppTrackFieldNames {

    public static final String TAG_CREATE = "APPTRACK_SESSION_CREATE";
    public static final String TAG_VOL_UPDATE = "APPTRACK_SESSION_VOL_UPDATE";
    public static final String TAG_CLOSE = "APPTRACK_SESSION_CLOSE";
    public static final String TAG_ROUTE_UPDATE = "APPTRACK_SESSION_ROUTE_UPDATE";

    public static final String REASON = "reason";

    // common prefix P
    public static final String SOURCE_ADDRESS = "source-address";
    public static final String SOURCE_PORT = "source-port";
    public static final String DESTINATION_ADDRESS = "destination-address";
    public static final String DESTINATION_PORT = "destination-port";
    public static final String SERVICE_NAME = "service-name";
    public static final String APPLICATION = "application";
    public static final String NESTED_APPLICATION = "nested-application";
    public static final String NAT_SOURCE_ADDRESS = "nat-source-address";
    public static final String NAT_SOURCE_PORT = "nat-source-port";
    public static final String NAT_DESTINATION_ADDRESS = "nat-destination-address";
    public static final String NAT_DESTINATION_PORT = "nat-destination-port";
    public static final String SRC_NAT_RULE_NAME = "src-nat-rule-name";
    public static final String DST_NAT_RULE_NAME = "dst-nat-rule-name";
    public static final String PROTOCOL_ID = "protocol-id";
    public static final String POLICY_NAME = "policy-name";
    public static final String SOURCE_ZONE_NAME = "source-zone-name";
    public static final String DESTINATION_ZONE_NAME = "destination-zone-name";
    public static final String SESSION_ID_32 = "session-id-32";

    // counters C
    public static final String PACKETS_FROM_CLIENT = "packets-from-client";
    public static final String BYTES_FROM_CLIENT = "bytes-from-client";
    public static final String PACKETS_FROM_SERVER = "packets-from-server";
    public static final String BYTES_FROM_SERVER = "bytes-from-server";
    public static final String ELAPSED_TIME = "elapsed-time";

    // user U
    public static final String USERNAME = "username";
    public static final String ROLES = "roles";
    public static final String ENCRYPTED = "encrypted";

    // tails
    public static final String PROFILE_NAME = "profile-name";
    public static final String RULE_NAME = "rule-name";
    public static final String ROUTING_INSTANCE = "routing-instance";
    public static final String DESTINATION_INTERFACE_NAME = "destination-interface-name";
    public static final String UPLINK_INCOMING_INTERFACE_NAME = "uplink-incoming-interface-name";
    public static final String UPLINK_TX_BYTES = "uplink-tx-bytes";
    public static final String UPLINK_RX_BYTES = "uplink-rx-bytes";
    public static final String CATEGORY = "category";
    public static final String SUB_CATEGORY = "sub-category";
    public static final String MULTIPATH_RULE_NAME = "multipath-rule-name";
    public static final String SOURCE_L3VPN_VRF_GROUP_NAME = "source-l3vpn-vrf-group-name";
    public static final String DESTINATION_L3VPN_VRF_GROUP_NAME = "destination-l3vpn-vrf-group-name";
    public static final String DSCP_VALUE = "dscp-value";
    public static final String APBR_RULE_TYPE = "apbr-rule-type";
    public static final String APBR_POLICY_NAME = "apbr-policy-name";
    public static final String WEBFILTER_CATEGORY = "webfilter-category";

    /** Value of a field that does not apply. */
    public static final String NOT_APPLICABLE = "N/A";

    private AppTrackFieldNames() {
    }
}
