package org.apptrack.apptrack.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import javax.servlet.http.HttpServletResponse;

/** JSON bodies of the AppTrack resources, and their errors ({@code {"code": 400, "message": "port: ..."}}). */
final class JsonResponses {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {
    }

    static void write(HttpServletResponse resp, int status, ObjectNode body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        MAPPER.writeValue(resp.getOutputStream(), body);
    }

    /** An error; for a bad parameter {@code message} starts with its name ("limit: not a number: x"). */
    static void error(HttpServletResponse resp, int status, String message) throws IOException {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("code", status);
        n.put("message", message);
        write(resp, status, n);
    }

    /** An error about one request parameter, named in {@code parameter} and at the start of the message. */
    static void badParameter(HttpServletResponse resp, String parameter, String message) throws IOException {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("code", HttpServletResponse.SC_BAD_REQUEST);
        n.put("parameter", parameter);
        n.put("message", message);
        write(resp, HttpServletResponse.SC_BAD_REQUEST, n);
    }

    /** The path below the servlet's pattern, split at '/'; empty for the resource itself. */
    static String[] pathSegments(String pathInfo) {
        if (pathInfo == null || pathInfo.isEmpty() || pathInfo.equals("/")) {
            return new String[0];
        }
        return pathInfo.replaceAll("^/+|/+$", "").split("/+");
    }
}
