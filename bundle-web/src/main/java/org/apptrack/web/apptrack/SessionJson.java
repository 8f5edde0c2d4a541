package org.apptrack.web.apptrack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.web.json.Json;

/**
 * JSON form of a session: one field per {@link SessionAttribute}, named by its key, numbers as
 * numbers (times in milliseconds since the epoch), text as strings, so that a new attribute
 * appears here without code of its own.
 */
final class SessionJson {

    private SessionJson() {
    }

    static ObjectNode encode(SessionInfo s) {
        ObjectNode n = Json.object();
        for (SessionAttribute a : SessionAttribute.values()) {
            if (a.isNumeric()) {
                n.put(a.key(), s.number(a));
            } else {
                n.put(a.key(), s.text(a));
            }
        }
        return n;
    }
}
