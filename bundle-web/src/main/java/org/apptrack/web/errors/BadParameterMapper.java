package org.apptrack.web.errors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/** A bad parameter: 400 naming it. */
@Provider
public class BadParameterMapper implements ExceptionMapper<BadParameterException> {

    @Override
    public Response toResponse(BadParameterException e) {
        return ErrorBodies.response(Response.Status.BAD_REQUEST.getStatusCode(), e.parameter(), e.getMessage());
    }
}
