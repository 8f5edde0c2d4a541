package org.apptrack.web.appqoe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.apptrack.web.errors.BadParameterException;
import org.apptrack.web.resource.Parameters;
import org.apptrack.web.resource.ServiceResource;
import org.onlab.osgi.ServiceNotFoundException;

/**
 * AppQoE, the same data as the {@code appqoe:*} commands:
 * <ul>
 *   <li>{@code GET /onos/apptrack/v1/appqoe/paths}: {@code enabled}, {@code actuator},
 *   {@code steering}, {@code actuatorError} and every path of every destination group with the
 *   figures of its last period, its SLA state per rule and the applications on it</li>
 *   <li>{@code GET .../appqoe/sla}: each path under each SLA rule</li>
 *   <li>{@code GET .../appqoe/applications}: the active path of each application selection</li>
 *   <li>{@code GET .../appqoe/probes}: each probe session and its counters</li>
 *   <li>{@code GET .../appqoe/switches?limit=N}: the last path switches, newest first (default
 *   100, 1..10000)</li>
 *   <li>{@code GET .../appqoe/history?group=G&window=5m|1h}: each path's figures and SLA state
 *   per closed sampling period over the last five minutes (the default) or hour, with its first
 *   SLA rule's targets; every group without {@code group}</li>
 * </ul>
 * Durations are in microseconds, times in epoch milliseconds; what was not measured, never
 * happened or is not set is {@code null}. AppQoE is optional: without its bundle (or its
 * service) every path here is a 503 and the rest of the API is unaffected.
 *
 * <p>No AppQoE type appears in this class's signatures: the web bundle imports the AppQoE API
 * optionally, and Jersey reflects on resource classes when the application starts, so the
 * AppQoE types are touched only in {@link AppQoeJson}, once {@link #requireAppQoe()} passed.
 */
@Path("v1/appqoe")
public class AppQoeResource extends ServiceResource {

    static final int DEFAULT_SWITCHES = 100;
    static final int MAX_SWITCHES = 10_000;

    private static final String API_CLASS = "org.apptrack.appqoe.api.AppQoeService";

    @GET
    @Path("paths")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode paths() {
        requireAppQoe();
        return AppQoeJson.paths(this);
    }

    @GET
    @Path("sla")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode sla() {
        requireAppQoe();
        return AppQoeJson.sla(this);
    }

    @GET
    @Path("applications")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode applications() {
        requireAppQoe();
        return AppQoeJson.applications(this);
    }

    @GET
    @Path("probes")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode probes() {
        requireAppQoe();
        return AppQoeJson.probes(this);
    }

    @GET
    @Path("switches")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode switches(@QueryParam("limit") String limitText) {
        int limit = limitText == null ? DEFAULT_SWITCHES
                : (int) Parameters.integer("limit", limitText, 1, MAX_SWITCHES);
        requireAppQoe();
        return AppQoeJson.switches(this, limit);
    }

    @GET
    @Path("history")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode history(@QueryParam("group") String group, @QueryParam("window") String window) {
        String w = window == null ? "5m" : window;
        if (!w.equals("5m") && !w.equals("1h")) {
            throw new BadParameterException("window", "window: one of 5m, 1h: " + window);
        }
        requireAppQoe();
        return AppQoeJson.history(this, group, w);
    }

    /**
     * A 503 (not a class loading error) when the AppQoE API is not wired to this bundle: the
     * bundle resolved without AppQoE installed, its optional import left unresolved.
     */
    private static void requireAppQoe() {
        try {
            Class.forName(API_CLASS, false, AppQoeResource.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ServiceNotFoundException("AppQoE is not installed (" + API_CLASS + ")");
        }
    }
}
