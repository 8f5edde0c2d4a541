package org.apptrack.apptrack.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.ZoneInfo;
import org.apptrack.apptrack.impl.AppTrackManager;
import org.apptrack.apptrack.onos.netcfg.AppTrackNetworkConfig;
import org.apptrack.apptrack.testing.OnosNetworkConfig;
import org.apptrack.syslog.testing.RecordingSecurityLog;
import org.apptrack.testsupport.onos.CfgDefinitions;
import org.apptrack.testsupport.onos.OnosComponentConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onosproject.cfg.ComponentConfigAdapter;
import org.onosproject.cfg.ComponentConfigService;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreServiceAdapter;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.net.config.InvalidConfigException;
import org.onosproject.net.config.InvalidFieldException;
import org.onosproject.net.config.NetworkConfigRegistry;
import org.onosproject.net.packet.PacketServiceAdapter;

/**
 * AppTrackManager inside ONOS, on ONOS's API test adapters: properties set with {@code cfg}
 * reach the running component through the validating parser, zones and policies come from
 * network configuration (bad ones refused with the JSON path, the previous ones kept), and the
 * file's zones return when the network configuration is removed.
 */
class AppTrackOnosConfigurationTest {

    private static final ApplicationId APP = new DefaultApplicationId(7, AppTrackManager.APP_NAME);
    private static final String ROOT = "apps.org.apptrack.apptrack.apptrack";

    /** The file: two zones of its own. */
    private static final Map<String, Object> FILE = Map.of("logSessionClose", "true",
            "zone.lan.prefixes", "10.0.0.0/8", "zone.wan.prefixes", "0.0.0.0/0, ::/0");

    private final List<Class<?>> registered = new ArrayList<>();
    private final ComponentConfigAdapter componentConfig = new ComponentConfigAdapter() {
        @Override
        public void registerProperties(Class<?> componentClass) {
            registered.add(componentClass);
        }

        @Override
        public void unregisterProperties(Class<?> componentClass, boolean clear) {
            registered.remove(componentClass);
        }
    };
    private final OnosNetworkConfig netcfg = new OnosNetworkConfig();
    private final AppTrackManager manager = new AppTrackManager();
    /** What ONOS's ComponentConfigManager keeps for AppTrackManager (cfg get/set). */
    private OnosComponentConfig cfg;

    @BeforeEach
    void activate() throws Exception {
        set("packetService", new PacketServiceAdapter());
        set("coreService", new CoreServiceAdapter() {
            @Override
            public ApplicationId registerApplication(String name) {
                return APP;
            }
        });
        set("securityLog", new RecordingSecurityLog());
        call("bindComponentConfigService", ComponentConfigService.class, componentConfig);
        call("bindNetworkConfigRegistry", NetworkConfigRegistry.class, netcfg);
        call("activate", Map.class, FILE);
        cfg = new OnosComponentConfig(CfgDefinitions.of(registered.get(0)));
    }

    @AfterEach
    void deactivate() throws Exception {
        call("deactivate", null, null);
    }

    @Test
    void registersItsPropertiesAndNetworkConfigurationWithOnos() {
        assertEquals(List.of(AppTrackManager.class), registered);
        assertEquals(1, netcfg.getConfigFactories().size());
        assertEquals(AppTrackNetworkConfig.KEY, netcfg.getConfigFactories().iterator().next().configKey());
        assertEquals(1, netcfg.listenerCount());
        assertEquals(List.of("lan", "wan"), zoneNames());
    }

    @Test
    void cfgSetReconfiguresTheComponentAndABadValueIsRefusedKeepingThePreviousOne() {
        assertTrue(manager.enabled());
        cfgSet("disable", "true");
        assertFalse(manager.enabled(), "cfg set disable true");

        // ONOS's own check refuses what is not a number ...
        assertThrows(IllegalArgumentException.class, () -> cfg.set("tcpInitialTimeout", "soon"));
        // ... a number out of range reaches the component, which refuses it and keeps the rest.
        cfgSet("tcpInitialTimeout", "2");
        cfgSet("disable", "false");
        assertFalse(manager.enabled(), "refused while tcpInitialTimeout is out of range");
        cfgSet("tcpInitialTimeout", "20");
        assertTrue(manager.enabled(), "applied once the configuration is valid again");
        assertEquals(List.of("lan", "wan"), zoneNames(), "the file's zones stay");
    }

    @Test
    void networkConfigurationReplacesTheFilesZonesAndPolicies() {
        netcfg.post(APP, "apptrack", "{\"zones\": {"
                + "\"trust\": {\"prefixes\": [\"192.168.0.0/16\"], \"interfaces\": [\"of:0000000000000001/1\"]},"
                + "\"untrust\": {\"prefixes\": [\"0.0.0.0/0\", \"::/0\"], \"applicationTracking\": false}},"
                + "\"policies\": [{\"from\": \"trust\", \"to\": \"untrust\", \"name\": \"permit-web\"}]}");
        assertEquals(List.of("trust", "untrust"), zoneNames());
        ZoneInfo trust = manager.zones().get(0);
        assertEquals(List.of("192.168.0.0/16"), trust.prefixes());
        assertEquals(List.of("of:0000000000000001/1"), trust.interfaces());
        assertFalse(manager.zones().get(1).applicationTracking());

        netcfg.delete(APP, "apptrack");
        assertEquals(List.of("lan", "wan"), zoneNames(), "the file's zones again");
    }

    @Test
    void badNetworkConfigurationIsRefusedWithTheJsonPathAndThePreviousStays() {
        netcfg.post(APP, "apptrack", "{\"zones\": {\"trust\": {\"prefixes\": [\"10.0.0.0/8\"]},"
                + "\"untrust\": {\"prefixes\": [\"0.0.0.0/0\"]}}}");
        InvalidFieldException prefix = refused("{\"zones\": {\"trust\": {\"prefixes\":"
                + " [\"10.0.0.0/8\", \"10.300.0.0/16\"]}}}");
        assertEquals(ROOT + ".zones.trust.prefixes[1]", prefix.field());
        assertTrue(prefix.reason().contains("10.300.0.0/16"), prefix.reason());

        InvalidFieldException taken = refused("{\"zones\": {"
                + "\"trust\": {\"interfaces\": [\"of:0000000000000001/1\"]},"
                + "\"dmz\": {\"interfaces\": [\"of:0000000000000001/2\", \"of:0000000000000001/1\"]}}}");
        assertTrue(taken.field().equals(ROOT + ".zones.trust.interfaces[0]")
                || taken.field().equals(ROOT + ".zones.dmz.interfaces[1]"), taken.field());
        assertTrue(taken.reason().contains("already in zone"), taken.reason());

        InvalidFieldException policy = refused("{\"zones\": {\"trust\": {\"prefixes\": [\"10.0.0.0/8\"]}},"
                + "\"policies\": [{\"from\": \"trust\", \"to\": \"trust\", \"name\": \"a\"},"
                + " {\"from\": \"trust\", \"to\": \"nowhere\", \"name\": \"b\"}]}");
        assertEquals(ROOT + ".policies[1]", policy.field());
        assertTrue(policy.reason().contains("no zone named nowhere"), policy.reason());

        InvalidFieldException shape = refused("{\"zone\": {}}");
        assertEquals(ROOT + ".zone", shape.field());

        assertEquals(List.of("trust", "untrust"), zoneNames(), "the last valid network configuration stays");
        assertEquals(List.of("10.0.0.0/8"), manager.zones().get(0).prefixes());
    }

    private InvalidFieldException refused(String json) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> netcfg.post(APP, "apptrack", json));
        assertEquals("apps", e.subjectKey());
        assertEquals("apptrack", e.configKey());
        return assertInstanceOf(InvalidFieldException.class, e.getCause());
    }

    /** As {@code cfg set org.apptrack.apptrack.impl.AppTrackManager NAME VALUE}: ONOS writes, DS delivers. */
    private void cfgSet(String name, String value) {
        cfg.set(name, value);
        manager.componentProperties(cfg.configuration());
    }

    private List<String> zoneNames() {
        List<String> names = new ArrayList<>();
        manager.zones().forEach(z -> names.add(z.name()));
        return names;
    }

    private void set(String field, Object value) throws Exception {
        Field f = AppTrackManager.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(manager, value);
    }

    /** The DS life cycle and bind methods, as SCR calls them. */
    private void call(String method, Class<?> type, Object arg) throws Exception {
        Method m = type == null ? AppTrackManager.class.getDeclaredMethod(method)
                : AppTrackManager.class.getDeclaredMethod(method, type);
        m.setAccessible(true);
        if (type == null) {
            m.invoke(manager);
        } else {
            m.invoke(manager, arg);
        }
    }
}
