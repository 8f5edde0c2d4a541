package org.apptrack.appqoe.impl;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficService;
import org.apptrack.api.traffic.OwnTrafficSource;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.api.ApplicationPath;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.PathSwitch;
import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.appqoe.config.AppQoeConfigDefinition;
import org.apptrack.appqoe.config.AppQoeSettings;
import org.apptrack.syslog.api.SecurityLogService;
import org.onosproject.core.CoreService;
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
@Component(immediate = true, service = AppQoeService.class, configurationPid = AppQoeSettings.PID)
@Designate(ocd = AppQoeConfigDefinition.class)
public class AppQoeManager implements AppQoeService, OwnTrafficSource {

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

    @Activate
    protected synchronized void activate(Map<String, Object> properties) {
        runner = new AppQoeRunner(securityLog, appTrack::updateRoute,
                steering -> Actuators.create(steering, flowObjectives, coreService, APP_NAME),
                () -> appTrack.sessions(s -> true, OPEN_SESSIONS_MATCHED));
        apply(properties);
        appTrack.addListener(runner);
    }

    @Modified
    protected synchronized void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    protected synchronized void deactivate() {
        appTrack.removeListener(runner);
        runner.close();
    }

    private void apply(Map<String, Object> properties) {
        String error = runner.apply(properties);
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
