package org.apptrack.web.apptrack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.apptrack.apptrack.api.OffloadCounters;
import org.apptrack.apptrack.api.OffloadService;
import org.apptrack.web.json.Json;
import org.apptrack.web.resource.ServiceResource;

/**
 * {@code GET /onos/apptrack/v1/offload}: offload mode's state and counters, the same data as
 * {@code apptrack:offload} ({@code {"available", "enabled", "devices", "zones",
 * "pollIntervalSeconds", "counters": {...}}}).
 */
@Path("v1/offload")
public class OffloadResource extends ServiceResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode offload() {
        OffloadService service = get(OffloadService.class);
        ObjectNode body = Json.object();
        body.put("available", service.available());
        body.put("enabled", service.enabled());
        service.devices().forEach(body.putArray("devices")::add);
        service.zones().forEach(body.putArray("zones")::add);
        body.put("pollIntervalSeconds", service.pollIntervalSeconds());
        counters(body.putObject("counters"), service.counters());
        return body;
    }

    /** One field per {@link OffloadCounters} accessor, named as the accessor ({@code OffloadResourceTest} checks). */
    static void counters(ObjectNode n, OffloadCounters c) {
        n.put("offloadedSessions", c.offloadedSessions());
        n.put("trackedRules", c.trackedRules());
        n.put("requests", c.requests());
        n.put("rulesInstalled", c.rulesInstalled());
        n.put("forwardingRulesUsed", c.forwardingRulesUsed());
        n.put("rulesRemoved", c.rulesRemoved());
        n.put("rulesFailed", c.rulesFailed());
        n.put("noForwardingDecision", c.noForwardingDecision());
        n.put("endPunts", c.endPunts());
        n.put("polls", c.polls());
        n.put("pollFailures", c.pollFailures());
        n.put("sessionsAdopted", c.sessionsAdopted());
        n.put("sessionsHandedOver", c.sessionsHandedOver());
        n.put("workDropped", c.workDropped());
    }
}
