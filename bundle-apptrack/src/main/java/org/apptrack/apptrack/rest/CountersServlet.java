package org.apptrack.apptrack.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.servlet.Servlet;
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
public class CountersServlet extends ReadOnlyJsonServlet {

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
    ObjectNode body() {
        return CountersJson.encode(service.counters(), JsonResponses.MAPPER);
    }
}
