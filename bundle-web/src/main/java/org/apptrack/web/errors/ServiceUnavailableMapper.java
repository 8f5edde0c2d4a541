package org.apptrack.web.errors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.onlab.osgi.ServiceNotFoundException;

/** A product service that is not running (its bundle stopped or not installed): 503. */
@Provider
public class ServiceUnavailableMapper implements ExceptionMapper<ServiceNotFoundException> {

    @Override
    public Response toResponse(ServiceNotFoundException e) {
        return ErrorBodies.response(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(),
                "service unavailable: " + e.getMessage());
    }
}
