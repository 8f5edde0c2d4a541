package org.apptrack.apptrack.log;

import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.model.SessionModel;

/**
 * Which session attribute each AppTrack log field carries: the binding of the messages'
 * fields to the {@link SessionModel}, plus what belongs to the event (close reason, elapsed
 * time). Without NAT the NAT fields repeat the original address and port; fields of features
 * not built (profile, rule, routing instance, interfaces, VRF groups, DSCP, APBR) are absent.
 * Reused for every record of one emitter; not thread-safe.
 */
final class SessionFieldValues implements FieldValues {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final SessionModel model;
    private int session;
    private CloseReason reason;
    private long eventNanos;
    private String clientAddress;
    private String serverAddress;

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
