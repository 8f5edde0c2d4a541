package org.apptrack.appqoe.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.apptrack.appqoe.probe.Dscp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DscpAndDurationTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "101110, 46", "000000, 0", "111111, 63", "001010, 10",
        "ef, 46", "EF, 46", "be, 0", "default, 0",
        "cs0, 0", "cs1, 8", "cs5, 40", "cs7, 56",
        "af11, 10", "af12, 12", "af13, 14", "af21, 18", "af31, 26", "af41, 34", "af43, 38",
        "0, 0", "46, 46", "63, 63", "10, 10"
    })
    void dscpForms(String text, int value) {
        assertEquals(value, Dscp.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"64", "-1", "af14", "af51", "cs8", "10111", "1011102", "", "ef1", "0x2e"})
    void notADscp(String text) {
        assertThrows(IllegalArgumentException.class, () -> Dscp.parse(text));
    }

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"100ms, 100", "1s, 1000", "1, 1000", "60, 60000", "2m, 120000", "5min, 300000", "1h, 3600000",
        "' 250 ms ', 250", "10S, 10000"})
    void durations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ms", "1.5s", "1d", "-1s", "1 s 2", "10000000000s"})
    void notADuration(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }
}
