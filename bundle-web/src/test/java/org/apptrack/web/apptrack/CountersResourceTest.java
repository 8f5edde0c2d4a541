package org.apptrack.web.apptrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.web.InMemoryApi;
import org.apptrack.web.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CountersResourceTest {

    private final FakeAppTrackService service = new FakeAppTrackService();
    private final InMemoryApi api = new InMemoryApi(new TestServices().add(AppTrackService.class, service));

    @AfterEach
    void close() throws Exception {
        api.close();
    }

    @Test
    void countersAreTheCommandsWithEveryReason() throws Exception {
        service.sessions.add(FakeAppTrackService.session(1, "10.0.0.1", 1, "10.0.0.2", 2, 17, "DNS", "a", "b"));
        JsonNode c = api.get("v1/counters");
        assertEquals(10, c.path("sessionCreateMessages").asLong());
        assertEquals(4, c.path("sessionCloseMessages").asLong());
        assertEquals(2, c.path("volumeUpdateMessages").asLong());
        assertEquals(0, c.path("failedMessages").asLong());
        assertEquals(10, c.path("sessionsCreated").asLong());
        assertEquals(4, c.path("sessionsClosed").asLong());
        assertEquals(1, c.path("activeSessions").asLong());
        assertEquals(7, c.path("refusedSessions").asLong());
        assertEquals(1234, c.path("frames").asLong());
        assertEquals(6, c.path("notIpFrames").asLong());
        assertEquals(5, c.path("malformedFrames").asLong());
        assertEquals(8, c.path("framesWithoutZone").asLong());
        assertEquals(9, c.path("framesNotTracked").asLong());
        assertEquals(11, c.path("ownTrafficFrames").asLong());
        assertEquals(4, c.path("closedByReason").path("TCP FIN").asLong());
        assertEquals(0, c.path("closedByReason").path("idle Timeout").asLong());
        assertEquals(5, c.path("malformedByCause").path("TRUNCATED_IPV4").asLong());
        // in name order, whatever order the counters hold them in
        List<String> reasons = new ArrayList<>();
        c.path("closedByReason").fieldNames().forEachRemaining(reasons::add);
        assertEquals(List.of("CLI", "TCP FIN", "idle Timeout"), reasons);
    }

    @Test
    void everyAccessorOfTheCountersIsAField() {
        ObjectNode n = CountersJson.encode(service.counters());
        List<String> missing = new ArrayList<>();
        for (Method m : AppTrackCounters.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == 0 && !n.has(m.getName())) {
                missing.add(m.getName());
            }
        }
        assertTrue(missing.isEmpty(), "AppTrackCounters accessors not in the REST JSON, add them to CountersJson: "
                + missing);
    }

    @Test
    void belowTheCountersIsNothing() throws Exception {
        assertEquals(404, api.call("GET", "v1/counters/extra").status);
    }
}
