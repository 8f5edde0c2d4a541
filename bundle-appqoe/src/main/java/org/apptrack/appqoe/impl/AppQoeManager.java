package org.apptrack.appqoe.impl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apptrack.api.time.Clock;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.AppTrackSessionListener;
import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.api.ApplicationPath;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.PathSwitch;
import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.appqoe.config.AppQoeConfig;
import org.apptrack.appqoe.config.AppQoeConfigDefinition;
import org.apptrack.appqoe.config.AppQoeSettings;
import org.apptrack.appqoe.steer.SteeringActuator;
import org.apptrack.syslog.api.SecurityLogService;
import org.onosproject.core.CoreService;
import org.onosproject.net.flowobjective.FlowObjectiveService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The AppQoE component: reads {@code org.apptrack.appqoe}, runs an {@link AppQoeRuntime} for it,
 * feeds it AppTrack's session events and a 100 ms tick. A configuration that does not parse, or
 * asks for an actuator this container cannot provide, is rejected with the field named and the
 * running one stays in force.
 */
@Component(immediate = true, service = AppQoeService.class, configurationPid = AppQoeSettings.PID)
@Designate(ocd = AppQoeConfigDefinition.class)
public class AppQoeManager implements AppQoeService {

    /** How often periods close, holds expire and selections are re-evaluated. */
    static final long TICK_MILLIS = 100;
    /** Work waiting for the worker (session events, SLA events); beyond it events are dropped and counted. */
    static final int WORKER_QUEUE = 16_384;
    static final String APP_NAME = "org.apptrack.appqoe";

    private static final Logger log = LoggerFactory.getLogger(AppQoeManager.class);

    @Reference
    private AppTrackService appTrack;

    @Reference
    private SecurityLogService securityLog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile FlowObjectiveService flowObjectives;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CoreService coreService;

    private final AtomicLong droppedEvents = new AtomicLong();
    private final AppTrackSessionListener sessionListener = event -> current().sessionEvent(event);
    private ThreadPoolExecutor worker;
    private ScheduledExecutorService ticker;
    private EventLoopGroup probeGroup;
    private volatile AppQoeRuntime runtime;
    private volatile String configurationError = "";

    @Activate
    protected synchronized void activate(Map<String, Object> properties) {
        worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WORKER_QUEUE),
                new DefaultThreadFactory("apptrack-appqoe", true), (task, executor) -> droppedEvents.incrementAndGet());
        ticker = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("apptrack-appqoe-tick", true));
        probeGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("apptrack-appqoe-probe", true));
        runtime = create(AppQoeConfig.DISABLED);
        apply(properties);
        appTrack.addListener(sessionListener);
        ticker.scheduleAtFixedRate(() -> worker.execute(() -> current().tick()), TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Modified
    protected synchronized void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    protected synchronized void deactivate() {
        appTrack.removeListener(sessionListener);
        ticker.shutdownNow();
        runtime.stop();
        worker.shutdownNow();
        probeGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }

    private void apply(Map<String, Object> properties) {
        AppQoeConfig config;
        AppQoeRuntime next;
        try {
            config = AppQoeSettings.parse(properties);
            next = create(config);
        } catch (IllegalArgumentException e) {
            configurationError = e.getMessage();
            log.error("AppQoE configuration rejected, the previous one stays in force: {}", e.getMessage());
            return;
        }
        configurationError = "";
        AppQoeRuntime previous = runtime;
        previous.stop();
        runtime = next;
        next.start();
        log.info("AppQoE {}: {} paths, actuator {}{}", config.enabled() ? "enabled" : "disabled",
                next.paths().size(), next.actuator(), next.actuatorError().isEmpty() ? "" : " (" + next.actuatorError() + ")");
    }

    private AppQoeRuntime create(AppQoeConfig config) {
        AppQoeConfig effective = config.enabled() ? config : AppQoeConfig.DISABLED;
        SteeringActuator actuator = Actuators.create(effective.steering(), flowObjectives, coreService, APP_NAME);
        AppQoeRuntime.Environment env = new AppQoeRuntime.Environment(Clock.SYSTEM, System::nanoTime, worker,
                actuator, (id, route) -> appTrack.updateRoute(id, route), new SecurityLogAppQoeLog(securityLog, Clock.SYSTEM),
                new ProbeSessions(probeGroup, Clock.SYSTEM, System::nanoTime));
        return new AppQoeRuntime(effective, env);
    }

    private AppQoeRuntime current() {
        return runtime;
    }

    /** The last configuration error, empty when the configuration in force was accepted. */
    public String configurationError() {
        return configurationError;
    }

    /** Session and SLA events dropped because the worker's queue was full. */
    public long droppedEvents() {
        return droppedEvents.get();
    }

    @Override
    public boolean enabled() {
        return current().enabled();
    }

    @Override
    public String actuator() {
        return current().actuator();
    }

    @Override
    public boolean steering() {
        return current().steering();
    }

    @Override
    public String actuatorError() {
        return current().actuatorError();
    }

    @Override
    public List<PathStatus> paths() {
        return current().paths();
    }

    @Override
    public List<ApplicationPath> applications() {
        return current().applications();
    }

    @Override
    public List<ProbeStatus> probes() {
        return current().probes();
    }

    @Override
    public List<PathSwitch> switches(int limit) {
        return current().switches(limit);
    }
}
