package org.apptrack.web.access;

import javax.annotation.Priority;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.ext.Provider;

/**
 * Who may do what: reading (GET, HEAD) needs role {@code viewer} or {@code admin}, anything else
 * {@code admin}. The servlet container enforces the same for GET, HEAD and POST (web.xml); for the
 * other methods this filter is the check, because Jetty writes no error page for them and its
 * refusal would not be JSON. Asking for the user makes the container authenticate the request
 * (BASIC, realm karaf). Before matching, as the container's authentication: an unknown path is a
 * 401 to an anonymous client too.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class RoleFilter implements ContainerRequestFilter {

    static final String ADMIN = "admin";
    static final String VIEWER = "viewer";

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security == null || security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("authentication required: HTTP BASIC with a user of the Karaf realm karaf",
                    "Basic realm=\"karaf\"");
        }
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (security.isUserInRole(ADMIN) || reading && security.isUserInRole(VIEWER)) {
            return;
        }
        throw new ForbiddenException(reading ? "forbidden: reading needs role viewer or admin"
                : "forbidden: " + request.getMethod() + " needs role admin");
    }
}
