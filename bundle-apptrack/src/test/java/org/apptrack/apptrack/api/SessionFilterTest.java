package org.apptrack.apptrack.api;

import static org.apptrack.apptrack.api.SessionAttribute.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionFilterTest {

    private static SessionInfo session(String client, int clientPort, String server, int serverPort, int protocol) {
        return SessionInfo.builder().put(SESSION_ID, 42).put(CLIENT_ADDRESS, client).put(CLIENT_PORT, clientPort)
                .put(SERVER_ADDRESS, server).put(SERVER_PORT, serverPort).put(PROTOCOL, protocol)
                .put(SERVICE_NAME, "junos-https").put(APPLICATION, "HTTPS").put(SOURCE_ZONE, "trust")
                .put(DESTINATION_ZONE, "untrust").build();
    }

    @Test
    void anEmptyFilterMatchesEverything() {
        assertTrue(new SessionFilter().test(session("10.0.0.1", 1, "10.0.0.2", 443, 6)));
    }

    @ParameterizedTest
    @CsvSource({"::1, ::1", "0:0:0:0:0:0:0:1, ::1", "[::1], ::1", "2001:DB8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "::ffff:192.0.2.1, 192.0.2.1", "192.0.2.1, 192.0.2.1", "fe80:0:0:0:0:0:0:abcd, fe80::abcd"})
    void addressesAreSpelledAsSessionsSpellThem(String given, String canonical) {
        assertEquals(canonical, SessionFilter.canonicalAddress(given));
    }

    @Test
    void addressMatchesClientOrServer() {
        SessionInfo s = session("2001:db8::1", 5000, "192.0.2.1", 443, 6);
        assertTrue(new SessionFilter().address("2001:db8:0::1").test(s));
        assertTrue(new SessionFilter().address("192.0.2.1").test(s));
        assertFalse(new SessionFilter().address("192.0.2.2").test(s));
    }

    @Test
    void everyFilterMustHold() {
        SessionInfo s = session("10.0.0.1", 5000, "192.0.2.1", 443, 6);
        assertTrue(new SessionFilter().port(443).protocol("tcp").zone("untrust").application("https").test(s));
        assertFalse(new SessionFilter().port(443).protocol("udp").test(s));
        assertTrue(new SessionFilter().sessionId(42).test(s));
        assertFalse(new SessionFilter().sessionId(43).test(s));
    }

    @Test
    void errorsNameTheFilter() {
        assertEquals("protocol: out of range 0..255: 300",
                assertThrows(IllegalArgumentException.class, () -> SessionFilter.protocolNumber("300")).getMessage());
        assertEquals("port: not a number: x",
                assertThrows(IllegalArgumentException.class, () -> new SessionFilter().port("x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SessionFilter().address("localhost"))
                .getMessage().startsWith("address: "));
        assertEquals(58, SessionFilter.protocolNumber("ICMPv6"));
    }

    @Test
    void aNumberTooLargeForItsFieldIsOutOfRangeNotANonNumber() {
        assertEquals("port: out of range 0..65535: 99999999999",
                assertThrows(IllegalArgumentException.class, () -> new SessionFilter().port("99999999999")).getMessage());
        assertEquals("protocol: out of range 0..255: 18446744073709551616", assertThrows(IllegalArgumentException.class,
                () -> SessionFilter.protocolNumber("18446744073709551616")).getMessage());
        assertEquals("port: out of range 0..65535: -99999999999",
                assertThrows(IllegalArgumentException.class, () -> new SessionFilter().port("-99999999999")).getMessage());
        assertEquals(8080, new SessionFilter().port(" 8080 ").portNumber());
    }
}
