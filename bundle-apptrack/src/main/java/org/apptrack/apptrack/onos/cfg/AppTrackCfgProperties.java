package org.apptrack.apptrack.onos.cfg;

import java.util.Map;
import org.apptrack.apptrack.onos.config.OnosComponentProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Hands the values ONOS's {@code cfg} keeps for AppTrackManager (ConfigAdmin PID = its class
 * name, written by ONOS's ComponentConfigManager) to AppTrackManager, which layers them over its
 * file. It exists only while that configuration does, i.e. inside ONOS.
 */
@Component(immediate = true, configurationPid = AppTrackCfgProperties.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class AppTrackCfgProperties {

    /** Where ONOS's ComponentConfigManager keeps AppTrackManager's properties. */
    static final String PID = "org.apptrack.apptrack.impl.AppTrackManager";

    @Reference(target = "(component.name=" + PID + ")")
    private OnosComponentProperties component;

    @Activate
    @Modified
    protected void update(Map<String, Object> properties) {
        component.componentProperties(properties);
    }

    @Deactivate
    protected void deactivate() {
        component.componentProperties(Map.of());
    }
}
