package org.apptrack.apptrack.onos.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.onos.netcfg.AppTrackNetworkConfig;
import org.junit.jupiter.api.Test;
import org.onosproject.core.DefaultApplicationId;

/**
 * Which source wins: the network configuration over cfg over the file; the network configuration
 * replaces the file's zone, policy and user keys as a whole; a refused change changes nothing.
 */
class ConfigurationLayersTest {

    private static final Function<Map<String, ?>, Map<String, ?>> SEEN = TreeMap::new;

    private final ConfigurationLayers<AppTrackNetworkConfig> layers =
            new ConfigurationLayers<>(AppTrackNetworkConfig.OWNED_PREFIXES);

    @Test
    void networkConfigurationOverCfgOverTheFile() throws Exception {
        layers.withConfigAdmin(Map.of("maxSessions", "10", "disable", "true", "zone.lan.prefixes", "10.0.0.0/8",
                "zone.lan.logicalSystem", "LSYS1", "service.pid", "org.apptrack.apptrack"), SEEN);
        Map<String, ?> seen = layers.withComponentProperties(Map.of("disable", "false", "component.name", "x"), SEEN);
        assertEquals("false", seen.get("disable"), "cfg over the file");
        assertEquals("10", seen.get("maxSessions"), "the file's where cfg says nothing");
        assertFalse(seen.containsKey("component.name"), "framework keys of cfg's PID left out");

        seen = layers.withNetwork(network("{\"zones\": {\"dmz\": {\"prefixes\": [\"192.0.2.0/24\"]}}}"), SEEN);
        assertEquals("192.0.2.0/24", seen.get("zone.dmz.prefixes"));
        assertFalse(seen.containsKey("zone.lan.prefixes"), "the file's zones replaced as a whole");
        assertFalse(seen.containsKey("zone.lan.logicalSystem"));
        assertEquals("10", seen.get("maxSessions"));

        seen = layers.withNetwork(null, SEEN);
        assertEquals("10.0.0.0/8", seen.get("zone.lan.prefixes"), "the file's zones once it is removed");
    }

    @Test
    void aRefusedChangeChangesNothing() throws Exception {
        layers.withConfigAdmin(Map.of("maxSessions", "10"), AppTrackSettings::parse);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layers.withComponentProperties(Map.of("maxSessions", "0"), AppTrackSettings::parse));
        assertEquals("maxSessions: out of range 1..64000000: 0", e.getMessage());
        assertEquals("10", layers.effective().get("maxSessions"));

        e = assertThrows(IllegalArgumentException.class, () -> layers.withNetwork(
                network("{\"zones\": {\"lan\": {\"prefixes\": [\"10.0.0.0/8\", \"10.0.0.0/33\"]}}}"),
                AppTrackSettings::parse));
        assertEquals("apps.org.apptrack.apptrack.apptrack.zones.lan.prefixes[1]:"
                + " prefix length out of range 0..32: 10.0.0.0/33", e.getMessage());
        assertFalse(layers.effective().containsKey("zone.lan.prefixes"));
    }

    private static AppTrackNetworkConfig network(String json) throws Exception {
        AppTrackNetworkConfig c = new AppTrackNetworkConfig();
        c.init(new DefaultApplicationId(1, "org.apptrack.apptrack"), AppTrackNetworkConfig.KEY,
                new ObjectMapper().readTree(json), new ObjectMapper(), null);
        return c;
    }
}
