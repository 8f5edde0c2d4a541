package org.apptrack.web.errors;

import java.util.Set;
import java.util.TreeSet;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/**
 * Jersey's own refusals (no such resource 404, method not allowed 405, not acceptable 406, ...)
 * and the filters' (401, 403) as JSON, keeping their status and headers (Allow, WWW-Authenticate).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        return Response.fromResponse(original)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBodies.body(status, null, message(e, original)))
                .build();
    }

    /**
     * The exception's own message when it has one ("no session 42"); for Jersey's generic ones
     * ("HTTP 404 Not Found") what the status means here.
     */
    private static String message(WebApplicationException e, Response original) {
        int status = original.getStatus();
        String m = e.getMessage();
        if (m != null && !m.isEmpty() && !m.startsWith("HTTP " + status)) {
            return m;
        }
        switch (status) {
            case 404:
                return "unknown resource";
            case 405:
                Set<String> allowed = new TreeSet<>(original.getAllowedMethods());
                return "method not allowed" + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed));
            default:
                return original.getStatusInfo().getReasonPhrase();
        }
    }
}
