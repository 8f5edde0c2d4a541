package org.apptrack.web.apptrack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.ZoneInfo;
import org.apptrack.web.InMemoryApi;
import org.apptrack.web.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZonesResourceTest {

    private final FakeAppTrackService service = new FakeAppTrackService();
    private final InMemoryApi api = new InMemoryApi(new TestServices().add(AppTrackService.class, service));

    @AfterEach
    void close() throws Exception {
        api.close();
    }

    @Test
    void zonesAreTheCommandsData() throws Exception {
        service.zones.add(new ZoneInfo("trust", true, "root-logical-system", List.of("10.0.0.0/8", "fc00::/7"),
                List.of(), 3, 1));
        service.zones.add(new ZoneInfo("dmz", false, "LSYS1", List.of(), List.of("of:0000000000000002/1"), 0, 0));
        JsonNode body = api.get("v1/zones");
        assertEquals(true, body.path("enabled").asBoolean());
        JsonNode trust = body.path("zones").get(0);
        assertEquals("trust", trust.path("name").asText());
        assertEquals(true, trust.path("applicationTracking").asBoolean());
        assertEquals("fc00::/7", trust.path("prefixes").get(1).asText());
        assertEquals(3, trust.path("sessionsFrom").asLong());
        assertEquals(1, trust.path("sessionsTo").asLong());
        JsonNode dmz = body.path("zones").get(1);
        assertEquals(false, dmz.path("applicationTracking").asBoolean());
        assertEquals("LSYS1", dmz.path("logicalSystem").asText());
        assertEquals("of:0000000000000002/1", dmz.path("interfaces").get(0).asText());
    }

    @Test
    void subResourcesAreNotFound() throws Exception {
        assertEquals(404, api.call("GET", "v1/zones/trust").status);
    }
}
