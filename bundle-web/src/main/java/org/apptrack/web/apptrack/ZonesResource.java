package org.apptrack.web.apptrack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.ZoneInfo;
import org.apptrack.web.json.Json;
import org.apptrack.web.resource.ServiceResource;

/**
 * {@code GET /onos/apptrack/v1/zones}: the security zones, the same data as {@code apptrack:zones}
 * ({@code {"enabled": true, "zones": [{"name", "applicationTracking", "logicalSystem", "prefixes",
 * "interfaces", "sessionsFrom", "sessionsTo"}]}}).
 */
@Path("v1/zones")
public class ZonesResource extends ServiceResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode zones() {
        AppTrackService service = get(AppTrackService.class);
        ObjectNode body = Json.object();
        body.put("enabled", service.enabled());
        ArrayNode zones = body.putArray("zones");
        for (ZoneInfo z : service.zones()) {
            ObjectNode n = zones.addObject();
            n.put("name", z.name());
            n.put("applicationTracking", z.applicationTracking());
            n.put("logicalSystem", z.logicalSystem());
            z.prefixes().forEach(n.putArray("prefixes")::add);
            z.interfaces().forEach(n.putArray("interfaces")::add);
            n.put("sessionsFrom", z.sessionsFrom());
            n.put("sessionsTo", z.sessionsTo());
        }
        return body;
    }
}
