package org.apptrack.web.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.api.ApplicationVolume;
import org.apptrack.apptrack.api.TrafficHistoryService;
import org.apptrack.apptrack.api.TrafficSample;
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
    void applicationsAreTheServicesUpToTheLimitTenByDefault() throws Exception {
        history.volumes.add(new ApplicationVolume("HTTP", 110));
        history.volumes.add(new ApplicationVolume("SSH", 70));
        JsonNode a = api.get("v1/dashboard/applications?window=start&limit=2");
        assertEquals("start", a.path("window").asText());
        assertEquals(2, history.limit);
        assertEquals("[{\"application\":\"HTTP\",\"bytes\":110},{\"application\":\"SSH\",\"bytes\":70}]",
                a.path("applications").toString());
        api.get("v1/dashboard/applications");
        assertEquals(10, history.limit);
    }

    @Test
    void aBadWindowOrLimitIsA400NamingIt() throws Exception {
        InMemoryApi.Reply r = api.call(InMemoryApi.VIEWER, "GET", "v1/dashboard/traffic?window=2d");
        assertEquals(400, r.status, r.toString());
        assertEquals("window", r.json.path("parameter").asText());
        r = api.call(InMemoryApi.VIEWER, "GET", "v1/dashboard/applications?limit=0");
        assertEquals(400, r.status, r.toString());
        assertEquals("limit", r.json.path("parameter").asText());
    }

    @Test
    void readingNeedsALogin() throws Exception {
        assertEquals(401, api.call(null, "GET", "v1/dashboard/traffic").status);
        assertEquals(200, api.call(InMemoryApi.VIEWER, "GET", "v1/dashboard/traffic").status);
    }

    private static final class FakeHistory implements TrafficHistoryService {
        final List<TrafficSample> points = new ArrayList<>();
        final List<ApplicationVolume> volumes = new ArrayList<>();
        Window asked;
        int limit;

        @Override
        public List<TrafficSample> traffic(Window window) {
            asked = window;
            return points;
        }

        @Override
        public List<ApplicationVolume> topApplications(Window window, int limit) {
            asked = window;
            this.limit = limit;
            return volumes;
        }
    }
}
