package org.apptrack.web.apptrack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.web.resource.ServiceResource;

/** {@code GET /onos/apptrack/v1/counters}: the AppTrack counters, the same data as {@code apptrack:counters}. */
@Path("v1/counters")
public class CountersResource extends ServiceResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode counters() {
        return CountersJson.encode(get(AppTrackService.class).counters());
    }
}
