package org.apptrack.web.errors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything else a resource throws: 500 as JSON, and the stack trace in the log, not in the answer. */
@Provider
public class ServerErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorMapper.class);

    @Override
    public Response toResponse(RuntimeException e) {
        log.warn("REST request failed", e);
        return ErrorBodies.response(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(),
                "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
}
