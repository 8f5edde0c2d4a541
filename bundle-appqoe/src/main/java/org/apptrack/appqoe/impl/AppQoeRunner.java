package org.apptrack.appqoe.impl;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apptrack.api.time.Clock;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.apptrack.api.AppTrackSessionEvent;
import org.apptrack.apptrack.api.AppTrackSessionListener;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.api.ApplicationPath;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.PathSwitch;
import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.appqoe.config.AppQoeConfig;
import org.apptrack.appqoe.config.AppQoeSettings;
import org.apptrack.appqoe.config.SteeringConfig;
import org.apptrack.appqoe.steer.SteeringActuator;
import org.apptrack.syslog.api.SecurityLogService;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Runs AppQoE for the configuration in force: one worker thread (session and SLA events, the
 * tick, the actuator), one probe event loop, a 100 ms tick. A new configuration replaces the
 * running one only if it parses and its actuator can be built; otherwise the error is returned
 * and the previous one stays in force. Used by the OSGi component and by programs that embed
 * AppQoE.
 */
public final class AppQoeRunner implements AppQoeService, AppTrackSessionListener, AutoCloseable {

    /** How often periods close, holds expire and selections are re-evaluated. */
    static final long TICK_MILLIS = 100;
    /** Work waiting for the worker (session events, SLA events); beyond it events are dropped and counted. */
    static final int WORKER_QUEUE = 16_384;

    private final SecurityLogService securityLog;
    private final AppQoeRuntime.RouteSink routes;
    private final Function<SteeringConfig, SteeringActuator> actuators;
    private final Supplier<List<SessionInfo>> openSessions;
    private final AtomicLong droppedEvents = new AtomicLong();
    private final ThreadPoolExecutor worker;
    private final ScheduledExecutorService ticker;
    private final EventLoopGroup probeGroup;
    private volatile AppQoeRuntime runtime;
    private volatile String configurationError = "";

    /**
     * @param routes     tells AppTrack a session's route ({@code AppTrackService::updateRoute})
     * @param actuators  the actuator a configuration's {@code steering.*} asks for; throws
     *                   IllegalArgumentException naming the key when it cannot be provided
     * @param openSessions AppTrack's open sessions, matched again by each new configuration so
     *                   that sessions already running are steered by it too
     */
    public AppQoeRunner(SecurityLogService securityLog, RouteUpdater routes,
            Function<SteeringConfig, SteeringActuator> actuators, Supplier<List<SessionInfo>> openSessions) {
        this.securityLog = securityLog;
        this.routes = routes::updateRoute;
        this.actuators = actuators;
        this.openSessions = openSessions;
        worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WORKER_QUEUE),
                new DefaultThreadFactory("apptrack-appqoe", true), (task, executor) -> droppedEvents.incrementAndGet());
        ticker = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("apptrack-appqoe-tick", true));
        probeGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("apptrack-appqoe-probe", true));
        runtime = create(AppQoeConfig.DISABLED);
        runtime.start();
        ticker.scheduleAtFixedRate(() -> worker.execute(() -> runtime.tick()), TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** A session's new route for AppTrack's logs. */
    @FunctionalInterface
    public interface RouteUpdater {
        boolean updateRoute(long sessionId, org.apptrack.apptrack.api.SessionRoute route);
    }

    /**
     * Applies a configuration ({@code org.apptrack.appqoe} properties).
     *
     * @return "" when it is in force, else the error (starting with the key at fault); the
     *     previous configuration then stays in force
     */
    public synchronized String apply(Map<String, ?> properties) {
        AppQoeRuntime next;
        try {
            AppQoeConfig config = AppQoeSettings.parse(properties);
            next = create(config.enabled() ? config : AppQoeConfig.DISABLED);
        } catch (IllegalArgumentException e) {
            configurationError = e.getMessage();
            return configurationError;
        }
        configurationError = "";
        runtime.stop();
        runtime = next;
        next.start();
        if (next.enabled()) {
            // The new rules apply to the sessions already open, as to the ones to come.
            long now = System.currentTimeMillis();
            for (SessionInfo s : openSessions.get()) {
                next.sessionEvent(new AppTrackSessionEvent(AppTrackSessionEvent.Type.APPLICATION_IDENTIFIED, s, now, ""));
            }
        }
        return "";
    }

    private AppQoeRuntime create(AppQoeConfig config) {
        AppQoeRuntime.Environment env = new AppQoeRuntime.Environment(Clock.SYSTEM, System::nanoTime, worker,
                actuators.apply(config.steering()), routes, new SecurityLogAppQoeLog(securityLog, Clock.SYSTEM),
                new ProbeSessions(probeGroup, Clock.SYSTEM, System::nanoTime));
        return new AppQoeRuntime(config, env);
    }

    /** Rules for the traffic the probes of the configuration in force cause. */
    public List<OwnTrafficRule> probeTraffic(List<InetAddress> hostAddresses) {
        return ProbeTraffic.rules(runtime.config(), hostAddresses, InetAddress::getAllByName);
    }

    @Override
    public void event(AppTrackSessionEvent event) {
        runtime.sessionEvent(event);
    }

    /** A configuration refused before it reached {@link #apply} (e.g. a network configuration); the running one stays. */
    public void refused(String error) {
        configurationError = error;
    }

    @Override
    public String configurationError() {
        return configurationError;
    }

    /** Session and SLA events dropped because the worker's queue was full. */
    public long droppedEvents() {
        return droppedEvents.get();
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        runtime.stop();
        worker.shutdownNow();
        probeGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }

    @Override
    public boolean enabled() {
        return runtime.enabled();
    }

    @Override
    public String actuator() {
        return runtime.actuator();
    }

    @Override
    public boolean steering() {
        return runtime.steering();
    }

    @Override
    public String actuatorError() {
        return runtime.actuatorError();
    }

    @Override
    public List<PathStatus> paths() {
        return runtime.paths();
    }

    @Override
    public List<ApplicationPath> applications() {
        return runtime.applications();
    }

    @Override
    public List<ProbeStatus> probes() {
        return runtime.probes();
    }

    @Override
    public List<PathSwitch> switches(int limit) {
        return runtime.switches(limit);
    }
}
