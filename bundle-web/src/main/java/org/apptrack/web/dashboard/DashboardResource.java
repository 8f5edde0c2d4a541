package org.apptrack.web.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.apptrack.apptrack.api.Dimension;
import org.apptrack.apptrack.api.TrafficHistoryService;
import org.apptrack.apptrack.api.TrafficHistoryService.Window;
import org.apptrack.apptrack.api.TrafficSample;
import org.apptrack.apptrack.api.Volume;
import org.apptrack.web.errors.BadParameterException;
import org.apptrack.web.json.Json;
import org.apptrack.web.resource.Parameters;
import org.apptrack.web.resource.ServiceResource;

/**
 * {@code GET /onos/apptrack/v1/dashboard/...}: the history the dashboard draws, over a window
 * {@code 5m}, {@code 1h} or {@code start} (the default {@code 5m}).
 * <ul>
 *   <li>{@code traffic}: points {@code [timeMillis, bitsPerSecond, sessionsPerSecond, activeSessions]}, oldest first;</li>
 *   <li>{@code top?by=D&limit=N}: the applications ({@code by} omitted), nested applications, source or
 *   destination zones or users with the most bytes (default 10), heaviest first.</li>
 * </ul>
 */
@Path("v1/dashboard")
public class DashboardResource extends ServiceResource {

    private static final int DEFAULT_LIMIT = 10;

    @GET
    @Path("traffic")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode traffic(@QueryParam("window") String windowText) {
        Window window = window(windowText);
        ObjectNode body = Json.object().put("window", name(window));
        ArrayNode points = body.putArray("points");
        for (TrafficSample s : get(TrafficHistoryService.class).traffic(window)) {
            points.addArray().add(s.timeMillis()).add(s.bitsPerSecond()).add(s.sessionsPerSecond()).add(s.activeSessions());
        }
        return body;
    }

    @GET
    @Path("top")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode top(@QueryParam("by") String byText, @QueryParam("window") String windowText,
                          @QueryParam("limit") String limitText) {
        Dimension by = dimension(byText);
        Window window = window(windowText);
        int limit = limitText == null ? DEFAULT_LIMIT : (int) Parameters.integer("limit", limitText, 1, 1000);
        ObjectNode body = Json.object().put("window", name(window)).put("by", by.key());
        ArrayNode entries = body.putArray("entries");
        for (Volume v : get(TrafficHistoryService.class).top(by, window, limit)) {
            entries.addObject().put("name", v.name()).put("bytes", v.bytes());
        }
        return body;
    }

    static Dimension dimension(String text) {
        if (text == null) {
            return Dimension.APPLICATION;
        }
        for (Dimension d : Dimension.values()) {
            if (d.key().equals(text)) {
                return d;
            }
        }
        throw new BadParameterException("by", "by: one of " + Arrays.stream(Dimension.values()).map(Dimension::key)
                .collect(Collectors.joining(", ")) + ": " + text);
    }

    static Window window(String text) {
        if (text == null || text.equals("5m")) {
            return Window.FIVE_MINUTES;
        } else if (text.equals("1h")) {
            return Window.ONE_HOUR;
        } else if (text.equals("start")) {
            return Window.SINCE_START;
        }
        throw new BadParameterException("window", "window: one of 5m, 1h, start: " + text);
    }

    private static String name(Window window) {
        return window == Window.FIVE_MINUTES ? "5m" : window == Window.ONE_HOUR ? "1h" : "start";
    }
}
