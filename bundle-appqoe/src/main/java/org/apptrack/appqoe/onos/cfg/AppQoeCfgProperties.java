package org.apptrack.appqoe.onos.cfg;

import java.util.Map;
import org.apptrack.apptrack.onos.config.OnosComponentProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Hands the values ONOS's {@code cfg} keeps for AppQoeManager (ConfigAdmin PID = its class name,
 * written by ONOS's ComponentConfigManager) to AppQoeManager, which layers them over its file.
 * It exists only while that configuration does, i.e. inside ONOS.
 */
@Component(immediate = true, configurationPid = AppQoeCfgProperties.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class AppQoeCfgProperties {

    /** Where ONOS's ComponentConfigManager keeps AppQoeManager's properties. */
    static final String PID = "org.apptrack.appqoe.impl.AppQoeManager";

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
