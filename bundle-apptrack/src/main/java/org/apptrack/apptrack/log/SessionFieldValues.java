package org.apptrack.apptrack.log;

import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionRoute;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.model.SessionModel;

/**
 * Which session attribute each AppTrack log field carries: the binding of the messages'
 * fields to the {@link SessionModel}, plus what belongs to the event (close reason, elapsed
 * time, the route before a next-hop change). Without NAT the NAT fields repeat the original
 * address and port; the route fields are the session's {@link SessionRoute}'s (absent without
 * one); fields of features not built (NAT rules, VRF groups, uplink byte counts, web filtering)
 * are absent.
 * Reused for every record of one emitter; not thread-safe.
 */
final class SessionFieldValues implements FieldValues {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** dscp-value texts, made once. */
    private static final String[] DSCP_TEXT = new String[64];

    static {
        for (int i = 0; i < DSCP_TEXT.length; i++) {
            DSCP_TEXT[i] = Integer.toString(i);
        }
    }

    private final SessionModel model;
    private int session;
    private CloseReason reason;
    private long eventNanos;
    private String clientAddress;
    private String serverAddress;
    private SessionRoute route;
    private SessionRoute previousRoute;

    SessionFieldValues(SessionModel model) {
        this.model = model;
    }

    /** The values for session {@code s} at {@code atNanos} ({@code closeReason}: a close's, else null). */
    SessionFieldValues of(int s, CloseReason closeReason, long atNanos) {
        session = s;
        reason = closeReason;
        eventNanos = atNanos;
        clientAddress = null;
        serverAddress = null;
        route = model.route(s);
        previousRoute = null;
        return this;
    }

    /** The values of a next-hop change: as {@link #of}, with the route the session had before. */
    SessionFieldValues ofRouteChange(int s, SessionRoute previous, long atNanos) {
        of(s, null, atNanos);
        previousRoute = previous;
        return this;
    }

    @Override
    public String text(AppTrackField field) {
        int s = session;
        switch (field) {
            case REASON: return reason == null ? null : reason.wireName();
            case SOURCE_ADDRESS:
            case NAT_SOURCE_ADDRESS: return clientAddress();
            case DESTINATION_ADDRESS:
            case NAT_DESTINATION_ADDRESS: return serverAddress();
            case SERVICE_NAME: return model.text(SessionAttribute.SERVICE_NAME, s);
            case APPLICATION: return model.text(SessionAttribute.APPLICATION, s);
            case NESTED_APPLICATION: return model.text(SessionAttribute.NESTED_APPLICATION, s);
            case CATEGORY: return model.text(SessionAttribute.CATEGORY, s);
            case SUB_CATEGORY: return model.text(SessionAttribute.SUB_CATEGORY, s);
            case POLICY_NAME: return model.text(SessionAttribute.POLICY_NAME, s);
            case SOURCE_ZONE_NAME: return model.text(SessionAttribute.SOURCE_ZONE, s);
            case DESTINATION_ZONE_NAME: return model.text(SessionAttribute.DESTINATION_ZONE, s);
            case USERNAME: return model.text(SessionAttribute.USERNAME, s);
            case ROLES: return model.text(SessionAttribute.ROLES, s);
            case ENCRYPTED: return model.text(SessionAttribute.ENCRYPTED, s);
            case PROFILE_NAME: return route == null ? null : orAbsent(route.profileName());
            case RULE_NAME: return route == null ? null : orAbsent(route.ruleName());
            case ROUTING_INSTANCE: return route == null ? null : orAbsent(route.routingInstance());
            case DESTINATION_INTERFACE_NAME: return route == null ? null : orAbsent(route.destinationInterface());
            case UPLINK_INCOMING_INTERFACE_NAME: return route == null ? null : orAbsent(route.uplinkIncomingInterface());
            case APBR_POLICY_NAME: return route == null ? null : orAbsent(route.apbrPolicyName());
            case APBR_RULE_TYPE: return route == null ? null : orAbsent(route.apbrRuleType());
            case DSCP_VALUE: return route == null || route.dscp() == SessionRoute.NO_DSCP ? null : DSCP_TEXT[route.dscp()];
            case LAST_DESTINATION_INTERFACE_NAME:
                return previousRoute == null ? null : orAbsent(previousRoute.destinationInterface());
            case LAST_INCOMING_INTERFACE_NAME:
                return previousRoute == null ? null : orAbsent(previousRoute.uplinkIncomingInterface());
            default: return null;
        }
    }

    @Override
    public long number(AppTrackField field) {
        int s = session;
        switch (field) {
            case SOURCE_PORT:
            case NAT_SOURCE_PORT: return model.number(SessionAttribute.CLIENT_PORT, s);
            case DESTINATION_PORT:
            case NAT_DESTINATION_PORT: return model.number(SessionAttribute.SERVER_PORT, s);
            case PROTOCOL_ID: return model.number(SessionAttribute.PROTOCOL, s);
            case SESSION_ID_32: return model.number(SessionAttribute.SESSION_ID, s);
            case PACKETS_FROM_CLIENT: return model.number(SessionAttribute.PACKETS_FROM_CLIENT, s);
            case BYTES_FROM_CLIENT: return model.number(SessionAttribute.BYTES_FROM_CLIENT, s);
            case PACKETS_FROM_SERVER: return model.number(SessionAttribute.PACKETS_FROM_SERVER, s);
            case BYTES_FROM_SERVER: return model.number(SessionAttribute.BYTES_FROM_SERVER, s);
            case ELAPSED_TIME: return Math.max(0, (eventNanos - model.table().startNanos(s)) / NANOS_PER_SECOND);
            default: return 0;
        }
    }

    /** Null (the field's absent value) for a route value that does not apply. */
    private static String orAbsent(String routeValue) {
        return routeValue.isEmpty() ? null : routeValue;
    }

    /** The session's logical system (the record's {@code logical-system-name} when not the root one). */
    String logicalSystem() {
        return model.text(SessionAttribute.LOGICAL_SYSTEM, session);
    }

    private String clientAddress() {
        if (clientAddress == null) {
            clientAddress = model.text(SessionAttribute.CLIENT_ADDRESS, session);
        }
        return clientAddress;
    }

    private String serverAddress() {
        if (serverAddress == null) {
            serverAddress = model.text(SessionAttribute.SERVER_ADDRESS, session);
        }
        return serverAddress;
    }
}
