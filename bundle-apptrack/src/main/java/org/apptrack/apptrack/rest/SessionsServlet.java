package org.apptrack.apptrack.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.SessionFilter;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionOrder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * REST resource of the tracked sessions, on the OSGi HTTP whiteboard:
 * <ul>
 *   <li>{@code GET /apptrack/v1/sessions?zone=&application=&address=&port=&protocol=&limit=&sort=}:
 *   the sessions that match every filter given, as {@code apptrack:sessions} (same filters, same
 *   default limit of 100, {@code sort} one of {@link SessionOrder}); {@code more} tells whether
 *   the limit left matching sessions out</li>
 *   <li>{@code GET /apptrack/v1/sessions/ID}: one session (404 when there is none)</li>
 *   <li>{@code DELETE /apptrack/v1/sessions?zone=&application=&address=&port=&protocol=}: closes
 *   with reason CLI every session, or those matching the filters given, as
 *   {@code apptrack:clear-sessions}, and returns how many it closed</li>
 *   <li>{@code DELETE /apptrack/v1/sessions/ID}: closes that session (404 when there is none)</li>
 * </ul>
 * A bad parameter is a 400 whose {@code parameter} names it and whose message starts with it.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=" + SessionsServlet.PATH + "/*",
        "osgi.http.whiteboard.servlet.name=apptrack-sessions"})
public class SessionsServlet extends HttpServlet {

    static final String PATH = "/apptrack/v1/sessions";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000_000;
    private static final long serialVersionUID = 1L;

    @Reference
    private transient AppTrackService service;

    /** For DS. */
    public SessionsServlet() {
    }

    SessionsServlet(AppTrackService service) {
        this.service = service;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = JsonResponses.pathSegments(req.getPathInfo());
        if (path.length == 0) {
            list(req, resp);
        } else if (path.length == 1) {
            one(path[0], resp);
        } else {
            JsonResponses.error(resp, HttpServletResponse.SC_NOT_FOUND, "unknown resource");
        }
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = JsonResponses.pathSegments(req.getPathInfo());
        int closed;
        if (path.length == 0) {
            Query q = query(req, resp, false);
            if (q == null) {
                return;
            }
            closed = q.filtered ? service.clearSessions(q.filter) : service.clearSessions();
        } else if (path.length == 1) {
            SessionFilter filter = idFilter(path[0], resp);
            if (filter == null) {
                return;
            }
            closed = service.clearSessions(filter);
            if (closed == 0) {
                JsonResponses.error(resp, HttpServletResponse.SC_NOT_FOUND, "no session " + path[0]);
                return;
            }
        } else {
            JsonResponses.error(resp, HttpServletResponse.SC_NOT_FOUND, "unknown resource");
            return;
        }
        ObjectNode n = JsonResponses.MAPPER.createObjectNode();
        n.put("closed", closed);
        n.put("reason", "CLI");
        JsonResponses.write(resp, HttpServletResponse.SC_OK, n);
    }

    /** The filters (and, for a listing, the limit) of a request. */
    private static final class Query {
        final SessionFilter filter = new SessionFilter();
        int limit = DEFAULT_LIMIT;
        SessionOrder order = SessionOrder.ID;
        boolean filtered;
    }

    /** The request's query, or null after answering 400 naming the bad parameter. */
    private static Query query(HttpServletRequest req, HttpServletResponse resp, boolean listing) throws IOException {
        Query q = new Query();
        for (Map.Entry<String, String[]> p : req.getParameterMap().entrySet()) {
            String name = p.getKey();
            if (p.getValue().length != 1) {
                JsonResponses.badParameter(resp, name, name + ": given more than once");
                return null;
            }
            String value = p.getValue()[0];
            try {
                switch (name) {
                    case "zone":
                        q.filter.zone(value);
                        break;
                    case "application":
                        q.filter.application(value);
                        break;
                    case "address":
                        q.filter.address(value);
                        break;
                    case "port":
                        q.filter.port(value);
                        break;
                    case "protocol":
                        q.filter.protocol(value);
                        break;
                    case "limit":
                    case "sort":
                        if (!listing) {
                            throw new IllegalArgumentException(name + ": unknown parameter (zone, application, address,"
                                    + " port, protocol)");
                        }
                        if (name.equals("limit")) {
                            q.limit = limit(value);
                        } else {
                            q.order = SessionOrder.parse(value);
                        }
                        continue;
                    default:
                        throw new IllegalArgumentException(name + ": unknown parameter (zone, application, address,"
                                + " port, protocol" + (listing ? ", limit, sort)" : ")"));
                }
                q.filtered = true;
            } catch (IllegalArgumentException e) {
                JsonResponses.badParameter(resp, name, e.getMessage());
                return null;
            }
        }
        return q;
    }

    private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Query q = query(req, resp, true);
        if (q == null) {
            return;
        }
        int limit = q.limit;
        // One more than asked: tells whether the limit left sessions out.
        List<SessionInfo> sessions = service.sessions(q.filter, limit + 1, q.order);
        boolean more = sessions.size() > limit;
        ObjectNode root = JsonResponses.MAPPER.createObjectNode();
        ArrayNode array = root.putArray("sessions");
        for (SessionInfo s : more ? sessions.subList(0, limit) : sessions) {
            array.add(SessionJson.encode(s, JsonResponses.MAPPER));
        }
        root.put("count", array.size());
        root.put("limit", limit);
        root.put("more", more);
        JsonResponses.write(resp, HttpServletResponse.SC_OK, root);
    }

    /** A filter for the session id in the path, or null after answering 400. */
    private static SessionFilter idFilter(String idText, HttpServletResponse resp) throws IOException {
        SessionFilter filter = new SessionFilter();
        try {
            filter.sessionId(parseId(idText));
        } catch (IllegalArgumentException e) {
            JsonResponses.badParameter(resp, "id", e.getMessage());
            return null;
        }
        return filter;
    }

    private void one(String idText, HttpServletResponse resp) throws IOException {
        SessionFilter filter = idFilter(idText, resp);
        if (filter == null) {
            return;
        }
        // AppTrackService has no lookup by id (yet): a filter with the id, at most one.
        List<SessionInfo> found = service.sessions(filter, 1);
        if (found.isEmpty()) {
            JsonResponses.error(resp, HttpServletResponse.SC_NOT_FOUND, "no session " + idText);
            return;
        }
        JsonResponses.write(resp, HttpServletResponse.SC_OK, SessionJson.encode(found.get(0), JsonResponses.MAPPER));
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("id: not a session id: " + text, e);
        }
    }

    private static int limit(String value) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit: not a number: " + value, e);
        }
        if (n < 1 || n > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: out of range 1.." + MAX_LIMIT + ": " + n);
        }
        return n;
    }
}
