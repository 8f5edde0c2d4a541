package org.apptrack.web.apptrack;

import static org.apptrack.web.apptrack.FakeAppTrackService.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.SessionOrder;
import org.apptrack.web.InMemoryApi;
import org.apptrack.web.InMemoryApi.Reply;
import org.apptrack.web.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionsResourceTest {

    private final FakeAppTrackService service = new FakeAppTrackService();
    private final InMemoryApi api = new InMemoryApi(new TestServices().add(AppTrackService.class, service));

    @BeforeEach
    void sessions() {
        service.sessions.add(session(1, "10.0.0.1", 40001, "192.0.2.10", 443, 6, "HTTPS", "trust", "untrust"));
        service.sessions.add(session(2, "10.0.0.2", 40002, "192.0.2.53", 53, 17, "DNS", "trust", "untrust"));
        service.sessions.add(session(3, "2001:db8::1", 40003, "2001:db8::80", 80, 6, "HTTP", "dmz", "untrust"));
        service.sessions.add(session(4, "10.0.0.1", 40004, "192.0.2.10", 22, 6, "SSH", "trust", "dmz"));
        service.sessions.add(session(5, "10.0.0.9", 0, "192.0.2.1", 0, 1, "ICMP", "trust", "untrust"));
    }

    @AfterEach
    void close() throws Exception {
        api.close();
    }

    private static List<Long> ids(JsonNode root) {
        List<Long> ids = new ArrayList<>();
        root.path("sessions").forEach(s -> ids.add(s.path("sessionId").asLong()));
        return ids;
    }

    @Test
    void listsEverySessionWithTheCommandsDefaultLimit() throws Exception {
        Reply r = api.call("GET", "v1/sessions");
        assertEquals(200, r.status);
        assertEquals("application/json", r.contentType);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(r.json));
        assertEquals(5, r.json.path("count").asInt());
        assertEquals(100, r.json.path("limit").asInt());
        assertFalse(r.json.path("more").asBoolean());
        // one more than the limit is asked for, to know whether sessions were left out
        assertEquals(101, service.lastLimit);
        JsonNode first = r.json.path("sessions").get(0);
        assertEquals("10.0.0.1", first.path("clientAddress").asText());
        assertEquals(443, first.path("serverPort").asInt());
        assertEquals("HTTPS", first.path("application").asText());
    }

    @Test
    void aTrailingSlashIsTheSameResource() throws Exception {
        assertEquals(5, api.get("v1/sessions/").path("count").asInt());
    }

    @ParameterizedTest
    @CsvSource({
        "zone, dmz, 3 4",
        "zone, untrust, 1 2 3 5",
        "zone, nowhere, ''",
        "application, https, 1",
        "application, DNS, 2",
        "address, 10.0.0.1, 1 4",
        "address, 192.0.2.10, 1 4",
        "address, 2001:0db8:0:0:0:0:0:0001, 3",
        "address, ::ffff:10.0.0.2, 2",
        "port, 443, 1",
        "port, 40002, 2",
        "protocol, tcp, 1 3 4",
        "protocol, UDP, 2",
        "protocol, 1, 5",
        "protocol, icmp, 5",
    })
    void eachFilterSelectsWhatTheCommandWould(String name, String value, String expected) throws Exception {
        List<Long> want = new ArrayList<>();
        for (String id : expected.split(" ")) {
            if (!id.isEmpty()) {
                want.add(Long.parseLong(id));
            }
        }
        assertEquals(want, ids(api.get("v1/sessions?" + name + "=" + value)));
    }

    @Test
    void filtersCombine() throws Exception {
        assertEquals(List.of(4L), ids(api.get("v1/sessions?address=10.0.0.1&protocol=tcp&port=22&zone=dmz")));
    }

    @Test
    void theLimitCutsAndSaysSo() throws Exception {
        JsonNode root = api.get("v1/sessions?limit=2");
        assertEquals(2, root.path("count").asInt());
        assertEquals(2, root.path("limit").asInt());
        assertTrue(root.path("more").asBoolean());
        assertEquals(3, service.lastLimit);

        JsonNode exact = api.get("v1/sessions?limit=5");
        assertEquals(5, exact.path("count").asInt());
        assertFalse(exact.path("more").asBoolean());
    }

    @ParameterizedTest
    @CsvSource({
        "port, abc, port: not a number: abc",
        "port, 70000, port: out of range 0..65535: 70000",
        "port, -1, port: out of range 0..65535: -1",
        "port, 99999999999999999999, port: out of range 0..65535: 99999999999999999999",
        "protocol, sctpx, 'protocol: not a number nor tcp, udp, icmp or icmpv6: sctpx'",
        "protocol, 256, protocol: out of range 0..255: 256",
        "protocol, 4294967296, protocol: out of range 0..255: 4294967296",
        "address, www.example.com, address: not an IPv4 or IPv6 address: www.example.com",
        "address, 10.0.0.300, address: not an IPv4 or IPv6 address: 10.0.0.300",
        "address, 1:2:3, address: not an IPv4 or IPv6 address: 1:2:3",
        "limit, 0, limit: out of range 1..1000000: 0",
        "limit, 2147483648, limit: out of range 1..1000000: 2147483648",
        "limit, 99999999999999999999999, limit: out of range 1..1000000: 99999999999999999999999",
        "limit, lots, limit: not a number: lots",
        "zone, '', zone: empty",
        "application, ' ', application: empty",
        "sort, size, 'sort: not id, bytes, packets or duration: size'",
        "prot, tcp, 'prot: unknown parameter (zone, application, address, port, protocol, limit, sort)'",
    })
    void aBadParameterIs400NamingIt(String name, String value, String message) throws Exception {
        Reply r = api.call("GET", "v1/sessions?" + name + "=" + value);
        assertEquals(400, r.status, r.toString());
        assertEquals("application/json", r.contentType);
        assertEquals(400, r.json.path("code").asInt());
        assertEquals(name, r.json.path("parameter").asText());
        assertEquals(message, r.json.path("message").asText());
        assertEquals(-1, service.lastLimit, "the service is not asked");
    }

    @Test
    void aParameterGivenTwiceIs400() throws Exception {
        Reply r = api.call("GET", "v1/sessions?port=80&port=443");
        assertEquals(400, r.status);
        assertEquals("port", r.json.path("parameter").asText());
        assertEquals("port: given more than once", r.json.path("message").asText());
    }

    @Test
    void oneSessionById() throws Exception {
        JsonNode s = api.get("v1/sessions/3");
        assertEquals(3, s.path("sessionId").asLong());
        assertEquals("2001:db8::1", s.path("clientAddress").asText());
        assertEquals(1, service.lastLimit);
    }

    @Test
    void anAbsentSessionIs404Json() throws Exception {
        Reply r = api.call("GET", "v1/sessions/99");
        assertEquals(404, r.status);
        assertEquals("application/json", r.contentType);
        assertEquals(404, r.json.path("code").asInt());
        assertEquals("no session 99", r.json.path("message").asText());
    }

    @ParameterizedTest
    @CsvSource({"abc, id: not a number: abc", "-4, id: out of range 0..4294967295: -4",
        "4294967296, id: out of range 0..4294967295: 4294967296",
        "18446744073709551616, id: out of range 0..4294967295: 18446744073709551616"})
    void aBadIdIs400NamingId(String id, String message) throws Exception {
        for (String method : new String[] {"GET", "DELETE"}) {
            Reply r = api.call(method, "v1/sessions/" + id);
            assertEquals(400, r.status, method + " " + r);
            assertEquals("id", r.json.path("parameter").asText());
            assertEquals(message, r.json.path("message").asText());
        }
        assertEquals(0, service.clearCalls + service.filteredClearCalls);
    }

    @Test
    void deeperPathsAre404Json() throws Exception {
        Reply r = api.call("GET", "v1/sessions/3/packets");
        assertEquals(404, r.status);
        assertEquals("application/json", r.contentType);
        assertEquals("unknown resource", r.json.path("message").asText());
    }

    @Test
    void deleteClearsEverySessionAndCountsThem() throws Exception {
        Reply r = api.call("DELETE", "v1/sessions");
        assertEquals(200, r.status);
        assertEquals(5, r.json.path("closed").asInt());
        assertEquals("CLI", r.json.path("reason").asText());
        assertEquals(1, service.clearCalls);
        assertEquals(0, api.get("v1/sessions").path("count").asInt());
    }

    @Test
    void sortBytesListsTheHeaviestFirstAndTheLimitKeepsThem() throws Exception {
        JsonNode root = api.get("v1/sessions?sort=BYTES&limit=2&zone=trust");
        assertEquals(List.of(5L, 4L), ids(root), "sessions 5 and 4 carry the most bytes in zone trust");
        assertEquals(SessionOrder.BYTES, service.lastOrder);
        assertTrue(root.path("more").asBoolean());
    }

    @Test
    void deleteWithFiltersClosesTheSessionsTheSameFiltersList() throws Exception {
        Reply r = api.call("DELETE", "v1/sessions?zone=trust&protocol=tcp");
        assertEquals(200, r.status);
        assertEquals(2, r.json.path("closed").asInt(), "sessions 1 and 4: tcp with zone trust");
        assertEquals(0, service.clearCalls, "not a clear-all");
        assertEquals(List.of(2L, 3L, 5L), ids(api.get("v1/sessions")));
    }

    @Test
    void deleteOfOneSessionClosesOnlyIt() throws Exception {
        Reply r = api.call("DELETE", "v1/sessions/3");
        assertEquals(200, r.status);
        assertEquals(1, r.json.path("closed").asInt());
        assertEquals(List.of(1L, 2L, 4L, 5L), ids(api.get("v1/sessions")));
        Reply again = api.call("DELETE", "v1/sessions/3");
        assertEquals(404, again.status);
        assertEquals("no session 3", again.json.path("message").asText());
    }

    @Test
    void deleteRefusesALimitAndBadFiltersAndClearsNothing() throws Exception {
        for (String query : new String[] {"limit=5", "sort=bytes", "port=70000", "colour=red"}) {
            Reply r = api.call("DELETE", "v1/sessions?" + query);
            assertEquals(400, r.status, query);
            assertEquals(query.split("=")[0], r.json.path("parameter").asText());
        }
        assertEquals("limit: unknown parameter (zone, application, address, port, protocol)",
                api.call("DELETE", "v1/sessions?limit=5").json.path("message").asText());
        assertEquals(0, service.clearCalls + service.filteredClearCalls);
        assertEquals(5, api.get("v1/sessions").path("count").asInt());
    }
}
