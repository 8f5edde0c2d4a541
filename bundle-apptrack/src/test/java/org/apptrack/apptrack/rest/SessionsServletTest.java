package org.apptrack.apptrack.rest;

import static org.apptrack.apptrack.rest.FakeAppTrackService.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.api.SessionOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionsServletTest {

    private final FakeAppTrackService service = new FakeAppTrackService();
    private final SessionsServlet servlet = new SessionsServlet(service);

    @BeforeEach
    void sessions() {
        service.sessions.add(session(1, "10.0.0.1", 40001, "192.0.2.10", 443, 6, "HTTPS", "trust", "untrust"));
        service.sessions.add(session(2, "10.0.0.2", 40002, "192.0.2.53", 53, 17, "DNS", "trust", "untrust"));
        service.sessions.add(session(3, "2001:db8::1", 40003, "2001:db8::80", 80, 6, "HTTP", "dmz", "untrust"));
        service.sessions.add(session(4, "10.0.0.1", 40004, "192.0.2.10", 22, 6, "SSH", "trust", "dmz"));
        service.sessions.add(session(5, "10.0.0.9", 0, "192.0.2.1", 0, 1, "ICMP", "trust", "untrust"));
    }

    private HttpExchange get(String pathInfo, String... params) throws Exception {
        HttpExchange x = new HttpExchange(pathInfo, params);
        servlet.doGet(x.request, x.response);
        return x;
    }

    private static List<Long> ids(JsonNode root) {
        List<Long> ids = new ArrayList<>();
        root.path("sessions").forEach(s -> ids.add(s.path("sessionId").asLong()));
        return ids;
    }

    @Test
    void listsEverySessionWithTheCommandsDefaultLimit() throws Exception {
        HttpExchange x = get(null);
        assertEquals(200, x.status());
        JsonNode root = x.json();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(root));
        assertEquals(5, root.path("count").asInt());
        assertEquals(100, root.path("limit").asInt());
        assertFalse(root.path("more").asBoolean());
        // one more than the limit is asked for, to know whether sessions were left out
        assertEquals(101, service.lastLimit);
        JsonNode first = root.path("sessions").get(0);
        assertEquals("10.0.0.1", first.path("clientAddress").asText());
        assertEquals(443, first.path("serverPort").asInt());
        assertEquals("HTTPS", first.path("application").asText());
    }

    @Test
    void aTrailingSlashIsTheSameResource() throws Exception {
        HttpExchange x = get("/");
        assertEquals(200, x.status());
        assertEquals(5, x.json().path("count").asInt());
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
        HttpExchange x = get(null, name, value);
        assertEquals(200, x.status());
        List<Long> want = new ArrayList<>();
        for (String id : expected.split(" ")) {
            if (!id.isEmpty()) {
                want.add(Long.parseLong(id));
            }
        }
        assertEquals(want, ids(x.json()));
    }

    @Test
    void filtersCombine() throws Exception {
        HttpExchange x = get(null, "address", "10.0.0.1", "protocol", "tcp", "port", "22", "zone", "dmz");
        assertEquals(List.of(4L), ids(x.json()));
    }

    @Test
    void theLimitCutsAndSaysSo() throws Exception {
        HttpExchange x = get(null, "limit", "2");
        JsonNode root = x.json();
        assertEquals(200, x.status());
        assertEquals(2, root.path("count").asInt());
        assertEquals(2, root.path("limit").asInt());
        assertTrue(root.path("more").asBoolean());
        assertEquals(3, service.lastLimit);

        JsonNode exact = get(null, "limit", "5").json();
        assertEquals(5, exact.path("count").asInt());
        assertFalse(exact.path("more").asBoolean());
    }

    @ParameterizedTest
    @CsvSource({
        "port, abc, port: not a number: abc",
        "port, 70000, port: out of range 0..65535: 70000",
        "port, -1, port: out of range 0..65535: -1",
        "protocol, sctpx, 'protocol: not a number nor tcp, udp, icmp or icmpv6: sctpx'",
        "protocol, 256, protocol: out of range 0..255: 256",
        "address, www.example.com, address: not an IPv4 or IPv6 address: www.example.com",
        "address, 10.0.0.300, address: not an IPv4 or IPv6 address: 10.0.0.300",
        "address, 1:2:3, address: not an IPv4 or IPv6 address: 1:2:3",
        "limit, 0, limit: out of range 1..1000000: 0",
        "limit, lots, limit: not a number: lots",
        "zone, '', zone: empty",
        "application, ' ', application: empty",
        "prot, tcp, 'prot: unknown parameter (zone, application, address, port, protocol, limit, sort)'",
    })
    void aBadParameterIs400NamingIt(String name, String value, String message) throws Exception {
        HttpExchange x = get(null, name, value);
        assertEquals(400, x.status());
        JsonNode err = x.json();
        assertEquals(400, err.path("code").asInt());
        assertEquals(name, err.path("parameter").asText());
        assertEquals(message, err.path("message").asText());
        assertEquals(-1, service.lastLimit, "the service is not asked");
    }

    @Test
    void aParameterGivenTwiceIs400() throws Exception {
        HttpExchange x = get(null, "port", "80", "port", "443");
        assertEquals(400, x.status());
        assertEquals("port", x.json().path("parameter").asText());
    }

    @Test
    void oneSessionById() throws Exception {
        HttpExchange x = get("/3");
        assertEquals(200, x.status());
        JsonNode s = x.json();
        assertEquals(3, s.path("sessionId").asLong());
        assertEquals("2001:db8::1", s.path("clientAddress").asText());
        assertEquals(1, service.lastLimit);
    }

    @Test
    void anAbsentSessionIs404Json() throws Exception {
        HttpExchange x = get("/99");
        assertEquals(404, x.status());
        JsonNode err = x.json();
        assertEquals(404, err.path("code").asInt());
        assertEquals("no session 99", err.path("message").asText());
    }

    @ParameterizedTest
    @CsvSource({"abc, id: not a session id: abc", "-4, id: out of range 0..4294967295: -4",
        "4294967296, id: out of range 0..4294967295: 4294967296"})
    void aBadIdIs400NamingId(String id, String message) throws Exception {
        HttpExchange x = get("/" + id);
        assertEquals(400, x.status());
        assertEquals("id", x.json().path("parameter").asText());
        assertEquals(message, x.json().path("message").asText());
    }

    @Test
    void deeperPathsAre404() throws Exception {
        HttpExchange x = get("/3/packets");
        assertEquals(404, x.status());
        assertEquals(404, x.json().path("code").asInt());
    }

    @Test
    void deleteClearsEverySessionAndCountsThem() throws Exception {
        HttpExchange x = new HttpExchange(null);
        servlet.doDelete(x.request, x.response);
        assertEquals(200, x.status());
        JsonNode root = x.json();
        assertEquals(5, root.path("closed").asInt());
        assertEquals("CLI", root.path("reason").asText());
        assertEquals(1, service.clearCalls);
        assertEquals(0, get(null).json().path("count").asInt());
    }

    @Test
    void sortBytesListsTheHeaviestFirstAndTheLimitKeepsThem() throws Exception {
        HttpExchange x = get(null, "sort", "BYTES", "limit", "2", "zone", "trust");
        assertEquals(200, x.status());
        assertEquals(List.of(5L, 4L), ids(x.json()), "sessions 5 and 4 carry the most bytes in zone trust");
        assertEquals(SessionOrder.BYTES, service.lastOrder);
        assertTrue(x.json().path("more").asBoolean());
        HttpExchange bad = get(null, "sort", "size");
        assertEquals(400, bad.status());
        assertEquals("sort", bad.json().path("parameter").asText());
        assertTrue(bad.json().path("message").asText().startsWith("sort: "));
    }

    @Test
    void deleteWithFiltersClosesTheSessionsTheSameFiltersList() throws Exception {
        HttpExchange x = new HttpExchange(null, "zone", "trust", "protocol", "tcp");
        servlet.doDelete(x.request, x.response);
        assertEquals(200, x.status());
        assertEquals(2, x.json().path("closed").asInt(), "sessions 1 and 4: tcp with zone trust");
        assertEquals(0, service.clearCalls, "not a clear-all");
        assertEquals(List.of(2L, 3L, 5L), ids(get(null).json()));
    }

    @Test
    void deleteOfOneSessionClosesOnlyIt() throws Exception {
        HttpExchange x = new HttpExchange("/3");
        servlet.doDelete(x.request, x.response);
        assertEquals(200, x.status());
        assertEquals(1, x.json().path("closed").asInt());
        assertEquals(List.of(1L, 2L, 4L, 5L), ids(get(null).json()));
        HttpExchange again = new HttpExchange("/3");
        servlet.doDelete(again.request, again.response);
        assertEquals(404, again.status());
    }

    @Test
    void deleteRefusesALimitAndBadFiltersAndClearsNothing() throws Exception {
        for (String[] params : new String[][] {{"limit", "5"}, {"sort", "bytes"}, {"port", "70000"},
            {"colour", "red"}}) {
            HttpExchange x = new HttpExchange(null, params);
            servlet.doDelete(x.request, x.response);
            assertEquals(400, x.status());
            assertEquals(params[0], x.json().path("parameter").asText());
        }
        HttpExchange x = new HttpExchange("/abc");
        servlet.doDelete(x.request, x.response);
        assertEquals(400, x.status());
        assertEquals(0, service.clearCalls + service.filteredClearCalls);
        assertEquals(5, get(null).json().path("count").asInt());
    }
}
