package org.apptrack.web.appid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.ApplicationCacheEntry;
import org.apptrack.apptrack.api.ApplicationIdentificationService;
import org.apptrack.apptrack.api.ApplicationStatistics;
import org.apptrack.apptrack.api.ClusterStatisticsService;
import org.apptrack.web.InMemoryApi;
import org.apptrack.web.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /v1/appid}: the same data as the apptrack:appid-* commands, parameters checked, the clear for admins only. */
class ApplicationIdentificationResourceTest {

    /** A service that answers with fixed data and records what it was asked. */
    private static final class FixedService implements ApplicationIdentificationService {
        final List<Period> asked = new ArrayList<>();
        int cleared;

        @Override
        public Map<String, Long> identificationCounters() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("Sessions inspected", 5L);
            m.put("Sessions identified by payload", 3L);
            return m;
        }

        @Override
        public List<ApplicationStatistics> statistics(Period period) {
            asked.add(period);
            return List.of(new ApplicationStatistics("SSL", "YOUTUBE", 2, 30, 40_000));
        }

        @Override
        public List<ApplicationCacheEntry> applicationSystemCache(int limit) {
            List<ApplicationCacheEntry> all = List.of(new ApplicationCacheEntry("192.0.2.1", 443, 6, "SSL", "YOUTUBE", 3599),
                    new ApplicationCacheEntry("2001:db8::1", 53, 17, "DNS", "UNKNOWN", 12));
            return all.subList(0, Math.min(limit, all.size()));
        }

        @Override
        public void clearApplicationSystemCache() {
            cleared++;
        }

        @Override
        public String catalogVersion() {
            return "2026.12.1 (384 applications)";
        }

        @Override
        public String reloadCatalog(String file) {
            throw new UnsupportedOperationException("not over REST");
        }
    }

    private final FixedService service = new FixedService();
    private final InMemoryApi api = new InMemoryApi(new TestServices().add(ApplicationIdentificationService.class,
            service));

    @AfterEach
    void close() throws Exception {
        api.close();
    }

    @Test
    void countersInTheServicesOrder() throws Exception {
        JsonNode c = api.get("v1/appid/counters");
        List<String> names = new ArrayList<>();
        c.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("Sessions inspected", "Sessions identified by payload"), names);
        assertEquals(3, c.path("Sessions identified by payload").asLong());
    }

    @Test
    void statisticsSinceTheStartOrForTheInterval() throws Exception {
        JsonNode s = api.get("v1/appid/statistics");
        assertEquals("SSL", s.path("applications").get(0).path("application").asText());
        assertEquals("YOUTUBE", s.path("applications").get(0).path("nestedApplication").asText());
        assertEquals(40_000, s.path("applications").get(0).path("bytes").asLong());
        api.get("v1/appid/statistics?period=interval");
        assertEquals(List.of(ApplicationIdentificationService.Period.SINCE_START,
                ApplicationIdentificationService.Period.INTERVAL), service.asked);
        InMemoryApi.Reply bad = api.call("GET", "v1/appid/statistics?period=weekly");
        assertEquals(400, bad.status);
        assertTrue(bad.json.toString().contains("period"), bad.toString());
    }

    @Test
    void withoutClusterTotalsTheStatisticsAreThisNodes() throws Exception {
        JsonNode s = api.get("v1/appid/statistics");
        assertEquals("local", s.path("scope").asText());
        assertEquals(1, s.path("nodes").asInt());
        InMemoryApi.Reply bad = api.call("GET", "v1/appid/statistics?scope=everywhere");
        assertEquals(400, bad.status);
        assertTrue(bad.json.toString().contains("scope"), bad.toString());
    }

    /** Inside an ONOS cluster: the totals of every node by default, this node's with scope=local. */
    @Test
    void inAClusterTheTotalsOfEveryNodeUnlessLocalIsAsked() throws Exception {
        ClusterStatisticsService cluster = new ClusterStatisticsService() {
            @Override
            public boolean clustered() {
                return true;
            }

            @Override
            public int nodes() {
                return 3;
            }

            @Override
            public List<ApplicationStatistics> statistics(ApplicationIdentificationService.Period period) {
                return List.of(new ApplicationStatistics("SSL", "YOUTUBE", 6, 90, 120_000));
            }
        };
        try (InMemoryApi clustered = new InMemoryApi(new TestServices()
                .add(ApplicationIdentificationService.class, service).add(ClusterStatisticsService.class, cluster))) {
            JsonNode totals = clustered.get("v1/appid/statistics");
            assertEquals("cluster", totals.path("scope").asText());
            assertEquals(3, totals.path("nodes").asInt());
            assertEquals(120_000, totals.path("applications").get(0).path("bytes").asLong());
            JsonNode local = clustered.get("v1/appid/statistics?scope=local");
            assertEquals("local", local.path("scope").asText());
            assertEquals(40_000, local.path("applications").get(0).path("bytes").asLong());
        }
    }

    @Test
    void theCatalogInForce() throws Exception {
        assertEquals("2026.12.1 (384 applications)", api.get("v1/appid/catalog").path("version").asText());
    }

    @Test
    void theCacheWithALimitAndItsClear() throws Exception {
        JsonNode c = api.get("v1/appid/cache?limit=1");
        assertEquals(1, c.path("entries").size());
        assertEquals(443, c.path("entries").get(0).path("serverPort").asInt());
        assertEquals(400, api.call("GET", "v1/appid/cache?limit=-1").status);
        assertEquals(403, api.call(InMemoryApi.VIEWER, "DELETE", "v1/appid/cache").status, "clearing needs role admin");
        assertEquals(0, service.cleared);
        assertEquals(204, api.call("DELETE", "v1/appid/cache").status);
        assertEquals(1, service.cleared);
    }
}
