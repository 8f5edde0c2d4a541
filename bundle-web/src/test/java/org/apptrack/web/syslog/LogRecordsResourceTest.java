package org.apptrack.web.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.RecentLogService;
import org.apptrack.web.InMemoryApi;
import org.apptrack.web.InMemoryApi.Reply;
import org.apptrack.web.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogRecordsResourceTest {

    private static final long T0 = 1_800_000_000_000L;

    private final FakeRecent recent = new FakeRecent();
    private final InMemoryApi api = new InMemoryApi(new TestServices().add(RecentLogService.class, recent));

    @AfterEach
    void close() throws Exception {
        api.close();
    }

    @Test
    void aRecordHasItsHeaderEveryFieldInOrderAndItsBody() throws Exception {
        recent.records.add(LogRecord.builder("APPTRACK_SESSION_CLOSE").time(T0)
                .field("reason", "TCP FIN").field("source-address", "10.0.0.1").field("source-port", 40000L)
                .field("session-id-32", 42L).field("username", null)
                .body("AppTrack session closed TCP FIN: 10.0.0.1/40000").build());
        JsonNode r = api.get("v1/log-records").path("records").get(0);
        assertEquals(T0, r.path("timeMillis").asLong());
        assertEquals("APPTRACK_SESSION_CLOSE", r.path("tag").asText());
        assertEquals("APPTRACK_SESSION_CLOSE", r.path("wireTag").asText());
        assertEquals("RT_FLOW", r.path("appName").asText());
        assertEquals(6, r.path("severity").asInt());
        assertTrue(r.has("logicalSystem") && r.path("logicalSystem").isNull(), r.toString());
        assertEquals("[[\"reason\",\"TCP FIN\"],[\"source-address\",\"10.0.0.1\"],[\"source-port\",\"40000\"],"
                + "[\"session-id-32\",\"42\"],[\"username\",\"N/A\"]]", r.path("fields").toString());
        assertEquals("AppTrack session closed TCP FIN: 10.0.0.1/40000", r.path("body").asText());
    }

    @Test
    void aLogicalSystemRecordNamesItsLogicalSystemAndARecordWithoutBodyHasANullOne() throws Exception {
        recent.records.add(LogRecord.builder("APPTRACK_SESSION_CREATE").logicalSystem("LSYS1")
                .field("session-id-32", 7L).build());
        recent.records.add(LogRecord.builder("APPTRACK_SESSION_CREATE").logicalSystem(LogRecord.ROOT_LOGICAL_SYSTEM)
                .field("session-id-32", 8L).build());
        JsonNode records = api.get("v1/log-records").path("records");
        JsonNode ls = records.get(0);
        assertEquals("APPTRACK_SESSION_CREATE_LS", ls.path("wireTag").asText());
        assertEquals("LSYS1", ls.path("logicalSystem").asText());
        assertEquals("[[\"logical-system-name\",\"LSYS1\"],[\"session-id-32\",\"7\"]]", ls.path("fields").toString());
        assertTrue(ls.has("body") && ls.path("body").isNull(), ls.toString());
        assertTrue(records.get(1).path("logicalSystem").isNull(), "the root logical system is null: " + records.get(1));
    }

    @Test
    void withoutSessionIdTheLastRecordsUpToTheLimitFiftyByDefault() throws Exception {
        for (int i = 0; i < 60; i++) {
            recent.records.add(LogRecord.builder("APPTRACK_SESSION_VOL_UPDATE").time(T0 + i).build());
        }
        JsonNode all = api.get("v1/log-records").path("records");
        assertEquals(50, all.size());
        assertEquals(50, recent.limitAsked);
        assertEquals(T0, all.get(0).path("timeMillis").asLong(), "in the service's order");
        assertEquals(3, api.get("v1/log-records?limit=3").path("records").size());
        assertEquals(3, recent.limitAsked);
        api.get("v1/log-records?limit=200");
        assertEquals(200, recent.limitAsked);
    }

    @Test
    void withSessionIdThatSessionsRecords() throws Exception {
        LogRecord create = LogRecord.builder("APPTRACK_SESSION_CREATE").field("session-id-32", 42L).time(T0).build();
        LogRecord close = LogRecord.builder("APPTRACK_SESSION_CLOSE").field("reason", "idle Timeout")
                .field("session-id-32", 42L).time(T0 + 5).build();
        recent.session.addAll(List.of(create, close));
        JsonNode records = api.get("v1/log-records?session-id=42").path("records");
        assertEquals(42, recent.sessionAsked);
        assertEquals(2, records.size());
        assertEquals("APPTRACK_SESSION_CREATE", records.get(0).path("tag").asText());
        assertEquals("[[\"reason\",\"idle Timeout\"],[\"session-id-32\",\"42\"]]", records.get(1).path("fields").toString());
        assertEquals(1, api.get("v1/log-records?session-id=42&limit=1").path("records").size());
        api.get("v1/log-records?session-id=4294967295");
        assertEquals(4294967295L, recent.sessionAsked);
    }

    @Test
    void aBadLimitOrSessionIdIsA400NamingIt() throws Exception {
        for (String query : List.of("limit=0", "limit=201", "limit=ten", "session-id=-1", "session-id=4294967296",
                "session-id=x", "session-id=")) {
            Reply r = api.call(InMemoryApi.VIEWER, "GET", "v1/log-records?" + query);
            assertEquals(400, r.status, query + ": " + r);
            assertEquals(query.substring(0, query.indexOf('=')), r.json.path("parameter").asText(), query);
        }
        Reply unknown = api.call(InMemoryApi.VIEWER, "GET", "v1/log-records?session=1");
        assertEquals(400, unknown.status);
        assertEquals("session: unknown parameter (limit, session-id)", unknown.json.path("message").asText());
    }

    @Test
    void readingNeedsAViewerOrAdminAndWithoutTheServiceIs503() throws Exception {
        assertEquals(401, api.call(null, "GET", "v1/log-records").status);
        assertEquals(403, api.call("guest:ssh", "GET", "v1/log-records").status);
        assertEquals(200, api.call(InMemoryApi.VIEWER, "GET", "v1/log-records").status);
        assertEquals(200, api.call(InMemoryApi.ADMIN, "GET", "v1/log-records").status);
        assertEquals(405, api.call(InMemoryApi.ADMIN, "POST", "v1/log-records").status);
        try (InMemoryApi without = new InMemoryApi(new TestServices())) {
            assertEquals(503, without.call(InMemoryApi.VIEWER, "GET", "v1/log-records").status);
        }
    }

    /** Answers the records it is given, as they are, and notes what it was asked. */
    private static final class FakeRecent implements RecentLogService {
        final List<LogRecord> records = new ArrayList<>();
        final List<LogRecord> session = new ArrayList<>();
        int limitAsked;
        long sessionAsked = -1;

        @Override
        public List<LogRecord> recent(int limit) {
            limitAsked = limit;
            return records.subList(0, Math.min(limit, records.size()));
        }

        @Override
        public List<LogRecord> forSession(long sessionId) {
            sessionAsked = sessionId;
            return session;
        }
    }
}
