package org.apptrack.syslog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The log commands fail (an exception, which Karaf prints as "Error executing command: ..." and
 * which makes {@code bin/client} exit non-zero) instead of printing to stderr, which SSH loses.
 */
class LogCommandsTest {

    private final SecurityLogService service = mock(SecurityLogService.class);

    @BeforeEach
    void streams() {
        LogStreamStatus rejected = new LogStreamStatus("siem", "tls", "sd-syslog", "siem:6514",
                LogStreamState.REJECTED, "host: cannot resolve siem", 0, 0, 0, 0, 0, 0, 0, null, 0);
        when(service.stream("siem")).thenReturn(Optional.of(rejected));
        when(service.stream("nope")).thenReturn(Optional.empty());
        when(service.streams()).thenReturn(List.of(rejected));
    }

    private LogTestCommand logTest(String stream, int count) {
        LogTestCommand c = new LogTestCommand();
        c.service = service;
        c.stream = stream;
        c.count = count;
        return c;
    }

    @Test
    void logTestFailsNamingWhatIsWrongAndSendsNothing() {
        assertEquals("--count must be at least 1: 0",
                assertThrows(IllegalArgumentException.class, () -> logTest(null, 0).execute()).getMessage());
        assertEquals("No log stream named nope",
                assertThrows(IllegalArgumentException.class, () -> logTest("nope", 1).execute()).getMessage());
        assertEquals("Log stream siem is not running: host: cannot resolve siem",
                assertThrows(IllegalStateException.class, () -> logTest("siem", 1).execute()).getMessage());
        verify(service, never()).log(any(LogRecord.class));
        verify(service, never()).log(any(String.class), any(LogRecord.class));
    }

    @Test
    void logStreamsOfAnUnknownNameFails() {
        LogStreamsCommand c = new LogStreamsCommand();
        c.service = service;
        c.name = "nope";
        assertEquals("No log stream named nope", assertThrows(IllegalArgumentException.class, c::execute).getMessage());
    }
}
