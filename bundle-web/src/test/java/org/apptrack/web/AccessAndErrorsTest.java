package org.apptrack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.web.InMemoryApi.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may do what, and that every refusal is JSON: the rules every resource shares. */
class AccessAndErrorsTest {

    private final AppTrackService appTrack = mock(AppTrackService.class);
    private final SecurityLogService securityLog = mock(SecurityLogService.class);
    private final TestServices services = new TestServices().add(AppTrackService.class, appTrack);
    private final InMemoryApi api = new InMemoryApi(services);

    @AfterEach
    void close() throws Exception {
        api.close();
    }

    private static void assertJsonError(Reply r, int status) {
        assertEquals(status, r.status, r.toString());
        assertEquals("application/json", r.contentType, r.toString());
        assertEquals(status, r.json.path("code").asInt(), r.toString());
        assertTrue(!r.json.path("message").asText().isEmpty(), r.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET v1/sessions", "GET v1/counters", "DELETE v1/sessions", "DELETE v1/sessions/1",
        "POST v1/log-streams/local/test", "GET v1/no-such-thing", "GET v1/appqoe/paths"})
    void anonymousRequestsAre401WithABasicChallenge(String request) throws Exception {
        String[] r = request.split(" ");
        Reply reply = api.call(null, r[0], r[1]);
        assertJsonError(reply, 401);
        assertEquals("Basic realm=\"karaf\"", reply.response.getHeaderString("WWW-Authenticate"));
    }

    @Test
    void aViewerReadsButChangesNothing() throws Exception {
        when(appTrack.sessions(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyInt(),
                org.mockito.ArgumentMatchers.any())).thenReturn(List.of());
        assertEquals(200, api.call(InMemoryApi.VIEWER, "GET", "v1/sessions").status);
        assertEquals(200, api.call(InMemoryApi.VIEWER, "HEAD", "v1/sessions").status);
        Reply delete = api.call(InMemoryApi.VIEWER, "DELETE", "v1/sessions");
        assertJsonError(delete, 403);
        assertEquals("forbidden: DELETE needs role admin", delete.json.path("message").asText());
        assertJsonError(api.call(InMemoryApi.VIEWER, "DELETE", "v1/sessions/1"), 403);
        assertJsonError(api.call(InMemoryApi.VIEWER, "POST", "v1/log-streams/local/test"), 403);
        org.mockito.Mockito.verify(appTrack, org.mockito.Mockito.never()).clearSessions();
    }

    @Test
    void anAdminWithoutViewerReadsAndChanges() throws Exception {
        when(appTrack.clearSessions()).thenReturn(0);
        assertEquals(200, api.call("root:admin", "GET", "v1/zones").status);
        assertEquals(200, api.call("root:admin", "DELETE", "v1/sessions").status);
    }

    @Test
    void aUserWithNeitherRoleIsRefusedEvenReading() throws Exception {
        Reply r = api.call("guest:ssh,manager", "GET", "v1/zones");
        assertJsonError(r, 403);
        assertEquals("forbidden: reading needs role viewer or admin", r.json.path("message").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1", "v2/sessions", "v1/session", "apptrack/v1/sessions", "v1/zones/trust/x"})
    void unknownPathsAre404Json(String path) throws Exception {
        Reply r = api.call("GET", path);
        assertJsonError(r, 404);
        assertEquals("unknown resource", r.json.path("message").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1/counters", "v1/zones", "v1/log-streams", "v1/log-streams/local", "v1/sessions/1",
        "v1/appqoe/paths", "v1/appqoe/sla", "v1/appqoe/applications", "v1/appqoe/probes"})
    void everyResourceRefusesAnUnknownParameterNamingIt(String path) throws Exception {
        services.add(SecurityLogService.class, securityLog);
        when(securityLog.stream("local")).thenReturn(Optional.of(new LogStreamStatus("local", "file", "sd-syslog",
                "x", LogStreamState.UP, null, 0, 1, 0, 0, 0, 0, 0, null, 0)));
        Reply r = api.call("GET", path + "?verbose=1");
        assertJsonError(r, 400);
        assertEquals("verbose", r.json.path("parameter").asText());
        assertEquals("verbose: unknown parameter (this resource takes none)", r.json.path("message").asText());
    }

    @Test
    void aMissingServiceIs503Json() throws Exception {
        Reply r = api.call("GET", "v1/log-streams");
        assertJsonError(r, 503);
        assertTrue(r.json.path("message").asText().contains("SecurityLogService"), r.toString());
    }

    @Test
    void aFailingServiceIs500JsonWithoutAStackTrace() throws Exception {
        when(appTrack.counters()).thenThrow(new IllegalStateException("table gone"));
        Reply r = api.call("GET", "v1/counters");
        assertJsonError(r, 500);
        assertEquals("internal error: IllegalStateException: table gone", r.json.path("message").asText());
    }

    @Test
    void optionsAnswersTheAllowedMethodsInJson() throws Exception {
        Reply r = api.call("OPTIONS", "v1/sessions");
        assertEquals(200, r.status, r.toString());
        assertEquals("application/json", r.contentType);
        assertEquals("[\"DELETE\",\"GET\",\"HEAD\",\"OPTIONS\"]", r.json.path("allow").toString());
        assertJsonError(api.call(InMemoryApi.VIEWER, "OPTIONS", "v1/sessions"), 403);
    }

    @Test
    void aMethodTheResourceDoesNotHaveIs405Json() throws Exception {
        Reply r = api.call("PUT", "v1/counters");
        assertJsonError(r, 405);
        assertTrue(r.json.path("message").asText().startsWith("method not allowed; allowed: GET"), r.toString());
    }
}
