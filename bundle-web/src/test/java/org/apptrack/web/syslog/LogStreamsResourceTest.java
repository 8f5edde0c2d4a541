package org.apptrack.web.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.syslog.api.TestRecords;
import org.apptrack.web.InMemoryApi;
import org.apptrack.web.InMemoryApi.Reply;
import org.apptrack.web.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class LogStreamsResourceTest {

    private final SecurityLogService service = mock(SecurityLogService.class);
    private final InMemoryApi api = new InMemoryApi(new TestServices().add(SecurityLogService.class, service));

    private static final LogStreamStatus LOCAL = new LogStreamStatus("local", "file", "sd-syslog", "/var/log/a.log",
            LogStreamState.UP, null, 0, 16384, 3, 3, 0, 0, 0, null, 0);
    private static final LogStreamStatus SIEM = new LogStreamStatus("siem", "tls", "sd-syslog", "siem:6514",
            LogStreamState.REJECTED, "tlsTrustStore: cannot read /x.p12", 0, 0, 0, 0, 0, 0, 0, null, 0);

    @BeforeEach
    void streams() {
        when(service.streams()).thenReturn(List.of(LOCAL, SIEM));
        when(service.stream("local")).thenReturn(Optional.of(LOCAL));
        when(service.stream("siem")).thenReturn(Optional.of(SIEM));
        when(service.stream("nope")).thenReturn(Optional.empty());
    }

    @AfterEach
    void close() throws Exception {
        api.close();
    }

    @Test
    void everyStreamWithItsCounters() throws Exception {
        JsonNode all = api.get("v1/log-streams");
        assertEquals(2, all.path("streams").size());
        JsonNode local = all.path("streams").get(0);
        assertEquals("local", local.path("name").asText());
        assertEquals("UP", local.path("state").asText());
        assertEquals(16384, local.path("queueCapacity").asInt());
        assertEquals(3, local.path("sent").asLong());
        assertFalse(local.has("configError"));
        assertEquals("tlsTrustStore: cannot read /x.p12", all.path("streams").get(1).path("configError").asText());
    }

    @Test
    void oneStreamOr404() throws Exception {
        assertEquals("siem:6514", api.get("v1/log-streams/siem").path("destination").asText());
        Reply absent = api.call("GET", "v1/log-streams/nope");
        assertEquals(404, absent.status);
        assertEquals("no log stream named nope", absent.json.path("message").asText());
    }

    @Test
    void postTestSendsATestRecordToThatStream() throws Exception {
        when(service.log(eq("local"), any())).thenReturn(true);
        Reply r = api.call("POST", "v1/log-streams/local/test?message=hello");
        assertEquals(202, r.status, r.toString());
        assertEquals("local", r.json.path("name").asText());
        ArgumentCaptor<LogRecord> record = ArgumentCaptor.forClass(LogRecord.class);
        verify(service).log(eq("local"), record.capture());
        assertEquals(TestRecords.TAG, record.getValue().tag());
        assertEquals("hello", record.getValue().value("message"));
        assertEquals("local", record.getValue().value("stream-name"));
    }

    @Test
    void aRejectedStreamIs409AndAnAbsentOne404AndNothingIsSent() throws Exception {
        Reply rejected = api.call("POST", "v1/log-streams/siem/test");
        assertEquals(409, rejected.status);
        assertEquals("log stream siem is not running: tlsTrustStore: cannot read /x.p12",
                rejected.json.path("message").asText());
        assertEquals(404, api.call("POST", "v1/log-streams/nope/test").status);
        Reply bad = api.call("POST", "v1/log-streams/local/test?msg=x");
        assertEquals(400, bad.status);
        assertEquals("msg: unknown parameter (message)", bad.json.path("message").asText());
        verify(service, never()).log(any(String.class), any());
    }

    @Test
    void onlyTestCanBePosted() throws Exception {
        Reply r = api.call("POST", "v1/log-streams/local");
        assertEquals(405, r.status);
        assertEquals("application/json", r.contentType);
        assertTrue(r.json.path("message").asText().startsWith("method not allowed; allowed: GET"), r.toString());
    }
}
