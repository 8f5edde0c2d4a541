package org.apptrack.web.apptrack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apptrack.apptrack.api.OffloadCounters;
import org.apptrack.apptrack.api.OffloadService;
import org.apptrack.web.InMemoryApi;
import org.apptrack.web.TestServices;
import org.apptrack.web.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET v1/offload}: the state and counters of {@code apptrack:offload}, for readers only, 503 without the service. */
class OffloadResourceTest {

    /** An offload component on one device, with distinct counter values. */
    private static final class FakeOffload implements OffloadService {
        boolean available = true;
        Set<String> devices = new LinkedHashSet<>(List.of("of:0000000000000001", "of:0000000000000002"));

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public Set<String> devices() {
            return devices;
        }

        @Override
        public Set<String> zones() {
            return Set.of("untrust");
        }

        @Override
        public int pollIntervalSeconds() {
            return 10;
        }

        @Override
        public OffloadCounters counters() {
            return OffloadCounters.builder().offloadedSessions(1).trackedRules(2).requests(3).rulesInstalled(4)
                    .forwardingRulesUsed(5).rulesRemoved(6).rulesFailed(7).noForwardingDecision(8).endPunts(9)
                    .polls(10).pollFailures(11).sessionsAdopted(12).sessionsHandedOver(13).workDropped(14).build();
        }
    }

    private final FakeOffload service = new FakeOffload();
    private final TestServices services = new TestServices();
    private final InMemoryApi api = new InMemoryApi(services);

    @AfterEach
    void close() throws Exception {
        api.close();
    }

    @Test
    void theStateAndEveryCounter() throws Exception {
        services.add(OffloadService.class, service);
        JsonNode o = api.get("v1/offload");
        assertTrue(o.path("available").asBoolean());
        assertTrue(o.path("enabled").asBoolean());
        assertEquals("[\"of:0000000000000001\",\"of:0000000000000002\"]", o.path("devices").toString());
        assertEquals("[\"untrust\"]", o.path("zones").toString());
        assertEquals(10, o.path("pollIntervalSeconds").asInt());
        JsonNode c = o.path("counters");
        assertEquals(1, c.path("offloadedSessions").asLong());
        assertEquals(2, c.path("trackedRules").asLong());
        assertEquals(3, c.path("requests").asLong());
        assertEquals(4, c.path("rulesInstalled").asLong());
        assertEquals(5, c.path("forwardingRulesUsed").asLong());
        assertEquals(6, c.path("rulesRemoved").asLong());
        assertEquals(7, c.path("rulesFailed").asLong());
        assertEquals(8, c.path("noForwardingDecision").asLong());
        assertEquals(9, c.path("endPunts").asLong());
        assertEquals(10, c.path("polls").asLong());
        assertEquals(11, c.path("pollFailures").asLong());
        assertEquals(12, c.path("sessionsAdopted").asLong());
        assertEquals(13, c.path("sessionsHandedOver").asLong());
        assertEquals(14, c.path("workDropped").asLong());
    }

    @Test
    void outsideOnosItIsNotAvailableNorEnabled() throws Exception {
        service.available = false;
        services.add(OffloadService.class, service);
        JsonNode o = api.get("v1/offload");
        assertFalse(o.path("available").asBoolean());
        assertFalse(o.path("enabled").asBoolean(), "configured devices, but nothing can offload them");
    }

    @Test
    void everyAccessorOfTheCountersIsAField() {
        ObjectNode n = Json.object();
        OffloadResource.counters(n, service.counters());
        List<String> missing = new ArrayList<>();
        for (Method m : OffloadCounters.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == 0 && !n.has(m.getName())) {
                missing.add(m.getName());
            }
        }
        assertTrue(missing.isEmpty(), "OffloadCounters accessors not in the REST JSON: " + missing);
    }

    @Test
    void readersOnlyAndA503WithoutTheService() throws Exception {
        assertEquals(503, api.call("GET", "v1/offload").status, "no offload component");
        assertTrue(api.call("GET", "v1/offload").json.path("message").asText().contains("OffloadService"));
        services.add(OffloadService.class, service);
        assertEquals(200, api.call(InMemoryApi.VIEWER, "GET", "v1/offload").status);
        InMemoryApi.Reply anonymous = api.call(null, "GET", "v1/offload");
        assertEquals(401, anonymous.status);
        assertEquals("Basic realm=\"karaf\"", anonymous.response.getHeaderString("WWW-Authenticate"));
        assertEquals(403, api.call("guest:ssh,manager", "GET", "v1/offload").status);
        assertEquals(400, api.call("GET", "v1/offload?verbose=1").status);
        assertEquals(405, api.call("DELETE", "v1/offload").status);
    }
}
