package org.apptrack.syslog.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.format.FormatSettings;
import org.apptrack.syslog.format.LogFormat;
import org.apptrack.syslog.format.SyslogFormatter;
import org.junit.jupiter.api.Test;

/** The rate-limit summary as each format writes it. */
class RateLimitRecordsTest {

    private static final long T = Instant.parse("2020-05-07T16:27:40.111Z").toEpochMilli();
    private static final LogRecord SUMMARY = RateLimitRecords.create("siem", 4950, 60, 50, T);
    private static final String BODY =
            "AppTrack log stream siem: 4950 records dropped in the last 60 seconds by the rate limit of 50 records"
                    + " per second";

    private static String format(LogFormat format) {
        return new String(SyslogFormatter.create(FormatSettings.of(format, "fw")).formatToArray(SUMMARY),
                StandardCharsets.UTF_8);
    }

    @Test
    void sdSyslogCarriesTheCountsAsStructuredDataAtSeverityWarning() {
        assertEquals("<12>1 2020-05-07T16:27:40.111Z fw RT_FLOW - APPTRACK_LOG_RATE_LIMITED "
                + "[junos@2636.1.1.1.2.129 stream-name=\"siem\" dropped-records=\"4950\" interval=\"60\" "
                + "rate-limit=\"50\"]", format(LogFormat.SD_SYSLOG));
    }

    @Test
    void structuredSyslogAddsTheSentence() {
        assertEquals("<12>1 2020-05-07T16:27:40.111Z fw RT_FLOW - APPTRACK_LOG_RATE_LIMITED "
                + "[junos@2636.1.1.1.2.129 stream-name=\"siem\" dropped-records=\"4950\" interval=\"60\" "
                + "rate-limit=\"50\"] " + BODY, format(LogFormat.STRUCTURED_SYSLOG));
    }

    @Test
    void plainSyslogWritesTheSentence() {
        assertEquals("<12>May  7 16:27:40 fw RT_FLOW: APPTRACK_LOG_RATE_LIMITED: " + BODY, format(LogFormat.SYSLOG));
    }
}
