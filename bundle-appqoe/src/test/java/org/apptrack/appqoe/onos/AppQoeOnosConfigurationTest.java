package org.apptrack.appqoe.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.testing.OnosNetworkConfig;
import org.apptrack.appqoe.impl.AppQoeManager;
import org.apptrack.syslog.testing.RecordingSecurityLog;
import org.apptrack.testsupport.onos.CfgDefinitions;
import org.apptrack.testsupport.onos.OnosComponentConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onosproject.cfg.ComponentConfigAdapter;
import org.onosproject.cfg.ComponentConfigService;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.net.config.InvalidConfigException;
import org.onosproject.net.config.InvalidFieldException;
import org.onosproject.net.config.NetworkConfigRegistry;

/**
 * AppQoeManager inside ONOS, on ONOS's API test adapters: {@code cfg} values over the file,
 * the path groups, profiles and rules from network configuration, a bad one refused with its
 * JSON path (ONOS's upload fails, and a refusal that only shows with the other sources is in
 * the configuration error the console and REST show), the previous configuration in force.
 */
class AppQoeOnosConfigurationTest {

    private static final ApplicationId APP = new DefaultApplicationId(7, "org.apptrack.apptrack");
    private static final String ROOT = "apps.org.apptrack.apptrack.appqoe";
    private static final String TWO_PATHS = "{\"enabled\": true,"
            + " \"pathGroup\": {\"internet\": {\"path\": {"
            + "   \"ISP1\": {\"interface\": \"eth1\", \"linkTag\": \"ISP1\"},"
            + "   \"ISP2\": {\"interface\": \"eth2\", \"linkTag\": \"ISP2\", \"priority\": 2}}}},"
            + " \"metricsProfile\": {\"voice\": {\"rtt\": 150000, \"loss\": 2}},"
            + " \"slaRule\": {\"sla1\": {\"metricsProfile\": \"voice\", \"passive\": {\"samplingPeriod\": \"10s\"}}},"
            + " \"apbrProfile\": {\"p1\": {\"zone\": [\"trust\"], \"rule\": {\"r1\": {\"application\": [\"HTTP\", \"SSL\"],"
            + "   \"destinationGroup\": \"internet\"}}}}}";

    private final List<Class<?>> registered = new ArrayList<>();
    private final ComponentConfigAdapter componentConfig = new ComponentConfigAdapter() {
        @Override
        public void registerProperties(Class<?> componentClass) {
            registered.add(componentClass);
        }
    };
    private final OnosNetworkConfig netcfg = new OnosNetworkConfig();
    private final AppQoeManager manager = new AppQoeManager();
    private OnosComponentConfig cfg;

    @BeforeEach
    void activate() throws Exception {
        set("appTrack", mock(AppTrackService.class));
        set("securityLog", new RecordingSecurityLog());
        call("bindComponentConfigService", ComponentConfigService.class, componentConfig);
        call("bindNetworkConfigRegistry", NetworkConfigRegistry.class, netcfg);
        call("activate", Map.class, Map.of("enabled", "false",
                "pathGroup.file.path.LTE.interface", "wwan0"));
        cfg = new OnosComponentConfig(CfgDefinitions.of(registered.get(0)));
    }

    @AfterEach
    void deactivate() throws Exception {
        call("deactivate", null, null);
    }

    @Test
    void cfgValuesWinOverTheFilesAndBadOnesAreRefused() {
        assertEquals(List.of(AppQoeManager.class), registered);
        assertFalse(manager.enabled());
        cfgSet("enabled", "true");
        assertTrue(manager.enabled(), "cfg set enabled true");
        assertEquals(1, manager.paths().size(), "the file's path group");

        cfgSet("steering.existingSessions", "sometimes");
        assertTrue(manager.configurationError().startsWith("steering.existingSessions: "),
                manager.configurationError());
        assertTrue(manager.enabled(), "the previous configuration stays");
        cfgSet("steering.existingSessions", "move");
        assertEquals("", manager.configurationError());
    }

    @Test
    void networkConfigurationReplacesTheFilesPathGroupsAndABadOneIsRefusedWithItsPath() {
        netcfg.post(APP, "appqoe", TWO_PATHS);
        assertTrue(manager.enabled(), "netcfg enabled");
        assertEquals(2, manager.paths().size(), "the network configuration's paths, not the file's");

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> netcfg.post(APP, "appqoe",
                TWO_PATHS.replace("\"priority\": 2", "\"priority\": 300")));
        InvalidFieldException f = assertInstanceOf(InvalidFieldException.class, e.getCause());
        assertEquals(ROOT + ".pathGroup.internet.path.ISP2.priority", f.field());
        assertEquals(2, manager.paths().size(), "the previous network configuration stays");

        // Valid alone, refused with cfg's steering.actuator onos, which needs every path's connect point.
        cfgSet("steering.actuator", "onos");
        assertTrue(manager.configurationError().startsWith(ROOT + ".pathGroup.internet.path.ISP1.connectPoint: "),
                manager.configurationError());
        assertEquals("none", manager.actuator());
        assertEquals(2, manager.paths().size());

        cfgSet("steering.actuator", "none");
        assertEquals("", manager.configurationError());
        netcfg.delete(APP, "appqoe");
        assertFalse(manager.enabled(), "the file's and cfg's enabled = false again");
        cfgSet("enabled", "true");
        assertEquals(1, manager.paths().size(), "the file's path group again");
    }

    private void cfgSet(String name, String value) {
        cfg.set(name, value);
        manager.componentProperties(cfg.configuration());
    }

    private void set(String field, Object value) throws Exception {
        Field f = AppQoeManager.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(manager, value);
    }

    private void call(String method, Class<?> type, Object arg) throws Exception {
        Method m = type == null ? AppQoeManager.class.getDeclaredMethod(method)
                : AppQoeManager.class.getDeclaredMethod(method, type);
        m.setAccessible(true);
        if (type == null) {
            m.invoke(manager);
        } else {
            m.invoke(manager, arg);
        }
    }
}
