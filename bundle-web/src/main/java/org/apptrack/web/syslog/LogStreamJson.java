package org.apptrack.web.syslog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.web.json.Json;

/** JSON form of a stream's status, the same data as {@code apptrack:log-streams}. */
final class LogStreamJson {

    private LogStreamJson() {
    }

    static ObjectNode encode(LogStreamStatus s) {
        ObjectNode n = Json.object();
        n.put("name", s.name());
        n.put("transport", s.transport());
        n.put("format", s.format());
        n.put("destination", s.destination());
        n.put("state", s.state().name());
        if (s.configError() != null) {
            n.put("configError", s.configError());
        }
        n.put("queueDepth", s.queueDepth());
        n.put("queueCapacity", s.queueCapacity());
        n.put("queued", s.queued());
        n.put("sent", s.sent());
        n.put("dropped", s.dropped());
        n.put("rateLimit", s.rateLimit());
        n.put("rateLimited", s.rateLimited());
        n.put("reconnects", s.reconnects());
        n.put("errors", s.errors());
        if (s.lastError() != null) {
            n.put("lastError", s.lastError());
            n.put("lastErrorMillis", s.lastErrorMillis());
        }
        return n;
    }
}
