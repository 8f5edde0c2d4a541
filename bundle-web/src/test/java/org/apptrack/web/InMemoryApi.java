package org.apptrack.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.client.Entity;
import javax.ws.rs.client.Invocation;
import javax.ws.rs.client.WebTarget;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Application;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apptrack.web.json.Json;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.inmemory.InMemoryTestContainerFactory;
import org.glassfish.jersey.test.spi.TestContainerFactory;
import org.onlab.osgi.ServiceDirectory;

/**
 * The REST API in Jersey's in-memory container, with the application, filters and mappers the
 * servlet runs. The servlet container's part (BASIC authentication against the karaf realm) is
 * played by a header: {@code X-Test-User: NAME:ROLE,ROLE}, absent for an anonymous request.
 */
public final class InMemoryApi implements AutoCloseable {

    /** The roles of the distribution's karaf user. */
    public static final String ADMIN = "karaf:group,admin,manager,viewer,systembundles,ssh";
    public static final String VIEWER = "watcher:viewer";
    static final String USER_HEADER = "X-Test-User";

    private final JerseyTest jersey;

    public InMemoryApi(ServiceDirectory services) {
        Application app = ResourceConfig.forApplication(new AppTrackWebApplication(services))
                .register(HeaderAuthentication.class);
        jersey = new JerseyTest(app) {
            @Override
            protected TestContainerFactory getTestContainerFactory() {
                return new InMemoryTestContainerFactory();
            }
        };
        try {
            jersey.setUp();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One exchange: its status, headers and JSON body. */
    public static final class Reply {
        public final int status;
        public final String contentType;
        public final Response response;
        public final JsonNode json;

        Reply(Response response) throws IOException {
            this.response = response;
            this.status = response.getStatus();
            this.contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
            String body = response.readEntity(String.class);
            this.json = body == null || body.isEmpty() ? null : Json.MAPPER.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + json;
        }
    }

    /** {@code pathAndQuery} relative to the context path, e.g. {@code v1/sessions?port=443}. */
    public Reply call(String user, String method, String pathAndQuery) throws IOException {
        String[] parts = pathAndQuery.split("\\?", 2);
        WebTarget target = jersey.target(parts[0]);
        if (parts.length == 2) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                target = target.queryParam(kv[0], kv.length == 2 ? kv[1] : "");
            }
        }
        Invocation.Builder request = target.request();
        if (user != null) {
            request.header(USER_HEADER, user);
        }
        Response response = method.equals("POST") || method.equals("PUT")
                ? request.method(method, Entity.text("")) : request.method(method);
        return new Reply(response);
    }

    /** As the karaf user (admin). */
    public Reply call(String method, String pathAndQuery) throws IOException {
        return call(ADMIN, method, pathAndQuery);
    }

    /** GET as admin that must answer 200. */
    public JsonNode get(String pathAndQuery) throws IOException {
        Reply r = call("GET", pathAndQuery);
        if (r.status != 200) {
            throw new AssertionError("GET " + pathAndQuery + ": " + r);
        }
        return r.json;
    }

    @Override
    public void close() throws Exception {
        jersey.tearDown();
    }

    /** What the servlet container's BASIC authentication gives Jersey: the user and its roles. */
    @PreMatching
    @Priority(Priorities.AUTHENTICATION)
    public static final class HeaderAuthentication implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            String user = request.getHeaderString(USER_HEADER);
            if (user == null) {
                return; // anonymous: the in-memory container's context has no principal
            }
            String[] nameRoles = user.split(":", 2);
            Set<String> roles = new HashSet<>(Arrays.asList(nameRoles[1].split(",")));
            Principal principal = () -> nameRoles[0];
            request.setSecurityContext(new SecurityContext() {
                @Override
                public Principal getUserPrincipal() {
                    return principal;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return roles.contains(role);
                }

                @Override
                public boolean isSecure() {
                    return false;
                }

                @Override
                public String getAuthenticationScheme() {
                    return BASIC_AUTH;
                }
            });
        }
    }
}
