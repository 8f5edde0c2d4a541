package org.apptrack.web.errors;

import java.io.IOException;
import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apptrack.web.json.Json;

/**
 * The error page of the web application (web.xml {@code <error-page>}): what the servlet container
 * answers itself, above all 401 and 403 from its BASIC authentication, comes out as the same JSON
 * as the resources' errors instead of the container's HTML page. The container keeps the headers
 * it set (WWW-Authenticate).
 */
public class JsonErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly (not as an error page): there is no such resource.
        int status = code instanceof Integer ? (Integer) code : HttpServletResponse.SC_NOT_FOUND;
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        Json.MAPPER.writeValue(resp.getOutputStream(), ErrorBodies.body(status, null, message(status, req)));
    }

    static String message(int status, HttpServletRequest req) {
        switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED:
                return "authentication required: HTTP BASIC with a user of the Karaf realm karaf";
            case HttpServletResponse.SC_FORBIDDEN:
                return "forbidden: reading needs role viewer or admin, changing needs role admin";
            case HttpServletResponse.SC_NOT_FOUND:
                return "unknown resource";
            default:
                Object message = req.getAttribute(RequestDispatcher.ERROR_MESSAGE);
                return message == null || message.toString().isEmpty() ? "HTTP " + status : message.toString();
        }
    }
}
