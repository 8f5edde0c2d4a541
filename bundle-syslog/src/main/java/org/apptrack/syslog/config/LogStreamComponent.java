package org.apptrack.syslog.config;

import java.util.Map;
import org.apptrack.syslog.settings.LogStreamSettings;
import org.apptrack.syslog.stream.LogStreamRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One instance per {@code org.apptrack.syslog.stream} factory configuration. It hands the raw
 * properties to the manager, which validates them field by field (a typed configuration would
 * coerce bad values silently) and keeps the previous configuration when an update is wrong.
 */
@Component(configurationPid = LogStreamSettings.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = LogStreamConfig.class, factory = true)
public class LogStreamComponent {

    @Reference
    private LogStreamRegistry registry;

    private String pid;

    @Activate
    protected void activate(Map<String, Object> properties) {
        pid = String.valueOf(properties.get("service.pid"));
        registry.apply(pid, properties);
    }

    @Modified
    protected void modified(Map<String, Object> properties) {
        registry.apply(pid, properties);
    }

    @Deactivate
    protected void deactivate() {
        registry.remove(pid);
    }
}
