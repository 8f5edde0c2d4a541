package org.apptrack.appqoe.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import org.apptrack.api.time.Clock;
import org.apptrack.apptrack.api.AppTrackSessionEvent;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionRoute;
import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.api.ApplicationPath;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.PathSwitch;
import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.appqoe.config.ActiveProbeConfig;
import org.apptrack.appqoe.config.ApbrProfileConfig;
import org.apptrack.appqoe.config.ApbrRuleConfig;
import org.apptrack.appqoe.config.AppQoeConfig;
import org.apptrack.appqoe.config.DestinationGroupConfig;
import org.apptrack.appqoe.steer.ExistingSessions;
import org.apptrack.appqoe.config.PathConfig;
import org.apptrack.appqoe.config.ProbeType;
import org.apptrack.appqoe.config.SlaRuleConfig;
import org.apptrack.appqoe.metrics.PeriodMetrics;
import org.apptrack.appqoe.select.PathDecision;
import org.apptrack.appqoe.select.PathSelector;
import org.apptrack.appqoe.select.PathState;
import org.apptrack.appqoe.sla.SlaEvent;
import org.apptrack.appqoe.sla.SlaRule;
import org.apptrack.appqoe.steer.SteeredSession;
import org.apptrack.appqoe.steer.SteeringActuator;
import org.apptrack.appqoe.steer.SteeringException;
import org.apptrack.appqoe.steer.SteeringPath;

/**
 * AppQoE for one configuration: probe sessions and SLA evaluators per path, one path selector per
 * application and APBR rule, the actuator that moves the sessions, the logs. Probe results arrive
 * on probe I/O threads and go straight to the path's monitor; everything else (AppTrack's session
 * events, SLA events, the periodic tick, the actuator) runs on one worker thread, so selections
 * and flows need no locks and the actuator is never called concurrently.
 */
final class AppQoeRuntime implements AppQoeService, MonitorEvents {

    /** Path switches kept for {@link #switches(int)}. */
    static final int SWITCH_HISTORY = 256;
    private static final String NONE = "";

    /** What the runtime works with, so that tests can give it a manual clock and a direct executor. */
    static final class Environment {
        final Clock wallClock;
        final LongSupplier monotonicNanos;
        final Executor worker;
        final SteeringActuator actuator;
        final RouteSink routes;
        final AppQoeLog log;
        final ProbeFactory probes;

        Environment(Clock wallClock, LongSupplier monotonicNanos, Executor worker, SteeringActuator actuator,
                RouteSink routes, AppQoeLog log, ProbeFactory probes) {
            this.wallClock = wallClock;
            this.monotonicNanos = monotonicNanos;
            this.worker = worker;
            this.actuator = actuator;
            this.routes = routes;
            this.log = log;
            this.probes = probes;
        }
    }

    /** Tells AppTrack a session's new route (APPTRACK_SESSION_ROUTE_UPDATE, RT_FLOW_NEXTHOP_CHANGE). */
    interface RouteSink {
        boolean updateRoute(long sessionId, SessionRoute route);
    }

    /** Creates the probe session of a path; the OSGi component gives STAMP and HTTP HEAD senders. */
    interface ProbeFactory {
        ProbeSession create(PathConfig path, ActiveProbeConfig params, PathMonitor monitor);
    }

    private final AppQoeConfig config;
    private final Environment env;
    private final Map<String, PathMonitor> monitors = new LinkedHashMap<>();
    private final Map<String, SteeringPath> steeringPaths = new LinkedHashMap<>();
    private final List<ProbeSession> probeSessions = new ArrayList<>();
    private final Map<String, ApplicationSelection> selections = new LinkedHashMap<>();
    private final Map<Long, ApplicationSelection> selectionOfSession = new LinkedHashMap<>();
    private final Map<ApplicationSelection, PassiveSamples> passive = new LinkedHashMap<>();
    private final Deque<PathSwitch> history = new ArrayDeque<>();
    /** When each path's probe session was last reported (probe I/O threads). */
    private final Map<String, Long> lastExport = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String actuatorError = NONE;
    private volatile boolean steering;

    AppQoeRuntime(AppQoeConfig config, Environment env) {
        this.config = config;
        this.env = env;
        int index = 1;
        for (DestinationGroupConfig g : config.destinationGroups().values()) {
            for (PathConfig p : g.paths()) {
                monitors.put(p.id(), new PathMonitor(p, this, env.wallClock));
                steeringPaths.put(p.id(), new SteeringPath(p.id(), index++, p.interfaceName(), p.gateway(),
                        p.connectPoint(), p.sourceAddress()));
            }
        }
        Map<String, Boolean> probed = new LinkedHashMap<>();
        for (ApbrProfileConfig profile : config.apbrProfiles().values()) {
            for (ApbrRuleConfig rule : profile.rules()) {
                SlaRuleConfig sla = rule.slaRule();
                if (sla == null) {
                    continue;
                }
                for (PathConfig p : rule.destinationGroup().paths()) {
                    PathMonitor m = monitors.get(p.id());
                    ActiveProbeConfig params = sla.activeProbe();
                    if (params == null) {
                        // passive sampling only: the rule's sessions are measured, the path not probed
                        m.judgeBy(sla.rule(), "");
                        continue;
                    }
                    m.judgeBy(sla.rule(), params.name());
                    if (probed.putIfAbsent(p.id() + '\u0000' + params.name(), Boolean.TRUE) == null) {
                        probeSessions.add(env.probes.create(p, params, m));
                    }
                }
            }
        }
    }

    /** Prepares the actuator's paths and starts probing (on the caller's thread). */
    void start() {
        try {
            env.actuator.preparePaths(new ArrayList<>(steeringPaths.values()));
            steering = env.actuator.steers();
        } catch (SteeringException | RuntimeException e) {
            steering = false;
            actuatorError = env.actuator.name() + ": " + e.getMessage();
        }
        for (ProbeSession s : probeSessions) {
            s.start();
        }
    }

    /** Stops probing and removes what the actuator created. */
    void stop() {
        for (ProbeSession s : probeSessions) {
            s.stop();
        }
        env.actuator.close();
    }

    AppQoeConfig config() {
        return config;
    }

    // ---- inputs: AppTrack events and time, all handed to the worker --------------------------

    /** An AppTrack session event (any thread). */
    void sessionEvent(AppTrackSessionEvent event) {
        env.worker.execute(() -> {
            switch (event.type()) {
                case APPLICATION_IDENTIFIED:
                    identified(event.subject());
                    break;
                case SESSION_CLOSED:
                    closed(event.subject());
                    break;
                default:
                    break;
            }
        });
    }

    /** Periodic: closes sampling periods, sends reports, re-evaluates every selection (worker thread). */
    void tick() {
        long now = env.monotonicNanos.getAsLong();
        for (PathMonitor m : monitors.values()) {
            m.tick(now);
        }
        for (ApplicationSelection s : new ArrayList<>(selections.values())) {
            reselect(s, now);
            reportPassive(s, now);
        }
    }

    @Override
    public void slaEvent(PathMonitor monitor, SlaEvent event) {
        env.worker.execute(() -> onSla(monitor, event));
    }

    @Override
    public void periodClosed(PathMonitor monitor, SlaRule rule, PeriodMetrics period) {
        PathConfig path = monitor.config();
        SlaRuleConfig sla = config.slaRules().get(rule.name());
        if (sla == null || !monitor.reportsFor(rule.name())) {
            return;
        }
        // Junos sla-export-interval: one report per path and probe parameters per interval, the
        // first at the first closed period, each with the figures of the period that just closed.
        long now = env.monotonicNanos.getAsLong();
        String key = path.id() + '\u0000' + sla.activeProbe().name();
        Long last = lastExport.get(key);
        if (last != null && now - last < sla.activeProbe().slaExportInterval().toNanos()) {
            return;
        }
        lastExport.put(key, now);
        DestinationGroupConfig group = config.destinationGroups().get(path.group());
        String routingInstance = group == null ? NONE : group.routingInstance();
        long monitoring = rule.samplingPeriodNanos() / 1_000_000L;
        env.worker.execute(() -> {
            env.log.activeReport(path, routingInstance, sla.activeProbe(), period, monitoring);
            reportApplicationsOn(path, rule, period, monitoring);
        });
    }

    /** APPQOE_APP_ACTIVE_SLA_METRIC_REPORT for each application whose active path this is, under this rule. */
    private void reportApplicationsOn(PathConfig path, SlaRule rule, PeriodMetrics period, long monitoring) {
        for (ApplicationSelection s : selections.values()) {
            if (s.sla != null && s.sla.name().equals(rule.name()) && s.group.name().equals(path.group())
                    && s.selector.current().map(p -> p.name().equals(path.name())).orElse(false)) {
                env.log.applicationActiveReport(s, path, period, monitoring);
            }
        }
    }

    // ---- worker thread ------------------------------------------------------------------------

    private void identified(SessionInfo info) {
        long id = info.sessionId();
        ApplicationSelection before = selectionOfSession.get(id);
        ApbrRuleConfig rule = match(info);
        String application = applicationName(info);
        ApplicationSelection now = rule == null ? null : selection(rule, application);
        if (before == now) {
            return;
        }
        if (before != null) {
            leave(before, id);
        }
        if (now == null) {
            return;
        }
        SessionAddress client = SessionAddress.parse(info.clientAddress());
        SessionAddress server = SessionAddress.parse(info.serverAddress());
        if (client == null || server == null) {
            return;
        }
        SteeredFlow flow = new SteeredFlow(info, new SteeredSession(id, info.protocol(), client.address,
                info.clientPort(), server.address, info.serverPort(), application));
        now.flows.put(id, flow);
        selectionOfSession.put(id, now);
        long t = env.monotonicNanos.getAsLong();
        if (now.selector.current().isEmpty()) {
            reselect(now, t);
        }
        if (flow.pathName == null) {
            now.selector.current().ifPresent(p -> assign(now, flow, pathConfig(now, p.name())));
        }
        samplePassive(now, info);
    }

    private void closed(SessionInfo info) {
        ApplicationSelection s = selectionOfSession.get(info.sessionId());
        if (s != null) {
            leave(s, info.sessionId());
        }
    }

    private void leave(ApplicationSelection s, long sessionId) {
        SteeredFlow flow = s.flows.remove(sessionId);
        selectionOfSession.remove(sessionId);
        if (flow != null && flow.steered) {
            env.actuator.release(flow.session);
        }
        if (s.flows.isEmpty()) {
            Optional<PathDecision> d = s.selector.sessionClosed(env.monotonicNanos.getAsLong());
            d.ifPresent(decision -> decided(s, decision));
        }
    }

    private void onSla(PathMonitor monitor, SlaEvent event) {
        long wall = env.wallClock.currentTimeMillis();
        monitor.noteViolation(event.rule().name(), event.type() == SlaEvent.Type.VIOLATION ? wall : 0);
        long now = env.monotonicNanos.getAsLong();
        for (ApplicationSelection s : new ArrayList<>(selections.values())) {
            if (s.sla == null || !s.sla.name().equals(event.rule().name())
                    || !s.group.name().equals(monitor.config().group())) {
                continue;
            }
            String violatedPath = monitor.config().name();
            boolean onIt = s.selector.current().map(p -> p.name().equals(violatedPath)).orElse(false);
            // The tick may have seen the path die and switched before this event reached the
            // worker: the application was on the path when it violated all the same.
            boolean leftItForThis = violatedPath.equals(s.lastSwitchFrom) && s.lastSwitchNanos >= event.timeNanos();
            boolean active = onIt || leftItForThis;
            if (event.type() == SlaEvent.Type.VIOLATION && active) {
                s.violationStartMillis = wall;
                env.log.applicationSlaViolation(s, monitor.config(), event);
            }
            if (event.type() == SlaEvent.Type.VIOLATION) {
                boolean moved = leftItForThis && config.steering().existingSessions() == ExistingSessions.MOVE;
                String movedTo = moved ? s.selector.current().map(p -> p.name()).orElse(null) : null;
                for (SteeredFlow f : s.flows.values()) {
                    if (violatedPath.equals(f.pathName) || (movedTo != null && movedTo.equals(f.pathName))) {
                        env.log.sessionSlaViolation(s, f.info, monitor.config(), event);
                    }
                }
            }
            reselect(s, now);
        }
    }

    private void reselect(ApplicationSelection s, long now) {
        if (s.flows.isEmpty()) {
            return;
        }
        List<PathState> states = new ArrayList<>();
        for (PathConfig p : s.group.paths()) {
            states.add(monitors.get(p.id()).snapshot(s.slaRuleName()));
        }
        s.selector.select(now, states).ifPresent(d -> decided(s, d));
    }

    private void decided(ApplicationSelection s, PathDecision d) {
        PathConfig previous = d.previous() == null ? null : pathConfig(s, d.previous().name());
        PathConfig chosen = d.chosen() == null ? null : pathConfig(s, d.chosen().name());
        long wall = env.wallClock.currentTimeMillis();
        long violationSeconds = s.violationStartMillis == 0 ? 0 : Math.max(0, (wall - s.violationStartMillis) / 1000);
        env.log.applicationPathSelected(s, d, previous, chosen, violationSeconds);
        s.lastReason = d.reason().logText();
        s.lastSwitchMillis = wall;
        s.lastSwitchFrom = previous == null ? null : previous.name();
        s.lastSwitchNanos = d.timeNanos();
        if (chosen != null) {
            s.violationStartMillis = 0;
        }
        history.addFirst(new PathSwitch(wall, s.profile, s.rule.name(), s.application, s.group.name(),
                previous == null ? NONE : previous.name(), chosen == null ? NONE : chosen.name(),
                d.reason().logText(), s.flows.size()));
        while (history.size() > SWITCH_HISTORY) {
            history.removeLast();
        }
        if (chosen == null) {
            return;
        }
        boolean move = config.steering().existingSessions() == ExistingSessions.MOVE;
        for (SteeredFlow f : s.flows.values()) {
            if (f.pathName == null || (move && !f.pathName.equals(chosen.name()))) {
                assign(s, f, chosen);
            }
        }
    }

    /** Gives one session the path: the actuator moves it, AppTrack logs its new route, we log the choice. */
    private void assign(ApplicationSelection s, SteeredFlow flow, PathConfig path) {
        PathConfig previous = flow.pathName == null ? null : pathConfig(s, flow.pathName);
        flow.pathName = path.name();
        if (steering) {
            try {
                env.actuator.steer(flow.session, steeringPaths.get(path.id()));
                flow.steered = true;
            } catch (SteeringException | RuntimeException e) {
                flow.steered = false;
                actuatorError = env.actuator.name() + ": " + e.getMessage();
            }
        }
        env.routes.updateRoute(flow.session.id(), SessionRoute.builder()
                .profileName(s.profile)
                .ruleName(s.rule.name())
                .routingInstance(s.group.routingInstance())
                .destinationInterface(path.interfaceName())
                .apbrPolicyName(s.slaRuleName())
                .apbrRuleType(s.rule.match().needsApplication() ? "application" : "default")
                .build());
        env.log.sessionPathSelected(s, flow.info, previous, path);
    }

    private void samplePassive(ApplicationSelection s, SessionInfo info) {
        if (s.sla == null || s.sla.samplingPercentage() <= 0) {
            return;
        }
        long rtt = info.number(SessionAttribute.SERVER_RTT_MICROS);
        // Sample by session id so the choice is stable and spread evenly, with no random source.
        if (rtt <= 0 || Math.floorMod(info.sessionId() * 0x9E3779B97F4A7C15L >>> 32, 100) >= s.sla.samplingPercentage()) {
            return;
        }
        passive.computeIfAbsent(s, k -> new PassiveSamples(env.monotonicNanos.getAsLong())).add(rtt);
        Optional<org.apptrack.appqoe.select.Path> current = s.selector.current();
        if (current.isPresent()) {
            long age = Math.max(0, info.number(SessionAttribute.LAST_SEEN_MILLIS) - info.number(SessionAttribute.START_MILLIS));
            env.log.sessionPassiveReport(s, info, pathConfig(s, current.get().name()), rtt, age);
        }
    }

    private void reportPassive(ApplicationSelection s, long now) {
        PassiveSamples samples = passive.get(s);
        if (samples == null || s.sla == null || !samples.due(now, s.sla.rule().samplingPeriodNanos())) {
            return;
        }
        Optional<org.apptrack.appqoe.select.Path> current = s.selector.current();
        if (samples.samples() > 0 && current.isPresent()) {
            env.log.passiveReport(s, pathConfig(s, current.get().name()), samples.current(), samples.minRtt(),
                    samples.maxRtt(), samples.monitoringMillis(now));
        }
        samples.restart(now);
    }

    private ApbrRuleConfig match(SessionInfo info) {
        ApbrProfileConfig profile = config.profileForZone(info.sourceZone());
        if (profile == null) {
            return null;
        }
        SessionAddress client = SessionAddress.parse(info.clientAddress());
        SessionAddress server = SessionAddress.parse(info.serverAddress());
        if (client == null || server == null) {
            return null;
        }
        return profile.firstMatch(info.application(), info.text(SessionAttribute.NESTED_APPLICATION),
                info.protocol(), client.high, client.low, server.high, server.low, info.serverPort(),
                (int) info.number(SessionAttribute.DSCP));
    }

    private static String applicationName(SessionInfo info) {
        String nested = info.text(SessionAttribute.NESTED_APPLICATION);
        return nested.isEmpty() || "UNKNOWN".equals(nested) ? info.application() : nested;
    }

    private ApplicationSelection selection(ApbrRuleConfig rule, String application) {
        String key = ApplicationSelection.key(rule.profile(), rule.name(), application);
        return selections.computeIfAbsent(key, k -> {
            SlaRuleConfig sla = rule.slaRule();
            long hold = sla == null ? 0 : sla.switchIdleTimeNanos();
            return new ApplicationSelection(rule.profile(), rule, application, rule.destinationGroup(), sla,
                    new PathSelector(rule.destinationGroup().name(), rule.linkPreference(), hold));
        });
    }

    private PathConfig pathConfig(ApplicationSelection s, String pathName) {
        return s.group.path(pathName);
    }

    // ---- views (any thread: copies) -----------------------------------------------------------

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public String actuator() {
        return env.actuator.name();
    }

    @Override
    public boolean steering() {
        return steering;
    }

    @Override
    public String actuatorError() {
        return actuatorError;
    }

    @Override
    public List<PathStatus> paths() {
        List<PathStatus> out = new ArrayList<>();
        for (PathMonitor m : monitors.values()) {
            PathConfig p = m.config();
            out.add(new PathStatus(p.group(), p.name(), p.interfaceName(), p.path().linkTag(), p.path().priority(),
                    p.path().weight(), m.lastPeriod(), m.slaStates()));
        }
        return out;
    }

    @Override
    public List<ApplicationPath> applications() {
        return onWorker(() -> {
            List<ApplicationPath> out = new ArrayList<>();
            for (ApplicationSelection s : selections.values()) {
                Optional<org.apptrack.appqoe.select.Path> current = s.selector.current();
                PathConfig active = current.map(p -> pathConfig(s, p.name())).orElse(null);
                out.add(new ApplicationPath(s.profile, s.rule.name(), s.application, s.group.name(), s.slaRuleName(),
                        active == null ? NONE : active.name(), active == null ? NONE : active.interfaceName(),
                        s.flows.size(), s.steeredCount(), s.lastReason, s.lastSwitchMillis));
            }
            return out;
        });
    }

    @Override
    public List<ProbeStatus> probes() {
        List<ProbeStatus> out = new ArrayList<>();
        for (ProbeSession s : probeSessions) {
            out.add(s.status());
        }
        return out;
    }

    @Override
    public List<PathSwitch> switches(int limit) {
        return onWorker(() -> {
            List<PathSwitch> out = new ArrayList<>();
            for (PathSwitch s : history) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(s);
            }
            return out;
        });
    }

    /** Runs a read of worker-owned state on the worker and waits for it (bounded wait). */
    private <T> T onWorker(java.util.function.Supplier<T> read) {
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        try {
            env.worker.execute(() -> f.complete(read.get()));
            return f.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading AppQoE state", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                | java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("AppQoE is busy: " + e, e);
        }
    }

    static boolean probesOverStamp(ActiveProbeConfig params) {
        return params.type() == ProbeType.STAMP;
    }
}
