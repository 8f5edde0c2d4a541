package org.apptrack.web.apptrack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.web.json.Json;

/**
 * JSON form of a session, the fields of {@code apptrack:sessions --detail}: one JSON field per
 * {@link SessionInfo} accessor, named as the accessor. A new accessor gets one line here
 * ({@code SessionJsonTest} fails until it has it); a null value is left out.
 */
final class SessionJson {

    private SessionJson() {
    }

    static ObjectNode encode(SessionInfo s) {
        ObjectNode n = Json.object();
        n.put("sessionId", s.sessionId());
        text(n, "clientAddress", s.clientAddress());
        n.put("clientPort", s.clientPort());
        text(n, "serverAddress", s.serverAddress());
        n.put("serverPort", s.serverPort());
        n.put("protocol", s.protocol());
        text(n, "serviceName", s.serviceName());
        text(n, "application", s.application());
        text(n, "sourceZone", s.sourceZone());
        text(n, "destinationZone", s.destinationZone());
        text(n, "policyName", s.policyName());
        text(n, "logicalSystem", s.logicalSystem());
        text(n, "username", s.username());
        text(n, "roles", s.roles());
        n.put("packetsFromClient", s.packetsFromClient());
        n.put("bytesFromClient", s.bytesFromClient());
        n.put("packetsFromServer", s.packetsFromServer());
        n.put("bytesFromServer", s.bytesFromServer());
        n.put("startMillis", s.startMillis());
        n.put("lastSeenMillis", s.lastSeenMillis());
        n.put("parentSessionId", s.parentSessionId()); // 0: none
        return n;
    }

    private static void text(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }
}
