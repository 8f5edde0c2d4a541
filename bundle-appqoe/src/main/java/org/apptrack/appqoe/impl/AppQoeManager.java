package org.apptrack.appqoe.impl;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficService;
import org.apptrack.api.traffic.OwnTrafficSource;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.onos.config.ConfigurationLayers;
import org.apptrack.apptrack.onos.config.NetworkConfigSource;
import org.apptrack.apptrack.onos.config.OnosComponentProperties;
import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.api.ApplicationPath;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.PathSwitch;
import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.appqoe.config.AppQoeConfigDefinition;
import org.apptrack.appqoe.config.AppQoeSettings;
import org.apptrack.appqoe.onos.netcfg.AppQoeNetworkConfig;
import org.apptrack.syslog.api.SecurityLogService;
import org.onosproject.cfg.ComponentConfigService;
import org.onosproject.core.CoreService;
import org.onosproject.net.config.NetworkConfigRegistry;
import org.onosproject.net.flowobjective.FlowObjectiveService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AppQoE component: runs AppQoE for {@code org.apptrack.appqoe}, fed with AppTrack's session
 * events. A configuration that does not parse, or asks for an actuator this container cannot
 * provide (ONOS flow objectives outside ONOS), is rejected with the key named in the log and the
 * running one stays in force. Its probes are the product's own traffic ({@link OwnTrafficSource}):
 * never tracked, whoever captures the uplink.
 */
@Component(immediate = true, service = {AppQoeService.class, OnosComponentProperties.class},
        configurationPid = AppQoeSettings.PID)
@Designate(ocd = AppQoeConfigDefinition.class)
public class AppQoeManager implements AppQoeService, OnosComponentProperties, OwnTrafficSource {

    /** The ONOS application AppQoE's flow objectives belong to: the one the archive installs. */
    static final String APP_NAME = "org.apptrack.apptrack";
    /** The most open sessions a new configuration is applied to; beyond it, open sessions stay as they are until they end. */
    static final int OPEN_SESSIONS_MATCHED = 100_000;

    private static final Logger log = LoggerFactory.getLogger(AppQoeManager.class);

    @Reference
    private AppTrackService appTrack;

    @Reference
    private SecurityLogService securityLog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile FlowObjectiveService flowObjectives;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CoreService coreService;

    private volatile AppQoeRunner runner;
    private final List<Runnable> ownTrafficListeners = new CopyOnWriteArrayList<>();
    /** ConfigAdmin's properties, and inside ONOS cfg's values and the network configuration over them. */
    private final ConfigurationLayers<AppQoeNetworkConfig> configuration =
            new ConfigurationLayers<>(AppQoeNetworkConfig.OWNED_PREFIXES);
    private final NetworkConfigSource<AppQoeNetworkConfig> networkConfig = new NetworkConfigSource<>(APP_NAME,
            AppQoeNetworkConfig.class, AppQoeNetworkConfig.KEY, AppQoeNetworkConfig::new, this::networkConfigChanged);
    private NetworkConfigRegistry networkConfigRegistry;

    @Activate
    protected synchronized void activate(Map<String, Object> properties) {
        runner = new AppQoeRunner(securityLog, appTrack::updateRoute,
                steering -> Actuators.create(steering, flowObjectives, coreService, APP_NAME),
                () -> appTrack.sessions(s -> true, OPEN_SESSIONS_MATCHED));
        apply(layers -> layers.withConfigAdmin(properties, AppQoeSettings::parse), "");
        appTrack.addListener(runner);
        if (networkConfigRegistry != null) {
            networkConfig.start(networkConfigRegistry);
        }
    }

    @Modified
    protected synchronized void modified(Map<String, Object> properties) {
        apply(layers -> layers.withConfigAdmin(properties, AppQoeSettings::parse), "");
    }

    @Deactivate
    protected synchronized void deactivate() {
        networkConfig.stop();
        appTrack.removeListener(runner);
        runner.close();
        runner = null;
    }

    // ---- ONOS-native configuration (org.apptrack.appqoe.onos.*); these services are absent outside ONOS.

    /** Makes the properties of {@code AppQoeManager.cfgdef} visible and settable with ONOS's {@code cfg}. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    protected void bindComponentConfigService(ComponentConfigService service) {
        service.registerProperties(AppQoeManager.class);
    }

    protected void unbindComponentConfigService(ComponentConfigService service) {
        service.unregisterProperties(AppQoeManager.class, false);
    }

    /** The values set with ONOS's cfg, delivered by {@code onos.cfg.AppQoeCfgProperties}; they win over the file's. */
    @Override
    public synchronized void componentProperties(Map<String, ?> properties) {
        if (runner != null) {
            apply(layers -> layers.withComponentProperties(properties, AppQoeSettings::parse), "cfg ");
        } else {
            configuration.withComponentProperties(properties, p -> p); // activate() parses them with the file's
        }
    }

    /** Path groups, probes, profiles and rules from ONOS network configuration (apps -> org.apptrack.apptrack -> appqoe). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    protected synchronized void bindNetworkConfigRegistry(NetworkConfigRegistry registry) {
        networkConfigRegistry = registry;
        if (runner != null) {
            networkConfig.start(registry);
        }
    }

    protected synchronized void unbindNetworkConfigRegistry(NetworkConfigRegistry registry) {
        if (networkConfigRegistry == registry) {
            networkConfigRegistry = null;
            networkConfig.stop();
            if (runner != null) {
                networkConfigChanged(null);
            }
        }
    }

    private synchronized void networkConfigChanged(AppQoeNetworkConfig config) {
        if (runner == null) {
            return; // deactivated
        }
        apply(layers -> layers.withNetwork(config, AppQoeSettings::parse), "network ");
    }

    // ---- end of ONOS-native configuration

    /**
     * Parses the sources with one of them changed ({@code change}); when that passes, the runner
     * applies the result (it may still refuse an actuator this container cannot provide).
     */
    private void apply(Consumer<ConfigurationLayers<AppQoeNetworkConfig>> change, String source) {
        try {
            change.accept(configuration);
        } catch (IllegalArgumentException e) {
            runner.refused(e.getMessage());
            log.error("AppQoE {}configuration rejected, the previous one stays in force: {}", source, e.getMessage());
            return;
        }
        String error = runner.apply(configuration.effective());
        if (!error.isEmpty()) {
            log.error("AppQoE configuration rejected, the previous one stays in force: {}", error);
            return;
        }
        ownTrafficListeners.forEach(Runnable::run);
        log.info("AppQoE {}: {} paths, actuator {}{}", runner.enabled() ? "enabled" : "disabled",
                runner.paths().size(), runner.actuator(),
                runner.actuatorError().isEmpty() ? "" : " (" + runner.actuatorError() + ")");
    }

    @Override
    public List<OwnTrafficRule> ownTrafficRules(List<InetAddress> hostAddresses) {
        AppQoeRunner r = runner;
        return r == null ? List.of() : r.probeTraffic(hostAddresses);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    protected void bindOwnTrafficService(OwnTrafficService service) {
        service.addSource(this);
    }

    protected void unbindOwnTrafficService(OwnTrafficService service) {
        service.removeSource(this);
    }

    @Override
    public void addChangeListener(Runnable listener) {
        ownTrafficListeners.add(listener);
    }

    @Override
    public void removeChangeListener(Runnable listener) {
        ownTrafficListeners.remove(listener);
    }

    @Override
    public boolean enabled() {
        return runner.enabled();
    }

    @Override
    public String actuator() {
        return runner.actuator();
    }

    @Override
    public boolean steering() {
        return runner.steering();
    }

    @Override
    public String actuatorError() {
        return runner.actuatorError();
    }

    @Override
    public String configurationError() {
        return runner.configurationError();
    }

    @Override
    public List<PathStatus> paths() {
        return runner.paths();
    }

    @Override
    public List<ApplicationPath> applications() {
        return runner.applications();
    }

    @Override
    public List<ProbeStatus> probes() {
        return runner.probes();
    }

    @Override
    public List<PathSwitch> switches(int limit) {
        return runner.switches(limit);
    }
}
