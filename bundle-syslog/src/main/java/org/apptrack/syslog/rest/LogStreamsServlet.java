package org.apptrack.syslog.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.syslog.stream.TestRecords;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * REST resource of the log streams, on the OSGi HTTP whiteboard (works in ONOS's Karaf and in
 * the standalone distribution alike):
 * <ul>
 *   <li>{@code GET /apptrack/v1/log-streams}: every stream with its counters</li>
 *   <li>{@code GET /apptrack/v1/log-streams/NAME}: one stream</li>
 *   <li>{@code POST /apptrack/v1/log-streams/NAME/test}: send a test record to it</li>
 * </ul>
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=" + LogStreamsServlet.PATH + "/*",
        "osgi.http.whiteboard.servlet.name=apptrack-log-streams"})
public class LogStreamsServlet extends HttpServlet {

    static final String PATH = "/apptrack/v1/log-streams";
    private static final long serialVersionUID = 1L;

    private final transient ObjectMapper mapper = new ObjectMapper();

    @Reference
    private transient SecurityLogService service;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = pathSegments(req);
        if (path.length == 0) {
            ObjectNode root = mapper.createObjectNode();
            ArrayNode streams = root.putArray("streams");
            for (LogStreamStatus s : service.streams()) {
                streams.add(LogStreamJson.encode(s, mapper));
            }
            write(resp, HttpServletResponse.SC_OK, root);
            return;
        }
        if (path.length == 1) {
            Optional<LogStreamStatus> s = service.stream(path[0]);
            if (s.isPresent()) {
                write(resp, HttpServletResponse.SC_OK, LogStreamJson.encode(s.get(), mapper));
            } else {
                error(resp, HttpServletResponse.SC_NOT_FOUND, "no log stream named " + path[0]);
            }
            return;
        }
        error(resp, HttpServletResponse.SC_NOT_FOUND, "unknown resource");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = pathSegments(req);
        if (path.length != 2 || !"test".equals(path[1])) {
            error(resp, HttpServletResponse.SC_NOT_FOUND, "POST " + PATH + "/NAME/test sends a test record");
            return;
        }
        Optional<LogStreamStatus> s = service.stream(path[0]);
        if (s.isEmpty()) {
            error(resp, HttpServletResponse.SC_NOT_FOUND, "no log stream named " + path[0]);
            return;
        }
        if (s.get().state() == LogStreamState.REJECTED) {
            error(resp, HttpServletResponse.SC_CONFLICT, "log stream " + path[0] + " is not running: "
                    + s.get().configError());
            return;
        }
        service.log(path[0], TestRecords.create(path[0], req.getParameter("message")));
        write(resp, HttpServletResponse.SC_ACCEPTED, LogStreamJson.encode(service.stream(path[0]).orElseThrow(),
                mapper));
    }

    private static String[] pathSegments(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.equals("/") || info.isEmpty()) {
            return new String[0];
        }
        return info.replaceAll("^/+|/+$", "").split("/+");
    }

    private void error(HttpServletResponse resp, int status, String message) throws IOException {
        ObjectNode n = mapper.createObjectNode();
        n.put("code", status);
        n.put("message", message);
        write(resp, status, n);
    }

    private void write(HttpServletResponse resp, int status, ObjectNode body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        mapper.writeValue(resp.getOutputStream(), body);
    }
}
