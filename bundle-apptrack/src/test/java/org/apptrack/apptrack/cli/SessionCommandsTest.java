package org.apptrack.apptrack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apptrack.apptrack.api.AppTrackService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad option values are refused; above all, a bad filter must not turn a filtered clear into
 * clearing everything.
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
        c.execute();
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Invalid filter: limit: out of range 1..1000000"));
        verify(service, never()).sessions(any(), org.mockito.ArgumentMatchers.anyInt(), any());
    }

    @Test
    void negativeOrOutOfRangeValuesAreRefusedAndNothingIsCleared() {
        ClearSessionsCommand badId = new ClearSessionsCommand();
        badId.sessionId = -5L;
        assertTrue(run(badId).startsWith("Invalid filter: id: out of range"));
        ClearSessionsCommand badPort = new ClearSessionsCommand();
        badPort.port = -1;
        assertTrue(run(badPort).contains("Invalid filter: port: out of range"));
        verify(service, never()).clearSessions();
        verify(service, never()).clearSessions(any());
    }
}
