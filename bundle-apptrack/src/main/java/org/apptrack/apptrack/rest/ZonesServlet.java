package org.apptrack.apptrack.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.servlet.Servlet;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.ZoneInfo;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /apptrack/v1/zones}: the security zones, the same data as {@code apptrack:zones}
 * ({@code {"enabled": true, "zones": [{"name", "applicationTracking", "logicalSystem", "prefixes",
 * "interfaces", "sessionsFrom", "sessionsTo"}]}}).
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=" + ZonesServlet.PATH,
        "osgi.http.whiteboard.servlet.name=apptrack-zones"})
public class ZonesServlet extends ReadOnlyJsonServlet {

    static final String PATH = "/apptrack/v1/zones";
    private static final long serialVersionUID = 1L;

    @Reference
    private transient AppTrackService service;

    /** For DS. */
    public ZonesServlet() {
    }

    ZonesServlet(AppTrackService service) {
        this.service = service;
    }

    @Override
    ObjectNode body() {
        ObjectNode body = JsonResponses.MAPPER.createObjectNode();
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
