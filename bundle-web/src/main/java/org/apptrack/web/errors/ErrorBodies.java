package org.apptrack.web.errors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.apptrack.web.json.Json;

/**
 * The JSON of every error the REST API answers, from a resource, Jersey or the servlet container:
 * {@code {"code": 400, "parameter": "port", "message": "port: out of range 0..65535: 70000"}}
 * ({@code parameter} only when one parameter is at fault).
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    public static ObjectNode body(int status, String parameter, String message) {
        ObjectNode n = Json.object();
        n.put("code", status);
        if (parameter != null) {
            n.put("parameter", parameter);
        }
        n.put("message", message);
        return n;
    }

    public static Response response(int status, String parameter, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(status, parameter, message))
                .build();
    }

    public static Response response(int status, String message) {
        return response(status, null, message);
    }
}
