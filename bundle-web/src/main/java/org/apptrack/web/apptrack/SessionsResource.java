package org.apptrack.web.apptrack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.SessionFilter;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionOrder;
import org.apptrack.web.errors.BadParameterException;
import org.apptrack.web.json.Json;
import org.apptrack.web.resource.Parameters;
import org.apptrack.web.resource.ServiceResource;

/**
 * The tracked sessions:
 * <ul>
 *   <li>{@code GET /onos/apptrack/v1/sessions?zone=&application=&address=&port=&protocol=&limit=&sort=}:
 *   the sessions that match every filter given, as {@code apptrack:sessions} (same filters, same
 *   default limit of 100, {@code sort} one of {@link SessionOrder}); {@code more} tells whether
 *   the limit left matching sessions out</li>
 *   <li>{@code GET .../sessions/ID}: one session (404 when there is none)</li>
 *   <li>{@code DELETE .../sessions?zone=&application=&address=&port=&protocol=}: closes with
 *   reason CLI every session, or those matching the filters given, as
 *   {@code apptrack:clear-sessions}, and returns how many it closed</li>
 *   <li>{@code DELETE .../sessions/ID}: closes that session (404 when there is none)</li>
 * </ul>
 * A bad parameter is a 400 whose {@code parameter} names it and whose message starts with it.
 */
@Path("v1/sessions")
public class SessionsResource extends ServiceResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000_000;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode list(@QueryParam("zone") String zone, @QueryParam("application") String application,
                           @QueryParam("address") String address, @QueryParam("port") String port,
                           @QueryParam("protocol") String protocol, @QueryParam("limit") String limitText,
                           @QueryParam("sort") String sort) {
        SessionFilter filter = filter(zone, application, address, port, protocol);
        int limit = limitText == null ? DEFAULT_LIMIT : (int) Parameters.integer("limit", limitText, 1, MAX_LIMIT);
        SessionOrder order = SessionOrder.ID;
        if (sort != null) {
            try {
                order = SessionOrder.parse(sort);
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("sort", e);
            }
        }
        // One more than asked: tells whether the limit left sessions out.
        List<SessionInfo> sessions = get(AppTrackService.class).sessions(filter, limit + 1, order);
        boolean more = sessions.size() > limit;
        ObjectNode root = Json.object();
        ArrayNode array = root.putArray("sessions");
        for (SessionInfo s : more ? sessions.subList(0, limit) : sessions) {
            array.add(SessionJson.encode(s));
        }
        root.put("count", array.size());
        root.put("limit", limit);
        root.put("more", more);
        return root;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode one(@PathParam("id") String id) {
        // AppTrackService has no lookup by id: a filter with the id, at most one.
        List<SessionInfo> found = get(AppTrackService.class).sessions(idFilter(id), 1);
        if (found.isEmpty()) {
            throw new NotFoundException("no session " + id);
        }
        return SessionJson.encode(found.get(0));
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode clear(@QueryParam("zone") String zone, @QueryParam("application") String application,
                            @QueryParam("address") String address, @QueryParam("port") String port,
                            @QueryParam("protocol") String protocol) {
        AppTrackService service = get(AppTrackService.class);
        boolean filtered = zone != null || application != null || address != null || port != null || protocol != null;
        SessionFilter filter = filter(zone, application, address, port, protocol);
        return closed(filtered ? service.clearSessions(filter) : service.clearSessions());
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode clearOne(@PathParam("id") String id) {
        int closed = get(AppTrackService.class).clearSessions(idFilter(id));
        if (closed == 0) {
            throw new NotFoundException("no session " + id);
        }
        return closed(closed);
    }

    private static ObjectNode closed(int count) {
        ObjectNode n = Json.object();
        n.put("closed", count);
        n.put("reason", "CLI");
        return n;
    }

    /** The filter of the parameters given; a bad one is a 400 naming it. */
    private static SessionFilter filter(String zone, String application, String address, String port,
                                        String protocol) {
        SessionFilter filter = new SessionFilter();
        String current = null;
        try {
            if (zone != null) {
                current = "zone";
                filter.zone(zone);
            }
            if (application != null) {
                current = "application";
                filter.application(application);
            }
            if (address != null) {
                current = "address";
                filter.address(address);
            }
            if (port != null) {
                current = "port";
                filter.port(port);
            }
            if (protocol != null) {
                current = "protocol";
                filter.protocol(protocol);
            }
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(current, e);
        }
        return filter;
    }

    private static SessionFilter idFilter(String id) {
        return new SessionFilter().sessionId(Parameters.integer("id", id, 0, 0xffff_ffffL));
    }
}
