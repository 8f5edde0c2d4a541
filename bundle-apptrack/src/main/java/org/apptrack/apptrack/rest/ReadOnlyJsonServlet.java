package org.apptrack.apptrack.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A resource with no sub-resources that answers GET with one JSON document. */
abstract class ReadOnlyJsonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The document. */
    abstract ObjectNode body();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (JsonResponses.pathSegments(req.getPathInfo()).length != 0) {
            JsonResponses.error(resp, HttpServletResponse.SC_NOT_FOUND, "unknown resource");
            return;
        }
        JsonResponses.write(resp, HttpServletResponse.SC_OK, body());
    }
}
