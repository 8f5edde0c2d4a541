package org.apptrack.apptrack.log;

import static org.apptrack.apptrack.log.AppTrackField.APBR_POLICY_NAME;
import static org.apptrack.apptrack.log.AppTrackField.APBR_RULE_TYPE;
import static org.apptrack.apptrack.log.AppTrackField.CATEGORY;
import static org.apptrack.apptrack.log.AppTrackField.DESTINATION_INTERFACE_NAME;
import static org.apptrack.apptrack.log.AppTrackField.DESTINATION_L3VPN_VRF_GROUP_NAME;
import static org.apptrack.apptrack.log.AppTrackField.DSCP_VALUE;
import static org.apptrack.apptrack.log.AppTrackField.LAST_DESTINATION_INTERFACE_NAME;
import static org.apptrack.apptrack.log.AppTrackField.LAST_INCOMING_INTERFACE_NAME;
import static org.apptrack.apptrack.log.AppTrackField.MULTIPATH_RULE_NAME;
import static org.apptrack.apptrack.log.AppTrackField.PROFILE_NAME;
import static org.apptrack.apptrack.log.AppTrackField.REASON;
import static org.apptrack.apptrack.log.AppTrackField.ROUTING_INSTANCE;
import static org.apptrack.apptrack.log.AppTrackField.RULE_NAME;
import static org.apptrack.apptrack.log.AppTrackField.SOURCE_L3VPN_VRF_GROUP_NAME;
import static org.apptrack.apptrack.log.AppTrackField.SUB_CATEGORY;
import static org.apptrack.apptrack.log.AppTrackField.UPLINK_INCOMING_INTERFACE_NAME;
import static org.apptrack.apptrack.log.AppTrackField.UPLINK_RX_BYTES;
import static org.apptrack.apptrack.log.AppTrackField.UPLINK_TX_BYTES;
import static org.apptrack.apptrack.log.AppTrackField.WEBFILTER_CATEGORY;

import org.apptrack.syslog.api.LogRecord;

/**
 * The AppTrack messages, each with its fields declared once, in the order of
 * {@code srx-log-format.md}: the layout drives both the record's fields and its plain-text body,
 * and its test compares it with the reference. The create layout is the one of a real device
 * line; the bodies of the others follow the same rules (inferred; the next-hop change's head too).
 */
public enum AppTrackMessage {
    CREATE("APPTRACK_SESSION_CREATE", MessageLayout.builder("AppTrack session created ", 256)
            .prefix("").user()
            .then(DESTINATION_INTERFACE_NAME, CATEGORY, SUB_CATEGORY, SOURCE_L3VPN_VRF_GROUP_NAME,
                    DESTINATION_L3VPN_VRF_GROUP_NAME)
            .build()),
    VOLUME_UPDATE("APPTRACK_SESSION_VOL_UPDATE", MessageLayout.builder("AppTrack volume update: ", 320)
            .prefix("").counters().user()
            .then(PROFILE_NAME, RULE_NAME, ROUTING_INSTANCE, DESTINATION_INTERFACE_NAME, CATEGORY, SUB_CATEGORY,
                    SOURCE_L3VPN_VRF_GROUP_NAME, DESTINATION_L3VPN_VRF_GROUP_NAME, DSCP_VALUE, APBR_RULE_TYPE)
            .build()),
    CLOSE("APPTRACK_SESSION_CLOSE", MessageLayout.builder("AppTrack session closed ", 384)
            .field("", REASON).prefix(": ").counters().user()
            .then(PROFILE_NAME, RULE_NAME, ROUTING_INSTANCE, DESTINATION_INTERFACE_NAME,
                    UPLINK_INCOMING_INTERFACE_NAME, UPLINK_TX_BYTES, UPLINK_RX_BYTES, CATEGORY, SUB_CATEGORY,
                    MULTIPATH_RULE_NAME, SOURCE_L3VPN_VRF_GROUP_NAME, DESTINATION_L3VPN_VRF_GROUP_NAME, DSCP_VALUE,
                    APBR_RULE_TYPE)
            .build()),
    ROUTE_UPDATE("APPTRACK_SESSION_ROUTE_UPDATE", MessageLayout.builder("AppTrack route update: ", 320)
            .prefix("").user()
            .then(PROFILE_NAME, RULE_NAME, ROUTING_INSTANCE, DESTINATION_INTERFACE_NAME, CATEGORY, SUB_CATEGORY,
                    APBR_POLICY_NAME, WEBFILTER_CATEGORY, SOURCE_L3VPN_VRF_GROUP_NAME,
                    DESTINATION_L3VPN_VRF_GROUP_NAME, DSCP_VALUE, APBR_RULE_TYPE)
            .build()),
    /** The route or next hop of an APBR session changed; the {@code last-*} fields name the previous one's. */
    NEXTHOP_CHANGE("RT_FLOW_NEXTHOP_CHANGE", MessageLayout.builder("AppTrack next-hop change: ", 384)
            .prefix("").counters().user()
            .then(PROFILE_NAME, RULE_NAME, ROUTING_INSTANCE, DESTINATION_INTERFACE_NAME,
                    LAST_DESTINATION_INTERFACE_NAME, UPLINK_INCOMING_INTERFACE_NAME, LAST_INCOMING_INTERFACE_NAME,
                    UPLINK_TX_BYTES, UPLINK_RX_BYTES, APBR_POLICY_NAME, DSCP_VALUE, APBR_RULE_TYPE)
            .build());

    private final String tag;
    private final MessageLayout layout;

    AppTrackMessage(String tag, MessageLayout layout) {
        this.tag = tag;
        this.layout = layout;
    }

    /** The message tag (MSGID); an {@code _LS} record appends {@code _LS}. */
    public String tag() {
        return tag;
    }

    public MessageLayout layout() {
        return layout;
    }

    /**
     * A record of this message.
     *
     * @param logicalSystem the session's logical system; {@code null} or the root one for none
     */
    public LogRecord build(FieldValues values, long timeMillis, String logicalSystem) {
        return layout.build(tag, values, timeMillis, logicalSystem);
    }

    /** A record of this message for the root logical system. */
    public LogRecord build(FieldValues values, long timeMillis) {
        return layout.build(tag, values, timeMillis, LogRecord.ROOT_LOGICAL_SYSTEM);
    }
}
