package org.apptrack.web.apptrack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.web.json.Json;

/**
 * JSON form of the counters, the same data as {@code apptrack:counters} (every reason and cause,
 * zeros too): one JSON field per {@link AppTrackCounters} accessor, named as the accessor
 * ({@code CountersResourceTest} fails until a new accessor is here).
 */
final class CountersJson {

    private CountersJson() {
    }

    static ObjectNode encode(AppTrackCounters c) {
        ObjectNode n = Json.object();
        n.put("sessionCreateMessages", c.sessionCreateMessages());
        n.put("sessionCloseMessages", c.sessionCloseMessages());
        n.put("volumeUpdateMessages", c.volumeUpdateMessages());
        n.put("failedMessages", c.failedMessages());
        n.put("sessionsCreated", c.sessionsCreated());
        n.put("sessionsClosed", c.sessionsClosed());
        n.put("activeSessions", c.activeSessions());
        n.put("refusedSessions", c.refusedSessions());
        n.put("frames", c.frames());
        n.put("notIpFrames", c.notIpFrames());
        n.put("malformedFrames", c.malformedFrames());
        n.put("framesWithoutZone", c.framesWithoutZone());
        n.put("framesNotTracked", c.framesNotTracked());
        n.put("ownTrafficFrames", c.ownTrafficFrames());
        n.put("routeUpdates", c.routeUpdates());
        n.put("routeUpdatesUnknownSession", c.routeUpdatesUnknownSession());
        n.put("sessionEventsDelivered", c.sessionEventsDelivered());
        n.put("sessionEventsDropped", c.sessionEventsDropped());
        n.put("sessionListenerFailures", c.sessionListenerFailures());
        putAll(n.putObject("closedByReason"), c.closedByReason());
        putAll(n.putObject("malformedByCause"), c.malformedByCause());
        return n;
    }

    /** In name order: the counters' maps have no order of their own. */
    private static void putAll(ObjectNode target, Map<String, Long> values) {
        for (Map.Entry<String, Long> e : new TreeMap<>(values).entrySet()) {
            target.put(e.getKey(), e.getValue());
        }
    }
}
