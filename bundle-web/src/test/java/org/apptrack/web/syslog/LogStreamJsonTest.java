package org.apptrack.web.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.junit.jupiter.api.Test;

class LogStreamJsonTest {

    @Test
    void carriesTheRateLimitAndWhatItRefusedApartFromDrops() {
        LogStreamStatus s = new LogStreamStatus("siem", "tcp", "sd-syslog", "10.0.0.1:514", LogStreamState.UP, null,
                0, 16384, 50, 50, 3, 0, 0, null, 0, 50, 4950);
        ObjectNode json = LogStreamJson.encode(s);
        assertEquals(50, json.path("rateLimit").asInt());
        assertEquals(4950, json.path("rateLimited").asLong());
        assertEquals(3, json.path("dropped").asLong());
    }

    @Test
    void aStreamWithoutALimitShowsZero() {
        LogStreamStatus s = new LogStreamStatus("local", "file", "sd-syslog", "/tmp/x.log", LogStreamState.UP, null,
                0, 16384, 1, 1, 0, 0, 0, null, 0);
        ObjectNode json = LogStreamJson.encode(s);
        assertEquals(0, json.path("rateLimit").asInt());
        assertEquals(0, json.path("rateLimited").asLong());
    }
}
