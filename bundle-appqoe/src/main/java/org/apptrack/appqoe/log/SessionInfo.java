package org.apptrack.appqoe.log;

import static org.apptrack.appqoe.log.AppQoeField.BYTES_FROM_CLIENT;
import static org.apptrack.appqoe.log.AppQoeField.BYTES_FROM_SERVER;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_ADDRESS;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_PORT;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_ZONE_NAME;
import static org.apptrack.appqoe.log.AppQoeField.ELAPSED_TIME;
import static org.apptrack.appqoe.log.AppQoeField.NESTED_APPLICATION;
import static org.apptrack.appqoe.log.AppQoeField.PACKETS_FROM_CLIENT;
import static org.apptrack.appqoe.log.AppQoeField.PACKETS_FROM_SERVER;
import static org.apptrack.appqoe.log.AppQoeField.PROTOCOL_ID;
import static org.apptrack.appqoe.log.AppQoeField.ROLES;
import static org.apptrack.appqoe.log.AppQoeField.SERVICE_NAME;
import static org.apptrack.appqoe.log.AppQoeField.SESSION_ID_32;
import static org.apptrack.appqoe.log.AppQoeField.SOURCE_ADDRESS;
import static org.apptrack.appqoe.log.AppQoeField.SOURCE_PORT;
import static org.apptrack.appqoe.log.AppQoeField.SOURCE_ZONE_NAME;
import static org.apptrack.appqoe.log.AppQoeField.USERNAME;

/**
 * The session of a per-session AppQoE message ({@code APPQOE_BEST_PATH_SELECTED},
 * {@code APPQOE_PASSIVE_SLA_METRIC_REPORT}, {@code APPQOE_SLA_METRIC_VIOLATION}): its addresses,
 * zones, identity and counters. The session's application goes in the message's own
 * {@code application}. Immutable; text not given is {@code N/A}, numbers 0.
 */
public final class SessionInfo {

    private final AppQoeFieldValues values;

    private SessionInfo(AppQoeFieldValues values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    void fill(AppQoeFieldValues into) {
        for (AppQoeField f : Builder.FIELDS) {
            if (values.isSet(f)) {
                if (f.isNumeric()) {
                    into.set(f, values.number(f));
                } else {
                    into.set(f, values.text(f));
                }
            }
        }
    }

    /** Builds a {@link SessionInfo}; not thread-safe. */
    public static final class Builder {
        static final AppQoeField[] FIELDS = {SOURCE_ADDRESS, SOURCE_PORT, DESTINATION_ADDRESS, DESTINATION_PORT,
            NESTED_APPLICATION, SERVICE_NAME, PROTOCOL_ID, SOURCE_ZONE_NAME, DESTINATION_ZONE_NAME, SESSION_ID_32,
            USERNAME, ROLES, ELAPSED_TIME, BYTES_FROM_CLIENT, BYTES_FROM_SERVER, PACKETS_FROM_CLIENT,
            PACKETS_FROM_SERVER};

        private final AppQoeFieldValues v = new AppQoeFieldValues();

        private Builder() {
        }

        /** The client side, as the session's first packet had it. */
        public Builder source(String address, int port) {
            v.set(SOURCE_ADDRESS, address).set(SOURCE_PORT, port);
            return this;
        }

        public Builder destination(String address, int port) {
            v.set(DESTINATION_ADDRESS, address).set(DESTINATION_PORT, port);
            return this;
        }

        public Builder protocol(int protocolId) {
            v.set(PROTOCOL_ID, protocolId);
            return this;
        }

        /** The application identified inside the session's application ({@code CNN} in {@code HTTP}). */
        public Builder nestedApplication(String name) {
            v.set(NESTED_APPLICATION, name);
            return this;
        }

        /** The predefined Junos application of protocol and port ({@code junos-https}), or {@code None}. */
        public Builder serviceName(String name) {
            v.set(SERVICE_NAME, name);
            return this;
        }

        public Builder zones(String sourceZone, String destinationZone) {
            v.set(SOURCE_ZONE_NAME, sourceZone).set(DESTINATION_ZONE_NAME, destinationZone);
            return this;
        }

        /** The 32-bit session id. */
        public Builder sessionId(long id) {
            v.set(SESSION_ID_32, id);
            return this;
        }

        /** The identity; {@code null} for {@code N/A} (no user enforcement). */
        public Builder user(String username, String roles) {
            v.set(USERNAME, username).set(ROLES, roles);
            return this;
        }

        /** Whole seconds since the session started. */
        public Builder elapsedSeconds(long seconds) {
            v.set(ELAPSED_TIME, seconds);
            return this;
        }

        public Builder fromClient(long packets, long bytes) {
            v.set(PACKETS_FROM_CLIENT, packets).set(BYTES_FROM_CLIENT, bytes);
            return this;
        }

        public Builder fromServer(long packets, long bytes) {
            v.set(PACKETS_FROM_SERVER, packets).set(BYTES_FROM_SERVER, bytes);
            return this;
        }

        public SessionInfo build() {
            return new SessionInfo(v.copy());
        }
    }
}
