package org.apptrack.web.appid;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.apptrack.apptrack.api.ApplicationCacheEntry;
import org.apptrack.apptrack.api.ApplicationIdentificationService;
import org.apptrack.apptrack.api.ApplicationStatistics;
import org.apptrack.apptrack.api.ClusterStatisticsService;
import org.apptrack.web.errors.BadParameterException;
import org.apptrack.web.json.Json;
import org.apptrack.web.resource.Parameters;
import org.apptrack.web.resource.ServiceResource;
import org.onlab.osgi.ServiceNotFoundException;

/**
 * {@code /onos/apptrack/v1/appid}: application identification's counters, statistics per
 * application and application system cache, the same data as the {@code apptrack:appid-*}
 * commands.
 */
@Path("v1/appid")
public class ApplicationIdentificationResource extends ServiceResource {

    @GET
    @Path("counters")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode counters() {
        ObjectNode json = Json.object();
        for (Map.Entry<String, Long> e : service().identificationCounters().entrySet()) {
            json.put(e.getKey(), e.getValue());
        }
        return json;
    }

    @GET
    @Path("statistics")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode statistics(@QueryParam("period") @DefaultValue("since-start") String period,
                                 @QueryParam("scope") @DefaultValue("cluster") String scope) {
        ApplicationIdentificationService.Period p;
        if ("since-start".equals(period)) {
            p = ApplicationIdentificationService.Period.SINCE_START;
        } else if ("interval".equals(period)) {
            p = ApplicationIdentificationService.Period.INTERVAL;
        } else {
            throw new BadParameterException("period", "period: not since-start or interval: " + period);
        }
        if (!"cluster".equals(scope) && !"local".equals(scope)) {
            throw new BadParameterException("scope", "scope: not cluster or local: " + scope);
        }
        // Inside an ONOS cluster the totals of every node, as ONOS's own REST API shows the cluster's state.
        ClusterStatisticsService cluster = "cluster".equals(scope) ? clusterStatistics() : null;
        boolean clustered = cluster != null && cluster.clustered();
        ObjectNode json = Json.object();
        json.put("period", period);
        json.put("scope", clustered ? "cluster" : "local");
        json.put("nodes", clustered ? cluster.nodes() : 1);
        ArrayNode rows = json.putArray("applications");
        for (ApplicationStatistics s : clustered ? cluster.statistics(p) : service().statistics(p)) {
            rows.addObject().put("application", s.application()).put("nestedApplication", s.nestedApplication())
                    .put("sessions", s.sessions()).put("packets", s.packets()).put("bytes", s.bytes());
        }
        return json;
    }

    @GET
    @Path("cache")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode cache(@QueryParam("limit") @DefaultValue("1000") String limitText) {
        int limit = (int) Parameters.integer("limit", limitText, 0, 1_000_000);
        ObjectNode json = Json.object();
        ArrayNode entries = json.putArray("entries");
        for (ApplicationCacheEntry e : service().applicationSystemCache(limit)) {
            entries.addObject().put("serverAddress", e.serverAddress()).put("serverPort", e.serverPort())
                    .put("protocol", e.protocol()).put("application", e.application())
                    .put("nestedApplication", e.nestedApplication()).put("secondsLeft", e.secondsLeft());
        }
        return json;
    }

    @GET
    @Path("catalog")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode catalog() {
        ObjectNode json = Json.object();
        json.put("version", service().catalogVersion());
        return json;
    }

    @DELETE
    @Path("cache")
    public Response clearCache() {
        service().clearApplicationSystemCache();
        return Response.noContent().build();
    }

    /** The cluster totals, or null where there are none (the standalone distribution may lack the service). */
    private ClusterStatisticsService clusterStatistics() {
        try {
            return get(ClusterStatisticsService.class);
        } catch (ServiceNotFoundException e) {
            return null;
        }
    }

    private ApplicationIdentificationService service() {
        return get(ApplicationIdentificationService.class);
    }
}
