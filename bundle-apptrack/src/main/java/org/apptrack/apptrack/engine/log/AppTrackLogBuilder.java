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
 * <p>The body is rendered from the record's own values only when a format asks for it
 * ({@code structured-syslog}, {@code syslog}); {@code sd-syslog} never does, so the common case
 * pays nothing for it. Field names are validated once per message type ({@link MessageLayout}),
 * and numbers go into the record as numbers, written as digits by the formatter.
 *
 * <p>Stateless and thread-safe.
 */
public final class AppTrackLogBuilder {

    public static final String CREATE_BODY = "AppTrack session created ";
    public static final String CLOSE_BODY = "AppTrack session closed ";
    public static final String VOL_UPDATE_BODY = "AppTrack volume update: ";
    public static final String ROUTE_UPDATE_BODY = "AppTrack route update: ";

    private static final MessageLayout CREATE = new MessageLayout.Builder(CREATE_BODY, 256)
            .prefix("").user()
            .then(DESTINATION_INTERFACE_NAME, CATEGORY, SUB_CATEGORY, SOURCE_L3VPN_VRF_GROUP_NAME,
                    DESTINATION_L3VPN_VRF_GROUP_NAME)
            .build();
    private static final MessageLayout VOL_UPDATE = new MessageLayout.Builder(VOL_UPDATE_BODY, 320)
            .prefix("").counters().user()
            .then(PROFILE_NAME, RULE_NAME, ROUTING_INSTANCE, DESTINATION_INTERFACE_NAME, CATEGORY, SUB_CATEGORY,
                    SOURCE_L3VPN_VRF_GROUP_NAME, DESTINATION_L3VPN_VRF_GROUP_NAME, DSCP_VALUE, APBR_RULE_TYPE)
            .build();
    private static final MessageLayout CLOSE = new MessageLayout.Builder(CLOSE_BODY, 384)
            .field("", REASON).prefix(": ").counters().user()
            .then(PROFILE_NAME, RULE_NAME, ROUTING_INSTANCE, DESTINATION_INTERFACE_NAME,
                    UPLINK_INCOMING_INTERFACE_NAME, UPLINK_TX_BYTES, UPLINK_RX_BYTES, CATEGORY, SUB_CATEGORY,
                    MULTIPATH_RULE_NAME, SOURCE_L3VPN_VRF_GROUP_NAME, DESTINATION_L3VPN_VRF_GROUP_NAME, DSCP_VALUE,
                    APBR_RULE_TYPE)
            .build();
    private static final MessageLayout ROUTE_UPDATE = new MessageLayout.Builder(ROUTE_UPDATE_BODY, 320)
            .prefix("").user()
            .then(PROFILE_NAME, RULE_NAME, ROUTING_INSTANCE, DESTINATION_INTERFACE_NAME, CATEGORY, SUB_CATEGORY,
                    APBR_POLICY_NAME, WEBFILTER_CATEGORY, SOURCE_L3VPN_VRF_GROUP_NAME,
                    DESTINATION_L3VPN_VRF_GROUP_NAME, DSCP_VALUE, APBR_RULE_TYPE)
            .build();

    /** {@code APPTRACK_SESSION_CREATE}: P U destination-interface-name category sub-category vrf vrf. */
    public LogRecord create(SessionLogFields f) {
        LogRecord.Builder b = start(TAG_CREATE, CREATE, f);
        prefix(b, f);
        user(b, f);
        b.field(DESTINATION_INTERFACE_NAME, na(f.destinationInterfaceName))
                .field(CATEGORY, na(f.category))
                .field(SUB_CATEGORY, na(f.subCategory))
                .field(SOURCE_L3VPN_VRF_GROUP_NAME, na(f.sourceL3vpnVrfGroupName))
                .field(DESTINATION_L3VPN_VRF_GROUP_NAME, na(f.destinationL3vpnVrfGroupName));
        return b.build();
    }

    /** {@code APPTRACK_SESSION_VOL_UPDATE}: P C U profile ... dscp-value apbr-rule-type. */
    public LogRecord volumeUpdate(SessionLogFields f) {
        LogRecord.Builder b = start(TAG_VOL_UPDATE, VOL_UPDATE, f);
        prefix(b, f);
        counters(b, f);
        user(b, f);
        b.field(PROFILE_NAME, na(f.profileName))
                .field(RULE_NAME, na(f.ruleName))
                .field(ROUTING_INSTANCE, na(f.routingInstance))
                .field(DESTINATION_INTERFACE_NAME, na(f.destinationInterfaceName))
                .field(CATEGORY, na(f.category))
                .field(SUB_CATEGORY, na(f.subCategory))
                .field(SOURCE_L3VPN_VRF_GROUP_NAME, na(f.sourceL3vpnVrfGroupName))
                .field(DESTINATION_L3VPN_VRF_GROUP_NAME, na(f.destinationL3vpnVrfGroupName))
                .field(DSCP_VALUE, na(f.dscpValue))
                .field(APBR_RULE_TYPE, na(f.apbrRuleType));
        return b.build();
    }

    /** {@code APPTRACK_SESSION_CLOSE}: reason P C U profile ... uplink ... dscp-value apbr-rule-type. */
    public LogRecord close(SessionLogFields f) {
        LogRecord.Builder b = start(TAG_CLOSE, CLOSE, f);
        b.field(REASON, na(f.closeReason));
        prefix(b, f);
        counters(b, f);
        user(b, f);
        b.field(PROFILE_NAME, na(f.profileName))
                .field(RULE_NAME, na(f.ruleName))
                .field(ROUTING_INSTANCE, na(f.routingInstance))
                .field(DESTINATION_INTERFACE_NAME, na(f.destinationInterfaceName))
                .field(UPLINK_INCOMING_INTERFACE_NAME,
                        f.uplinkIncomingInterfaceName == null ? "" : f.uplinkIncomingInterfaceName)
                .field(UPLINK_TX_BYTES, f.uplinkTxBytes)
                .field(UPLINK_RX_BYTES, f.uplinkRxBytes)
                .field(CATEGORY, na(f.category))
                .field(SUB_CATEGORY, na(f.subCategory))
                .field(MULTIPATH_RULE_NAME, na(f.multipathRuleName))
                .field(SOURCE_L3VPN_VRF_GROUP_NAME, na(f.sourceL3vpnVrfGroupName))
                .field(DESTINATION_L3VPN_VRF_GROUP_NAME, na(f.destinationL3vpnVrfGroupName))
                .field(DSCP_VALUE, na(f.dscpValue))
                .field(APBR_RULE_TYPE, na(f.apbrRuleType));
        return b.build();
    }

    /** {@code APPTRACK_SESSION_ROUTE_UPDATE}: P U profile ... webfilter-category vrf vrf dscp apbr. */
    public LogRecord routeUpdate(SessionLogFields f) {
        LogRecord.Builder b = start(TAG_ROUTE_UPDATE, ROUTE_UPDATE, f);
        prefix(b, f);
        user(b, f);
        b.field(PROFILE_NAME, na(f.profileName))
                .field(RULE_NAME, na(f.ruleName))
                .field(ROUTING_INSTANCE, na(f.routingInstance))
                .field(DESTINATION_INTERFACE_NAME, na(f.destinationInterfaceName))
                .field(CATEGORY, na(f.category))
                .field(SUB_CATEGORY, na(f.subCategory))
                .field(APBR_POLICY_NAME, na(f.apbrPolicyName))
                .field(WEBFILTER_CATEGORY, na(f.webfilterCategory))
                .field(SOURCE_L3VPN_VRF_GROUP_NAME, na(f.sourceL3vpnVrfGroupName))
                .field(DESTINATION_L3VPN_VRF_GROUP_NAME, na(f.destinationL3vpnVrfGroupName))
                .field(DSCP_VALUE, na(f.dscpValue))
                .field(APBR_RULE_TYPE, na(f.apbrRuleType));
        return b.build();
    }

    private static LogRecord.Builder start(String tag, MessageLayout layout, SessionLogFields f) {
        LogRecord.Builder b = LogRecord.builder(tag, layout.names).time(f.eventTimeMillis).lazyBody(layout);
        if (f.logicalSystem != null && !LogRecord.ROOT_LOGICAL_SYSTEM.equals(f.logicalSystem)) {
            b.logicalSystem(f.logicalSystem);
        }
        return b;
    }

    /** P: untranslated NAT addresses and ports repeat the original ones. */
    private static void prefix(LogRecord.Builder b, SessionLogFields f) {
        String src = na(f.sourceAddress);
        String dst = na(f.destinationAddress);
        b.field(SOURCE_ADDRESS, src)
                .field(SOURCE_PORT, f.sourcePort)
                .field(DESTINATION_ADDRESS, dst)
                .field(DESTINATION_PORT, f.destinationPort)
                .field(SERVICE_NAME, na(f.serviceName))
                .field(APPLICATION, na(f.application))
                .field(NESTED_APPLICATION, na(f.nestedApplication))
                .field(NAT_SOURCE_ADDRESS, f.natSourceAddress == null ? src : f.natSourceAddress)
                .field(NAT_SOURCE_PORT,
                        f.natSourcePort == SessionLogFields.SAME_AS_ORIGINAL ? f.sourcePort : f.natSourcePort)
                .field(NAT_DESTINATION_ADDRESS, f.natDestinationAddress == null ? dst : f.natDestinationAddress)
                .field(NAT_DESTINATION_PORT, f.natDestinationPort == SessionLogFields.SAME_AS_ORIGINAL
                        ? f.destinationPort : f.natDestinationPort)
                .field(SRC_NAT_RULE_NAME, na(f.srcNatRuleName))
                .field(DST_NAT_RULE_NAME, na(f.dstNatRuleName))
                .field(PROTOCOL_ID, f.protocolId)
                .field(POLICY_NAME, na(f.policyName))
                .field(SOURCE_ZONE_NAME, na(f.sourceZoneName))
                .field(DESTINATION_ZONE_NAME, na(f.destinationZoneName))
                .field(SESSION_ID_32, f.sessionId32);
    }

    /** C. */
    private static void counters(LogRecord.Builder b, SessionLogFields f) {
        b.field(PACKETS_FROM_CLIENT, f.packetsFromClient).field(BYTES_FROM_CLIENT, f.bytesFromClient)
                .field(PACKETS_FROM_SERVER, f.packetsFromServer).field(BYTES_FROM_SERVER, f.bytesFromServer)
                .field(ELAPSED_TIME, f.elapsedTimeSeconds);
    }

    /** U. */
    private static void user(LogRecord.Builder b, SessionLogFields f) {
        b.field(USERNAME, na(f.username)).field(ROLES, na(f.roles)).field(ENCRYPTED, na(f.encrypted));
    }

    private static String na(String value) {
        return value == null ? NOT_APPLICABLE : value;
    }

    /**
     * One message type: its field names (validated once, shared by its records) and its body
     * layout: the head, then each field's value after its separator. Most separators are a
     * space; the prefix writes {@code src/port->dst/port} and the counters {@code packets(bytes)}.
     */
    static final class MessageLayout implements LogRecord.BodyRenderer {
        final LogRecord.FieldNames names;
        private final String head;
        private final String[] separators;
        private final int capacity;

        private MessageLayout(String head, String[] names, String[] separators, int capacity) {
            this.names = LogRecord.FieldNames.of(names);
            this.head = head;
            this.separators = separators;
            this.capacity = capacity;
        }

        @Override
        public String render(LogRecord r) {
            // An _LS record has logical-system-name first; the body leaves it out.
            int first = r.fieldCount() - separators.length;
            StringBuilder body = new StringBuilder(capacity).append(head);
            for (int i = 0; i < separators.length; i++) {
                body.append(separators[i]);
                if (r.isNumber(first + i)) {
                    body.append(r.number(first + i));
                } else {
                    body.append(r.value(first + i));
                }
            }
            return body.toString();
        }

        static final class Builder {
            private final String head;
            private final int capacity;
            private final java.util.List<String> names = new java.util.ArrayList<>();
            private final java.util.List<String> separators = new java.util.ArrayList<>();

            Builder(String head, int capacity) {
                this.head = head;
                this.capacity = capacity;
            }

            Builder field(String separator, String name) {
                separators.add(separator);
                names.add(name);
                return this;
            }

            /** P, {@code firstSeparator} before the source address. */
            Builder prefix(String firstSeparator) {
                return field(firstSeparator, SOURCE_ADDRESS).field("/", SOURCE_PORT)
                        .field("->", DESTINATION_ADDRESS).field("/", DESTINATION_PORT)
                        .then(SERVICE_NAME, APPLICATION, NESTED_APPLICATION, NAT_SOURCE_ADDRESS)
                        .field("/", NAT_SOURCE_PORT).field("->", NAT_DESTINATION_ADDRESS)
                        .field("/", NAT_DESTINATION_PORT)
                        .then(SRC_NAT_RULE_NAME, DST_NAT_RULE_NAME, PROTOCOL_ID, POLICY_NAME, SOURCE_ZONE_NAME,
                                DESTINATION_ZONE_NAME, SESSION_ID_32);
            }

            /** C as {@code packets(bytes) packets(bytes) elapsed}. */
            Builder counters() {
                return field(" ", PACKETS_FROM_CLIENT).field("(", BYTES_FROM_CLIENT)
                        .field(") ", PACKETS_FROM_SERVER).field("(", BYTES_FROM_SERVER)
                        .field(") ", ELAPSED_TIME);
            }

            /** U. */
            Builder user() {
                return then(USERNAME, ROLES, ENCRYPTED);
            }

            /** Fields each after a space. */
            Builder then(String... fieldNames) {
                for (String name : fieldNames) {
                    field(" ", name);
                }
                return this;
            }

            MessageLayout build() {
                return new MessageLayout(head, names.toArray(new String[0]), separators.toArray(new String[0]),
                        capacity);
            }
        }
    }
}
