package org.apptrack.apptrack.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OffloadSettingsTest {

    private static AppTrackSettings parse(String... kv) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.put(kv[i], kv[i + 1]);
        }
        return AppTrackSettings.parse(p);
    }

    @Test
    void packetInModeByDefault() {
        OffloadSettings o = parse().offload();
        assertFalse(o.enabled());
        assertFalse(o.device("of:0000000000000001"));
        assertEquals(8, o.afterPackets());
        assertEquals(10, o.pollIntervalSeconds());
        assertEquals(40_000, o.priority());
    }

    @Test
    void perDeviceAndPerZone() {
        AppTrackSettings s = parse("offload.devices", "of:0000000000000001, of:00000000000000ff",
                "offload.zones", "trust", "offload.afterPackets", "3", "offload.pollInterval", "5",
                "offload.priority", "50000");
        OffloadSettings o = s.offload();
        assertTrue(o.enabled());
        assertTrue(o.device("of:00000000000000ff"));
        assertFalse(o.device("of:0000000000000002"), "a mirror port's device stays in packet-in mode");
        assertTrue(o.zone(s.zones().zoneId("trust")));
        assertFalse(o.zone(s.zones().zoneId("untrust")));
        assertEquals(3, o.afterPackets());
        assertEquals(5, o.pollIntervalSeconds());
        assertEquals(50_000, o.priority());
    }

    @Test
    void aBadValueIsRejectedNamingItsKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("offload.devices", "switch one"))
                .getMessage().startsWith("offload.devices:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("offload.zones", "nowhere"))
                .getMessage().startsWith("offload.zones: no such zone: nowhere"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("offload.afterPackets", "0"))
                .getMessage().startsWith("offload.afterPackets:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("offload.pollInterval", "soon"))
                .getMessage().startsWith("offload.pollInterval:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("offload.priority", "65535"))
                .getMessage().startsWith("offload.priority:"));
    }
}
