package org.apptrack.apptrack.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apptrack.apptrack.api.ZoneInfo;
import org.junit.jupiter.api.Test;

class ZonesServletTest {

    @Test
    void zonesAreTheCommandsData() throws Exception {
        FakeAppTrackService service = new FakeAppTrackService();
        service.zones.add(new ZoneInfo("trust", true, "root-logical-system", List.of("10.0.0.0/8", "fc00::/7"),
                List.of(), 3, 1));
        service.zones.add(new ZoneInfo("dmz", false, "LSYS1", List.of(), List.of("of:0000000000000002/1"), 0, 0));
        HttpExchange x = new HttpExchange(null);
        new ZonesServlet(service).doGet(x.request, x.response);
        assertEquals(200, x.status());
        JsonNode body = x.json();
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
        HttpExchange x = new HttpExchange("/trust");
        new ZonesServlet(new FakeAppTrackService()).doGet(x.request, x.response);
        assertEquals(404, x.status());
    }
}
