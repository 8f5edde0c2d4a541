package org.apptrack.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.api.Dimension;
import org.apptrack.apptrack.api.TrafficHistoryService;
import org.apptrack.apptrack.api.TrafficSample;
import org.apptrack.apptrack.api.Volume;
import org.apptrack.web.InMemoryApi;
import org.apptrack.web.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardResourceTest {

    private static final long T0 = 1_800_000_000_000L;
    private final FakeHistory history = new FakeHistory();
    private final InMemoryApi api = new InMemoryApi(new TestServices().add(TrafficHistoryService.class, history));

    @AfterEach
    void close() throws Exception {
        api.close();
    }

    @Test
    void trafficIsPointsOfTimeBitsSessionsAndActiveOldestFirstForTheWindowAsked() throws Exception {
        history.points.add(new TrafficSample(T0, 1000, 2, 2));
        history.points.add(new TrafficSample(T0 + 1000, 1500, 0.5, 1));
        JsonNode t = api.get("v1/dashboard/traffic?window=1h");
        assertEquals("1h", t.path("window").asText());
        assertEquals(TrafficHistoryService.Window.ONE_HOUR, history.asked);
        assertEquals("[[" + T0 + ",1000.0,2.0,2],[" + (T0 + 1000) + ",1500.0,0.5,1]]", t.path("points").toString());

        assertEquals("5m", api.get("v1/dashboard/traffic").path("window").asText());
        assertEquals(TrafficHistoryService.Window.FIVE_MINUTES, history.asked);
        api.get("v1/dashboard/traffic?window=start");
        assertEquals(TrafficHistoryService.Window.SINCE_START, history.asked);
    }

    @Test
    void topIsTheServicesVolumesOfTheDimensionAskedUpToTheLimit() throws Exception {
        history.volumes.add(new Volume("alice", 1234));
        history.volumes.add(new Volume("N/A", 70));
        JsonNode a = api.get("v1/dashboard/top?by=user&window=start&limit=2");
        assertEquals("{\"window\":\"start\",\"by\":\"user\",\"entries\":[{\"name\":\"alice\",\"bytes\":1234},"
                + "{\"name\":\"N/A\",\"bytes\":70}]}", a.toString());
        assertEquals(Dimension.USER, history.by);
        assertEquals(TrafficHistoryService.Window.SINCE_START, history.asked);
        assertEquals(2, history.limit);
    }

    @Test
    void topIsApplicationsOverFiveMinutesTenByDefault() throws Exception {
        JsonNode a = api.get("v1/dashboard/top");
        assertEquals("{\"window\":\"5m\",\"by\":\"application\",\"entries\":[]}", a.toString());
        assertEquals(Dimension.APPLICATION, history.by);
        assertEquals(TrafficHistoryService.Window.FIVE_MINUTES, history.asked);
        assertEquals(10, history.limit);
    }

    @Test
    void everyDimensionIsAskedByItsKey() throws Exception {
        String[] keys = {"application", "nested-application", "source-zone", "destination-zone", "user"};
        Dimension[] dimensions = {Dimension.APPLICATION, Dimension.NESTED_APPLICATION, Dimension.SOURCE_ZONE,
            Dimension.DESTINATION_ZONE, Dimension.USER};
        for (int i = 0; i < keys.length; i++) {
            assertEquals(keys[i], api.get("v1/dashboard/top?window=1h&by=" + keys[i]).path("by").asText());
            assertEquals(dimensions[i], history.by);
        }
    }

    @Test
    void aBadWindowOrLimitIsA400NamingIt() throws Exception {
        InMemoryApi.Reply r = api.call(InMemoryApi.VIEWER, "GET", "v1/dashboard/traffic?window=2d");
        assertEquals(400, r.status, r.toString());
        assertEquals("window", r.json.path("parameter").asText());
        r = api.call(InMemoryApi.VIEWER, "GET", "v1/dashboard/top?window=1d");
        assertEquals(400, r.status, r.toString());
        assertEquals("window", r.json.path("parameter").asText());
        for (String limit : new String[] {"0", "1001", "ten"}) {
            r = api.call(InMemoryApi.VIEWER, "GET", "v1/dashboard/top?limit=" + limit);
            assertEquals(400, r.status, r.toString());
            assertEquals("limit", r.json.path("parameter").asText());
        }
        assertEquals(200, api.call(InMemoryApi.VIEWER, "GET", "v1/dashboard/top?limit=1000").status);
    }

    @Test
    void aBadDimensionIsA400NamingByAndTheChoices() throws Exception {
        for (String by : new String[] {"address", "User", ""}) {
            InMemoryApi.Reply r = api.call(InMemoryApi.VIEWER, "GET", "v1/dashboard/top?by=" + by);
            assertEquals(400, r.status, r.toString());
            assertEquals("by", r.json.path("parameter").asText());
            assertTrue(r.json.toString().contains("application, nested-application, source-zone, destination-zone, user"),
                    r.json.toString());
        }
    }

    @Test
    void theOldApplicationsPathIsGone() throws Exception {
        assertEquals(404, api.call(InMemoryApi.VIEWER, "GET", "v1/dashboard/applications").status);
    }

    @Test
    void readingNeedsALogin() throws Exception {
        assertEquals(401, api.call(null, "GET", "v1/dashboard/traffic").status);
        assertEquals(200, api.call(InMemoryApi.VIEWER, "GET", "v1/dashboard/traffic").status);
        assertEquals(401, api.call(null, "GET", "v1/dashboard/top").status);
    }

    private static final class FakeHistory implements TrafficHistoryService {
        final List<TrafficSample> points = new ArrayList<>();
        final List<Volume> volumes = new ArrayList<>();
        Window asked;
        Dimension by;
        int limit;

        @Override
        public List<TrafficSample> traffic(Window window) {
            asked = window;
            return points;
        }

        @Override
        public List<Volume> top(Dimension by, Window window, int limit) {
            this.by = by;
            asked = window;
            this.limit = limit;
            return volumes;
        }
    }
}
