package org.apptrack.apptrack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apptrack.apptrack.api.AppTrackService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad option values are refused by failing the command (Karaf prints "Error executing command:"
 * and {@code bin/client} exits non-zero); above all, a bad filter must not turn a filtered clear
 * into clearing everything.
 */
class SessionCommandsTest {

    private final AppTrackService service = mock(AppTrackService.class);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void captureOutput() {
        stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        when(service.clearSessions()).thenReturn(100);
        when(service.clearSessions(any())).thenReturn(3);
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(stdout);
    }

    private String run(ClearSessionsCommand c) {
        c.appTrack = service;
        c.execute();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noOptionsClearEverySession() {
        assertEquals("Closed 100 session(s).", run(new ClearSessionsCommand()).trim());
    }

    @Test
    void filtersClearOnlyWhatTheySelect() {
        ClearSessionsCommand c = new ClearSessionsCommand();
        c.protocol = "udp";
        c.sessionId = 7L;
        assertEquals("Closed 3 session(s).", run(c).trim());
        verify(service, never()).clearSessions();
    }

    @Test
    void aListingLimitOutOfRangeIsRefused() {
        SessionsCommand c = new SessionsCommand();
        c.appTrack = service;
        c.limit = 0;
        assertTrue(assertThrows(IllegalArgumentException.class, c::execute).getMessage()
                .startsWith("Invalid filter: limit: out of range 1..1000000"));
        verify(service, never()).sessions(any(), org.mockito.ArgumentMatchers.anyInt(), any());
    }

    @Test
    void theDetailOfAnAbsentSessionFailsTheCommand() {
        SessionsCommand c = new SessionsCommand();
        c.appTrack = service;
        c.detail = 42L;
        when(service.sessions(any(), org.mockito.ArgumentMatchers.anyInt(), any())).thenReturn(List.of());
        assertEquals("No session 42", assertThrows(IllegalArgumentException.class, c::execute).getMessage());
    }

    @Test
    void negativeOrOutOfRangeValuesAreRefusedAndNothingIsCleared() {
        ClearSessionsCommand badId = new ClearSessionsCommand();
        badId.sessionId = -5L;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run(badId)).getMessage()
                .startsWith("Invalid filter: id: out of range"));
        ClearSessionsCommand badPort = new ClearSessionsCommand();
        badPort.port = -1;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run(badPort)).getMessage()
                .startsWith("Invalid filter: port: out of range"));
        ClearSessionsCommand badProtocol = new ClearSessionsCommand();
        badProtocol.protocol = "sctpish";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run(badProtocol)).getMessage()
                .startsWith("Invalid filter: protocol: "));
        verify(service, never()).clearSessions();
        verify(service, never()).clearSessions(any());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing printed: the failure is the exception");
    }
}
