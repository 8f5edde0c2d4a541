package org.apptrack.appqoe.probe.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReflectorSettingsParseTest {

    private static Map<String, Object> config(Object enabled, Object address, Object port, Object dscp) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("enabled", enabled);
        properties.put("address", address);
        properties.put("port", port);
        properties.put("dscp", dscp);
        return properties;
    }

    @Test
    void disabledConfigurationGivesNoSettings() {
        assertNull(ReflectorSettings.parse(Map.of()));
        assertNull(ReflectorSettings.parse(config(false, "127.0.0.1", 862, 0)));
    }

    @Test
    void parseNamesTheRejectedField() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ReflectorSettings.parse(config(true, "not-an-ip", 862, 0))).getMessage().startsWith("address"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ReflectorSettings.parse(config(true, "::1", "x", 0))).getMessage().startsWith("port"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ReflectorSettings.parse(config(true, "::1", 862, -1))).getMessage().startsWith("dscp"));
        ReflectorSettings defaults = ReflectorSettings.parse(Map.of("enabled", "true"));
        assertEquals(862, defaults.port());
        assertTrue(defaults.bindAddress().isLoopbackAddress());
    }
}
