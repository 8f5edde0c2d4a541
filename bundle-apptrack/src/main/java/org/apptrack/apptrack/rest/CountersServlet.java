package org.apptrack.apptrack.rest;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apptrack.apptrack.api.AppTrackService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /apptrack/v1/counters}: the AppTrack counters, the same data as {@code apptrack:counters},
 * on the OSGi HTTP whiteboard (ONOS's Karaf and the standalone distribution alike).
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=" + CountersServlet.PATH,
        "osgi.http.whiteboard.servlet.name=apptrack-counters"})
public class CountersServlet extends HttpServlet {

    static final String PATH = "/apptrack/v1/counters";
    private static final long serialVersionUID = 1L;

    @Reference
    private transient AppTrackService service;

    /** For DS. */
    public CountersServlet() {
    }

    CountersServlet(AppTrackService service) {
        this.service = service;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (JsonResponses.pathSegments(req.getPathInfo()).length != 0) {
            JsonResponses.error(resp, HttpServletResponse.SC_NOT_FOUND, "unknown resource");
            return;
        }
        JsonResponses.write(resp, HttpServletResponse.SC_OK,
                CountersJson.encode(service.counters(), JsonResponses.MAPPER));
    }
}
