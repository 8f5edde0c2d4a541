package org.apptrack.apptrack.appid.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.junit.jupiter.api.Test;

/** Custom applications in Junos terms: members ANDed, contexts kept apart, validation naming the member. */
class CustomApplicationsTest {

    private static final String P = "customApplication.";

    private static Map<String, Object> config(String... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(P + keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static Identification httpRequest(String host, String url, String userAgent) {
        Identification f = new Identification();
        f.clear();
        f.httpRequest(true);
        if (host != null) {
            f.name(host.getBytes(StandardCharsets.US_ASCII), 0, host.length());
            f.nameContext(Identification.NAME_HTTP_HOST);
        }
        if (url != null) {
            f.url(ByteBuffer.wrap(url.getBytes(StandardCharsets.US_ASCII)), 0, url.length());
        }
        if (userAgent != null) {
            f.userAgent(ByteBuffer.wrap(userAgent.getBytes(StandardCharsets.US_ASCII)), 0, userAgent.length());
        }
        return f;
    }

    private static Identification serverName(String name) {
        Identification f = new Identification();
        f.clear();
        f.name(name.getBytes(StandardCharsets.US_ASCII), 0, name.length());
        f.nameContext(Identification.NAME_SSL_SERVER_NAME);
        return f;
    }

    private static String name(CustomApplications apps, int id) {
        return id == 0 ? "" : apps.name(id);
    }

    @Test
    void anHttpApplicationMatchesWhenAllItsMembersDo() {
        CustomApplications apps = CustomApplications.parse(config(
                "crm.over", "HTTP",
                "crm.member.m01.context", "http-header-host",
                "crm.member.m01.pattern", ".*\\.corp\\.example",
                "crm.member.m02.context", "http-url-parsed",
                "crm.member.m02.pattern", "/crm/.*",
                "crm.member.m03.context", "http-header-user-agent",
                "crm.member.m03.pattern", "\\[mozilla\\]/.*",
                "crm.member.m03.direction", "client-to-server"));
        assertEquals("CRM", name(apps, apps.nested(httpRequest("apps.corp.example", "/crm/list", "Mozilla/5.0"))));
        assertEquals("", name(apps, apps.nested(httpRequest("apps.corp.example", "/wiki/", "Mozilla/5.0"))),
                "the URL member fails: no match");
        assertEquals("", name(apps, apps.nested(httpRequest("apps.corp.example", "/crm/list", null))),
                "a member whose context the request lacks fails");
        assertEquals("", name(apps, apps.nested(serverName("apps.corp.example"))), "an HTTP application is not SSL's");
    }

    @Test
    void httpAndSslHostsAreKeptApart() {
        CustomApplications apps = CustomApplications.parse(config(
                "web.over", "HTTP", "web.hosts", "*.corp.example",
                "tls.over", "SSL", "tls.member.m01.context", "ssl-server-name", "tls.member.m01.pattern", "vpn[0-9]\\.corp\\.net"));
        assertEquals("WEB", name(apps, apps.nested(httpRequest("wiki.corp.example", "/", null))));
        assertEquals("", name(apps, apps.nested(serverName("wiki.corp.example"))), "hosts of HTTP are not server names");
        assertEquals("TLS", name(apps, apps.nested(serverName("vpn2.corp.net"))));
        assertEquals("", name(apps, apps.nested(httpRequest("vpn2.corp.net", "/", null))));
    }

    @Test
    void aStreamSignatureMatchesTheFirstPayloadOfEachDirection() {
        CustomApplications apps = CustomApplications.parse(config(
                "ledger.over", "TCP", "ledger.ports", "7000-7010",
                "ledger.member.m01.context", "stream", "ledger.member.m01.direction", "client-to-server",
                "ledger.member.m01.pattern", "LGR\\x01\\x.*",
                "ledger.member.m02.context", "stream", "ledger.member.m02.direction", "server-to-client",
                "ledger.member.m02.pattern", "OK.*"));
        assertEquals(0, apps.streamStart(6, 0, 1, 8000), "outside its port range");
        assertEquals(0, apps.streamStart(17, 0, 1, 7005), "not over UDP");
        long state = apps.streamStart(6, 0, 1, 7005);
        state = apps.streamStep(state, true, bytes("LGR\u0001hello"), 0, 9);
        assertEquals(0, apps.streamMatched(state), "the server's member is still to match");
        assertTrue(apps.streamPending(state));
        long later = apps.streamStep(state, true, bytes("garbage"), 0, 7);
        assertEquals(state, later, "only the first payload of a direction counts");
        state = apps.streamStep(state, false, bytes("OK ready"), 0, 8);
        assertEquals("LEDGER", name(apps, apps.streamMatched(state)));

        long wrong = apps.streamStep(apps.streamStart(6, 0, 1, 7005), true, bytes("GET / HTTP/1.1"), 0, 14);
        assertEquals(0, apps.streamMatched(wrong));
        assertFalse(apps.streamPending(wrong), "a failed member ends the signature");
    }

    @Test
    void anAnyDirectionMemberMatchesEitherFirstPayload() {
        CustomApplications apps = CustomApplications.parse(config(
                "beacon.over", "UDP",
                "beacon.member.m01.context", "stream", "beacon.member.m01.pattern", "\\xcafe\\x.*"));
        long state = apps.streamStart(17, 0, 1, 4000);
        state = apps.streamStep(state, true, bytes("nope"), 0, 4);
        assertEquals(0, apps.streamMatched(state));
        assertTrue(apps.streamPending(state), "the server's first payload may still match");
        state = apps.streamStep(state, false, ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe, 1}), 0, 3);
        assertEquals("BEACON", name(apps, apps.streamMatched(state)));
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void invalidDefinitionsAreRefusedNamingTheMember() {
        assertRefused("customApplication.a.member.m01.context",
                "a.over", "HTTP", "a.member.m01.context", "http-cookie", "a.member.m01.pattern", "x");
        assertRefused("customApplication.a.member.m01.context",
                "a.over", "SSL", "a.member.m01.context", "http-header-host", "a.member.m01.pattern", "x");
        assertRefused("customApplication.a.member.m01.direction",
                "a.over", "HTTP", "a.member.m01.context", "http-url-parsed", "a.member.m01.pattern", "/x",
                "a.member.m01.direction", "server-to-client");
        assertRefused("customApplication.a.member.m02.pattern",
                "a.over", "TCP", "a.member.m02.context", "stream", "a.member.m02.pattern", "(unclosed");
        assertRefused("customApplication.a.member.m01.pattern",
                "a.over", "UDP", "a.member.m01.context", "stream");
        assertRefused("customApplication.a.member.m01.direction",
                "a.over", "UDP", "a.member.m01.context", "stream", "a.member.m01.pattern", "x",
                "a.member.m01.direction", "sideways");
        assertRefused("customApplication.a.member.m01.colour",
                "a.over", "UDP", "a.member.m01.colour", "blue");
        assertRefused("customApplication.a.hosts", "a.over", "SSL");
        Map<String, Object> many = config("a.over", "TCP");
        for (int i = 1; i <= 16; i++) {
            many.put(P + "a.member.m" + i + ".context", "stream");
            many.put(P + "a.member.m" + i + ".pattern", "x.*");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CustomApplications.parse(many));
        assertTrue(e.getMessage().startsWith("customApplication.a.member") && e.getMessage().contains("15"), e.getMessage());
    }

    private static void assertRefused(String property, String... keyValues) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomApplications.parse(config(keyValues)));
        assertTrue(e.getMessage().startsWith(property), e.getMessage());
    }
}
