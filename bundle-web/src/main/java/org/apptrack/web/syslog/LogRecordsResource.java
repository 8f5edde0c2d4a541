package org.apptrack.web.syslog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.RecentLogService;
import org.apptrack.web.json.Json;
import org.apptrack.web.resource.Parameters;
import org.apptrack.web.resource.ServiceResource;

/**
 * {@code GET /onos/apptrack/v1/log-records?limit=N&session-id=ID}: the last security-log
 * records, newest first; with {@code session-id}, the records kept of that session, oldest first
 * (none when it is not remembered). {@code limit} (default {@value #DEFAULT_LIMIT}) caps either list.
 */
@Path("v1/log-records")
public class LogRecordsResource extends ServiceResource {

    static final int DEFAULT_LIMIT = 50;
    private static final long MAX_SESSION_ID = 0xffff_ffffL;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode records(@QueryParam("limit") String limitText, @QueryParam("session-id") String sessionIdText) {
        int limit = limitText == null ? DEFAULT_LIMIT
                : (int) Parameters.integer("limit", limitText, 1, RecentLogService.RECENT_RECORDS);
        Long sessionId = sessionIdText == null ? null
                : Parameters.integer("session-id", sessionIdText, 0, MAX_SESSION_ID);
        RecentLogService recent = get(RecentLogService.class);
        List<LogRecord> records = sessionId == null ? recent.recent(limit) : recent.forSession(sessionId);
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("records");
        for (int i = 0; i < records.size() && i < limit; i++) {
            array.add(LogRecordJson.encode(records.get(i)));
        }
        return body;
    }
}
