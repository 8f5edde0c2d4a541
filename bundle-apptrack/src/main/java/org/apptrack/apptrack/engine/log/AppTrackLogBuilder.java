package org.apptrack.apptrack.engine.log;

import static org.apptrack.apptrack.engine.log.AppTrackFieldNames.*;

import org.apptrack.syslog.api.LogRecord;

/**
 * Builds the AppTrack {@link LogRecord}s from a {@link SessionLogFields}: the structured fields
 * exactly in the order of {@code srx-log-format.md} (every field always present, absent values
 * {@code N/A}) and the plain-text body an SRX writes.
 *
 * <p>Body layout: the values in the structured order separated by single spaces, with the
 * address/port quadruples written {@code src/port->dst/port} (original, then NAT) and the
 * counters {@code packets(bytes)} (client, then server, then elapsed time). The create layout
 * is the one of a real device line; the other three follow the same rules (inferred). A value
 * is written verbatim, so the empty {@code uplink-incoming-interface-name} of a close leaves two
 * spaces, keeping the positions of the following values. The body does not repeat the
 * logical system of an {@code _LS} record (inferred: no sample shows one).
 *
 * <p>Stateless and thread-safe.
 */
public final class AppTrackLogBuilder {

    public static final String CREATE_BODY = "AppTrack session created ";
    public static final String CLOSE_BODY = "AppTrack session closed ";
    public static final String VOL_UPDATE_BODY = "AppTrack volume update: ";
    public static final String ROUTE_UPDATE_BODY = "AppTrack route update: ";

    /** {@code APPTRACK_SESSION_CREATE}: P U destination-interface-name category sub-category vrf vrf. */
    public LogRecord create(SessionLogFields f) {
        LogRecord.Builder b = start(TAG_CREATE, f);
        StringBuilder body = new StringBuilder(256).append(CREATE_BODY);
        prefix(b, body, f);
        user(b, body, f);
        tail(b, body, DESTINATION_INTERFACE_NAME, f.destinationInterfaceName);
        tail(b, body, CATEGORY, f.category);
        tail(b, body, SUB_CATEGORY, f.subCategory);
        tail(b, body, SOURCE_L3VPN_VRF_GROUP_NAME, f.sourceL3vpnVrfGroupName);
        tail(b, body, DESTINATION_L3VPN_VRF_GROUP_NAME, f.destinationL3vpnVrfGroupName);
        return b.body(body.toString()).build();
    }

    /** {@code APPTRACK_SESSION_VOL_UPDATE}: P C U profile ... dscp-value apbr-rule-type. */
    public LogRecord volumeUpdate(SessionLogFields f) {
        LogRecord.Builder b = start(TAG_VOL_UPDATE, f);
        StringBuilder body = new StringBuilder(320).append(VOL_UPDATE_BODY);
        prefix(b, body, f);
        counters(b, body, f);
        user(b, body, f);
        tail(b, body, PROFILE_NAME, f.profileName);
        tail(b, body, RULE_NAME, f.ruleName);
        tail(b, body, ROUTING_INSTANCE, f.routingInstance);
        tail(b, body, DESTINATION_INTERFACE_NAME, f.destinationInterfaceName);
        tail(b, body, CATEGORY, f.category);
        tail(b, body, SUB_CATEGORY, f.subCategory);
        tail(b, body, SOURCE_L3VPN_VRF_GROUP_NAME, f.sourceL3vpnVrfGroupName);
        tail(b, body, DESTINATION_L3VPN_VRF_GROUP_NAME, f.destinationL3vpnVrfGroupName);
        tail(b, body, DSCP_VALUE, f.dscpValue);
        tail(b, body, APBR_RULE_TYPE, f.apbrRuleType);
        return b.body(body.toString()).build();
    }

    /** {@code APPTRACK_SESSION_CLOSE}: reason P C U profile ... uplink ... dscp-value apbr-rule-type. */
    public LogRecord close(SessionLogFields f) {
        LogRecord.Builder b = start(TAG_CLOSE, f);
        String reason = na(f.closeReason);
        b.field(REASON, reason);
        StringBuilder body = new StringBuilder(384).append(CLOSE_BODY).append(reason).append(": ");
        prefix(b, body, f);
        counters(b, body, f);
        user(b, body, f);
        tail(b, body, PROFILE_NAME, f.profileName);
        tail(b, body, RULE_NAME, f.ruleName);
        tail(b, body, ROUTING_INSTANCE, f.routingInstance);
        tail(b, body, DESTINATION_INTERFACE_NAME, f.destinationInterfaceName);
        tail(b, body, UPLINK_INCOMING_INTERFACE_NAME,
                f.uplinkIncomingInterfaceName == null ? "" : f.uplinkIncomingInterfaceName);
        tail(b, body, UPLINK_TX_BYTES, Long.toString(f.uplinkTxBytes));
        tail(b, body, UPLINK_RX_BYTES, Long.toString(f.uplinkRxBytes));
        tail(b, body, CATEGORY, f.category);
        tail(b, body, SUB_CATEGORY, f.subCategory);
        tail(b, body, MULTIPATH_RULE_NAME, f.multipathRuleName);
        tail(b, body, SOURCE_L3VPN_VRF_GROUP_NAME, f.sourceL3vpnVrfGroupName);
        tail(b, body, DESTINATION_L3VPN_VRF_GROUP_NAME, f.destinationL3vpnVrfGroupName);
        tail(b, body, DSCP_VALUE, f.dscpValue);
        tail(b, body, APBR_RULE_TYPE, f.apbrRuleType);
        return b.body(body.toString()).build();
    }

    /** {@code APPTRACK_SESSION_ROUTE_UPDATE}: P U profile ... webfilter-category vrf vrf dscp apbr. */
    public LogRecord routeUpdate(SessionLogFields f) {
        LogRecord.Builder b = start(TAG_ROUTE_UPDATE, f);
        StringBuilder body = new StringBuilder(320).append(ROUTE_UPDATE_BODY);
        prefix(b, body, f);
        user(b, body, f);
        tail(b, body, PROFILE_NAME, f.profileName);
        tail(b, body, RULE_NAME, f.ruleName);
        tail(b, body, ROUTING_INSTANCE, f.routingInstance);
        tail(b, body, DESTINATION_INTERFACE_NAME, f.destinationInterfaceName);
        tail(b, body, CATEGORY, f.category);
        tail(b, body, SUB_CATEGORY, f.subCategory);
        tail(b, body, APBR_POLICY_NAME, f.apbrPolicyName);
        tail(b, body, WEBFILTER_CATEGORY, f.webfilterCategory);
        tail(b, body, SOURCE_L3VPN_VRF_GROUP_NAME, f.sourceL3vpnVrfGroupName);
        tail(b, body, DESTINATION_L3VPN_VRF_GROUP_NAME, f.destinationL3vpnVrfGroupName);
        tail(b, body, DSCP_VALUE, f.dscpValue);
        tail(b, body, APBR_RULE_TYPE, f.apbrRuleType);
        return b.body(body.toString()).build();
    }

    private static LogRecord.Builder start(String tag, SessionLogFields f) {
        LogRecord.Builder b = LogRecord.builder(tag).time(f.eventTimeMillis);
        if (f.logicalSystem != null && !LogRecord.ROOT_LOGICAL_SYSTEM.equals(f.logicalSystem)) {
            b.logicalSystem(f.logicalSystem);
        }
        return b;
    }

    /** P; the body gets {@code src/port->dst/port service app nested nat/port->nat/port ...}. */
    private static void prefix(LogRecord.Builder b, StringBuilder body, SessionLogFields f) {
        String src = na(f.sourceAddress);
        String dst = na(f.destinationAddress);
        String sport = Integer.toString(f.sourcePort);
        String dport = Integer.toString(f.destinationPort);
        String natSrc = f.natSourceAddress == null ? src : f.natSourceAddress;
        String natDst = f.natDestinationAddress == null ? dst : f.natDestinationAddress;
        String natSport = f.natSourcePort == SessionLogFields.SAME_AS_ORIGINAL ? sport : Integer.toString(f.natSourcePort);
        String natDport = f.natDestinationPort == SessionLogFields.SAME_AS_ORIGINAL
                ? dport : Integer.toString(f.natDestinationPort);
        String service = na(f.serviceName);
        String app = na(f.application);
        String nested = na(f.nestedApplication);

        b.field(SOURCE_ADDRESS, src).field(SOURCE_PORT, sport)
                .field(DESTINATION_ADDRESS, dst).field(DESTINATION_PORT, dport)
                .field(SERVICE_NAME, service).field(APPLICATION, app).field(NESTED_APPLICATION, nested)
                .field(NAT_SOURCE_ADDRESS, natSrc).field(NAT_SOURCE_PORT, natSport)
                .field(NAT_DESTINATION_ADDRESS, natDst).field(NAT_DESTINATION_PORT, natDport);
        body.append(src).append('/').append(sport).append("->").append(dst).append('/').append(dport)
                .append(' ').append(service).append(' ').append(app).append(' ').append(nested)
                .append(' ').append(natSrc).append('/').append(natSport).append("->")
                .append(natDst).append('/').append(natDport);
        tail(b, body, SRC_NAT_RULE_NAME, f.srcNatRuleName);
        tail(b, body, DST_NAT_RULE_NAME, f.dstNatRuleName);
        tail(b, body, PROTOCOL_ID, Integer.toString(f.protocolId));
        tail(b, body, POLICY_NAME, f.policyName);
        tail(b, body, SOURCE_ZONE_NAME, f.sourceZoneName);
        tail(b, body, DESTINATION_ZONE_NAME, f.destinationZoneName);
        tail(b, body, SESSION_ID_32, Long.toString(f.sessionId32));
    }

    /** C; the body gets {@code packets(bytes) packets(bytes) elapsed}. */
    private static void counters(LogRecord.Builder b, StringBuilder body, SessionLogFields f) {
        b.field(PACKETS_FROM_CLIENT, f.packetsFromClient).field(BYTES_FROM_CLIENT, f.bytesFromClient)
                .field(PACKETS_FROM_SERVER, f.packetsFromServer).field(BYTES_FROM_SERVER, f.bytesFromServer)
                .field(ELAPSED_TIME, f.elapsedTimeSeconds);
        body.append(' ').append(f.packetsFromClient).append('(').append(f.bytesFromClient).append(')')
                .append(' ').append(f.packetsFromServer).append('(').append(f.bytesFromServer).append(')')
                .append(' ').append(f.elapsedTimeSeconds);
    }

    /** U. */
    private static void user(LogRecord.Builder b, StringBuilder body, SessionLogFields f) {
        tail(b, body, USERNAME, f.username);
        tail(b, body, ROLES, f.roles);
        tail(b, body, ENCRYPTED, f.encrypted);
    }

    private static void tail(LogRecord.Builder b, StringBuilder body, String name, String value) {
        String v = na(value);
        b.field(name, v);
        body.append(' ').append(v);
    }

    private static String na(String value) {
        return value == null ? NOT_APPLICABLE : value;
    }
}
