package org.apptrack.web.syslog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.ws.rs.ClientErrorException;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.syslog.api.TestRecords;
import org.apptrack.web.json.Json;
import org.apptrack.web.resource.ServiceResource;

/**
 * The security-log streams:
 * <ul>
 *   <li>{@code GET /onos/apptrack/v1/log-streams}: every stream with its counters</li>
 *   <li>{@code GET .../log-streams/NAME}: one stream</li>
 *   <li>{@code POST .../log-streams/NAME/test?message=}: sends a test record to it (202 with the
 *   stream's status; 409 when its configuration was rejected)</li>
 * </ul>
 */
@Path("v1/log-streams")
public class LogStreamsResource extends ServiceResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode streams() {
        ObjectNode root = Json.object();
        ArrayNode streams = root.putArray("streams");
        for (LogStreamStatus s : get(SecurityLogService.class).streams()) {
            streams.add(LogStreamJson.encode(s));
        }
        return root;
    }

    @GET
    @Path("{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode stream(@PathParam("name") String name) {
        return LogStreamJson.encode(existing(get(SecurityLogService.class), name));
    }

    @POST
    @Path("{name}/test")
    @Produces(MediaType.APPLICATION_JSON)
    public Response test(@PathParam("name") String name, @QueryParam("message") String message) {
        SecurityLogService service = get(SecurityLogService.class);
        LogStreamStatus status = existing(service, name);
        if (status.state() == LogStreamState.REJECTED) {
            throw new ClientErrorException("log stream " + name + " is not running: " + status.configError(),
                    Response.Status.CONFLICT);
        }
        service.log(name, TestRecords.create(name, message));
        return Response.status(Response.Status.ACCEPTED)
                .entity(LogStreamJson.encode(service.stream(name).orElse(status))).build();
    }

    private static LogStreamStatus existing(SecurityLogService service, String name) {
        return service.stream(name).orElseThrow(() -> new NotFoundException("no log stream named " + name));
    }
}
