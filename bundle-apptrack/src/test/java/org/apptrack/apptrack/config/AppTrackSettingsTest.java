package org.apptrack.apptrack.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppTrackSettingsTest {

    private static final long S = 1_000_000_000L;

    @Test
    void createAndCloseMessagesAreOffByDefaultAsFromJunos21() {
        AppTrackSettings s = AppTrackSettings.parse(Map.of());
        assertFalse(s.logSessionCreate());
        assertFalse(s.logSessionClose());
        assertEquals(300 * S, s.engine().firstUpdateDelayNanos());
    }

    @Test
    void deprecatedFirstUpdateIsTheStartMessageAndDisregardsTheFirstUpdateInterval() {
        AppTrackSettings s = AppTrackSettings.parse(Map.of("firstUpdate", "true", "firstUpdateInterval", "60",
                "sessionUpdateInterval", "240"));
        assertTrue(s.logSessionCreate(), "first-update: an AppTrack start message when a session begins");
        assertEquals(240 * S, s.engine().firstUpdateDelayNanos());
        AppTrackSettings interval = AppTrackSettings.parse(Map.of("firstUpdateInterval", "60"));
        assertFalse(interval.logSessionCreate());
        assertEquals(60 * S, interval.engine().firstUpdateDelayNanos());
    }

    @Test
    void invalidValuesNameTheirProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppTrackSettings.parse(Map.of("firstUpdate", "yes")));
        assertTrue(e.getMessage().startsWith("firstUpdate: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AppTrackSettings.parse(Map.of("sessionUpdateInterval", "0")));
        assertTrue(e.getMessage().startsWith("sessionUpdateInterval: "), e.getMessage());
    }

    @Test
    void tcpSessionEndsLingerUnlessInvalidatedAsInJunos() {
        AppTrackSettings defaults = AppTrackSettings.parse(Map.of());
        assertFalse(defaults.engine().rstInvalidateSession());
        assertFalse(defaults.engine().finInvalidateSession());
        assertEquals(2 * S, defaults.engine().tcpLingerNanos());
        assertEquals(20 * S, defaults.engine().tcpInitialTimeoutNanos());
        AppTrackSettings s = AppTrackSettings.parse(Map.of("rstInvalidateSession", "true",
                "finInvalidateSession", "true", "tcpInitialTimeout", "300"));
        assertTrue(s.engine().rstInvalidateSession());
        assertTrue(s.engine().finInvalidateSession());
        assertEquals(300 * S, s.engine().tcpInitialTimeoutNanos());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppTrackSettings.parse(Map.of("tcpInitialTimeout", "301")));
        assertTrue(e.getMessage().startsWith("tcpInitialTimeout: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AppTrackSettings.parse(Map.of("rstInvalidateSession", "on")));
        assertTrue(e.getMessage().startsWith("rstInvalidateSession: "), e.getMessage());
    }
}
