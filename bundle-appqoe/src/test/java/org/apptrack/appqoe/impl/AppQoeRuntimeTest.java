package org.apptrack.appqoe.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apptrack.api.time.Clock;
import org.apptrack.apptrack.api.AppTrackSessionEvent;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.appqoe.api.ApplicationPath;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.appqoe.api.SlaTargets;
import org.apptrack.appqoe.config.AppQoeConfig;
import org.apptrack.appqoe.config.AppQoeSettings;
import org.apptrack.appqoe.sla.ViolationReason;
import org.junit.jupiter.api.Test;

/**
 * The runtime with a manual clock, a direct worker and recording actuator and logs: probe results
 * are fed to the path monitors as the probe sessions would, sessions arrive as AppTrack's events.
 */
class AppQoeRuntimeTest {

    private static final long MS = 1_000_000L;
    private static final long SPACING = 100 * MS;

    private long mono = 1_000_000_000_000L;
    private long wall = 1_700_000_000_000L;
    private final RecordingActuator actuator = new RecordingActuator();
    private final RecordingLog log = new RecordingLog();
    private final List<String> routes = new ArrayList<>();
    private final Map<String, PathMonitor> monitors = new HashMap<>();
    private AppQoeRuntime runtime;
    /** While set, work handed to the worker waits in {@link #deferred} (a busy worker). */
    private boolean deferring;
    private final List<Runnable> deferred = new ArrayList<>();

    private static Map<String, Object> base() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("enabled", "true");
        p.put("pathGroup.site1.routingInstance", "ri1");
        String[][] paths = {{"ISP1", "up1", "10"}, {"ISP2", "up2", "20"}, {"ISP3", "up3", "30"}};
        int n = 1;
        for (String[] path : paths) {
            String k = "pathGroup.site1.path." + path[0] + ".";
            p.put(k + "interface", path[1]);
            p.put(k + "linkTag", path[0]);
            p.put(k + "priority", path[2]);
            p.put(k + "sourceAddress", "10.61." + n + ".1");
            p.put(k + "reflector", "10.61." + n + ".2");
            n++;
        }
        p.put("activeProbe.pp1.interval", "100ms");
        p.put("activeProbe.pp1.dscp", "ef");
        p.put("metricsProfile.m1.rtt", "50000");
        p.put("slaRule.sla1.metricsProfile", "m1");
        p.put("slaRule.sla1.activeProbeParams", "pp1");
        p.put("slaRule.sla1.passive.samplingPeriod", "2s");
        p.put("slaRule.sla1.passive.violationCount", "3");
        p.put("slaRule.sla1.passive.samplingPercentage", "100");
        p.put("slaRule.sla1.switchIdleTime", "10s");
        p.put("slaRule.sla1.recoveryPeriods", "2");
        p.put("apbrProfile.apbr1.zone", "trust");
        p.put("apbrProfile.apbr1.rule.web.order", "10");
        p.put("apbrProfile.apbr1.rule.web.application", "HTTP");
        p.put("apbrProfile.apbr1.rule.web.destinationGroup", "site1");
        p.put("apbrProfile.apbr1.rule.web.slaRule", "sla1");
        p.put("apbrProfile.apbr1.rule.voice.order", "5");
        p.put("apbrProfile.apbr1.rule.voice.protocol", "udp");
        p.put("apbrProfile.apbr1.rule.voice.dscp", "ef");
        p.put("apbrProfile.apbr1.rule.voice.destinationGroup", "site1");
        p.put("apbrProfile.apbr1.rule.voice.preferredLinkTag", "ISP2");
        p.put("apbrProfile.apbr1.rule.ssh.order", "20");
        p.put("apbrProfile.apbr1.rule.ssh.protocol", "tcp");
        p.put("apbrProfile.apbr1.rule.ssh.destinationPort", "22");
        p.put("apbrProfile.apbr1.rule.ssh.destinationGroup", "site1");
        p.put("apbrProfile.apbr1.rule.ssh.slaRule", "sla1");
        p.put("apbrProfile.apbr1.rule.ssh.preferredLinkTag", "ISP3");
        p.put("apbrProfile.apbr1.rule.ssh.affinity", "strict");
        return p;
    }

    private void start(Map<String, Object> properties) {
        AppQoeConfig config = AppQoeSettings.parse(properties);
        Clock wallClock = () -> wall * 1_000_000L;
        AppQoeRuntime.Environment env = new AppQoeRuntime.Environment(wallClock, () -> mono, task -> {
            if (deferring) {
                deferred.add(task);
            } else {
                task.run();
            }
        }, actuator,
                (id, route) -> routes.add(id + " " + route.destinationInterface() + " " + route.ruleName()), log,
                (path, params, monitor) -> {
                    monitors.put(path.name(), monitor);
                    return new IdleProbeSession(path, params);
                });
        runtime = new AppQoeRuntime(config, env);
        runtime.start();
    }

    /** One probe round on every path (RTT in microseconds, -1: lost), then the worker's tick. */
    private void round(long isp1, long isp2, long isp3) {
        feed("ISP1", isp1);
        feed("ISP2", isp2);
        feed("ISP3", isp3);
        runtime.tick();
        mono += SPACING;
        wall += 100;
    }

    private void rounds(int n, long isp1, long isp2, long isp3) {
        for (int i = 0; i < n; i++) {
            round(isp1, isp2, isp3);
        }
    }

    private void feed(String path, long rtt) {
        PathMonitor m = monitors.get(path);
        if (rtt < 0) {
            m.lost("pp1", mono);
        } else {
            m.answered("pp1", mono, rtt, rtt / 2, rtt / 2, true);
        }
    }

    private static SessionInfo session(long id, String application, int protocol, int serverPort, long handshakeMicros) {
        return SessionInfo.builder()
                .put(SessionAttribute.SESSION_ID, id)
                .put(SessionAttribute.CLIENT_ADDRESS, "10.60.0.2")
                .put(SessionAttribute.CLIENT_PORT, 40000 + id)
                .put(SessionAttribute.SERVER_ADDRESS, "10.62.0.1")
                .put(SessionAttribute.SERVER_PORT, serverPort)
                .put(SessionAttribute.PROTOCOL, protocol)
                .put(SessionAttribute.APPLICATION, application)
                .put(SessionAttribute.NESTED_APPLICATION, "UNKNOWN")
                .put(SessionAttribute.SOURCE_ZONE, "trust")
                .put(SessionAttribute.SERVER_RTT_MICROS, handshakeMicros)
                .build();
    }

    private void identified(SessionInfo s) {
        runtime.sessionEvent(new AppTrackSessionEvent(AppTrackSessionEvent.Type.APPLICATION_IDENTIFIED, s, wall, ""));
    }

    private void closed(SessionInfo s) {
        runtime.sessionEvent(new AppTrackSessionEvent(AppTrackSessionEvent.Type.SESSION_CLOSED, s, wall, "TCP FIN"));
    }

    private ApplicationPath app(String application) {
        return runtime.applications().stream().filter(a -> a.application().equals(application)).findFirst()
                .orElseThrow();
    }

    @Test
    void anApplicationTakesTheBestPathAndMovesWhenItsSlaIsViolated() {
        Map<String, Object> p = base();
        p.put("steering.existingSessions", "move");
        start(p);
        rounds(25, 10_000, 10_000, 10_000);
        SessionInfo s1 = session(1, "HTTP", 6, 80, 0);
        identified(s1);
        assertEquals("ISP1", app("HTTP").activePath(), "all met: the highest priority");
        assertEquals(List.of("steer 1 site1/ISP1"), actuator.calls);
        assertEquals(List.of("1 up1 web"), routes);
        assertEquals("app detected", log.appSelections.get(0));

        // ISP1's RTT steps above the 50 ms target: the third bad sample violates, the app moves.
        round(90_000, 10_000, 10_000);
        round(90_000, 10_000, 10_000);
        assertEquals("ISP1", app("HTTP").activePath());
        round(90_000, 10_000, 10_000);
        assertEquals("ISP2", app("HTTP").activePath());
        assertEquals("sla violated", app("HTTP").lastReason());
        assertEquals(List.of("steer 1 site1/ISP1", "steer 1 site1/ISP2"), actuator.calls, "move: the session follows");
        assertEquals("1 up2 web", routes.get(1));
        assertEquals(List.of("violation up1 " + ViolationReason.RTT, "session 1 violation up1 " + ViolationReason.RTT),
                log.violations);
        assertEquals(2, runtime.switches(10).size(), "app detected, then one switch");
        assertEquals("ISP2", runtime.switches(10).get(0).path());
    }

    @Test
    void aRuleThatOnlySamplesPassivelyProbesNothingAndStillPlacesTheApplication() {
        Map<String, Object> p = base();
        p.remove("slaRule.sla1.activeProbeParams");
        start(p);
        assertTrue(monitors.isEmpty(), "no probe session: " + monitors.keySet());
        identified(session(1, "HTTP", 6, 80, 5_000));
        runtime.tick();
        assertEquals("up1", app("HTTP").activeInterface(), app("HTTP").toString());
    }

    @Test
    void noFlappingAroundTheTargetAndReturnOnlyAfterTheHoldTime() {
        start(base());
        rounds(25, 10_000, 10_000, 10_000);
        identified(session(1, "HTTP", 6, 80, 0));
        // ISP1 alternates around the target for 10 simulated minutes: 3 bad, 3 good, ...
        int switches = 0;
        String last = app("HTTP").activePath();
        long holdRounds = 10_000 / 100;
        long sinceSwitch = Long.MAX_VALUE;
        long minGap = Long.MAX_VALUE;
        for (int i = 0; i < 6_000; i++) {
            round((i / 3) % 2 == 0 ? 80_000 : 20_000, 10_000, 10_000);
            String now = app("HTTP").activePath();
            sinceSwitch = sinceSwitch == Long.MAX_VALUE ? Long.MAX_VALUE : sinceSwitch + 1;
            if (!now.equals(last)) {
                switches++;
                minGap = Math.min(minGap, sinceSwitch);
                sinceSwitch = 0;
                last = now;
            }
        }
        assertTrue(switches >= 1, "the violation moved the application");
        assertTrue(minGap >= holdRounds, "switches closer than switch-idle-time: " + minGap + " rounds");
        assertTrue(switches <= 6_000 / holdRounds, "at most one switch per switch-idle-time: " + switches);
    }

    @Test
    void recoveredHigherPriorityPathIsTakenBackAfterTheHoldTime() {
        start(base());
        rounds(25, 10_000, 10_000, 10_000);
        identified(session(1, "HTTP", 6, 80, 0));
        rounds(3, 90_000, 10_000, 10_000);
        assertEquals("ISP2", app("HTTP").activePath());
        // ISP1 recovers at once, but two clean periods (4 s) and the 10 s hold must pass.
        rounds(50, 10_000, 10_000, 10_000);
        assertEquals("ISP2", app("HTTP").activePath(), "5 s after the switch: held");
        rounds(60, 10_000, 10_000, 10_000);
        assertEquals("ISP1", app("HTTP").activePath());
        assertEquals("switch to higher priority link", app("HTTP").lastReason());
    }

    @Test
    void aDeadPathIsLeftAtOnceEvenWithinTheHoldTime() {
        start(base());
        rounds(25, 10_000, 10_000, 10_000);
        identified(session(1, "HTTP", 6, 80, 0));
        rounds(3, 90_000, 10_000, 10_000);
        assertEquals("ISP2", app("HTTP").activePath());
        rounds(3, 90_000, -1, 10_000);
        assertEquals("ISP3", app("HTTP").activePath(), "ISP2 dead one second after the last switch");
    }

    @Test
    void aPathThatDiesIsReportedViolatedEvenWhenTheTickSwitchedBeforeTheEventArrived() {
        start(base());
        rounds(25, 10_000, 10_000, 10_000);
        identified(session(1, "HTTP", 6, 80, 0));
        deferring = true;
        for (int i = 0; i < 3; i++) {
            feed("ISP1", -1);
            mono += SPACING;
        }
        assertEquals(1, deferred.size(), "the violation waits for the worker");
        runtime.tick();
        assertEquals(List.of("app detected", "sla violated"), log.appSelections, "the tick saw ISP1 dead and left it");
        deferring = false;
        deferred.forEach(Runnable::run);
        assertEquals(2, log.violations.size(), log.violations.toString());
        assertTrue(log.violations.get(0).startsWith("violation up1 "), log.violations.toString());
        assertTrue(log.violations.get(1).startsWith("session 1 violation up1 "), log.violations.toString());
    }

    @Test
    void staySessionsKeepTheirPathNewOnesTakeTheNewOne() {
        start(base());
        rounds(25, 10_000, 10_000, 10_000);
        SessionInfo s1 = session(1, "HTTP", 6, 80, 0);
        identified(s1);
        rounds(3, 90_000, 10_000, 10_000);
        assertEquals("ISP2", app("HTTP").activePath());
        assertEquals(List.of("steer 1 site1/ISP1"), actuator.calls, "stay: the existing session is not moved");
        SessionInfo s2 = session(2, "HTTP", 6, 80, 0);
        identified(s2);
        assertEquals(List.of("steer 1 site1/ISP1", "steer 2 site1/ISP2"), actuator.calls);
        closed(s1);
        closed(s2);
        assertEquals(List.of("steer 1 site1/ISP1", "steer 2 site1/ISP2", "release 1", "release 2"), actuator.calls);
        assertEquals("", app("HTTP").activePath(), "the last session closed the selection");
        assertEquals("session close", app("HTTP").lastReason());
    }

    @Test
    void strictAffinityNeverLeavesThePreferredTagAndPortRulesNeedNoApplication() {
        start(base());
        rounds(25, 10_000, 10_000, 10_000);
        identified(session(7, "SSH", 6, 22, 0));
        assertEquals("ISP3", app("SSH").activePath());
        assertEquals("ssh", app("SSH").rule());
        rounds(100, 10_000, 10_000, -1);
        assertEquals("ISP3", app("SSH").activePath(), "strict: no other tag even when ISP3 is dead");
    }

    @Test
    void aDscpRuleMatchesTheSessionsFirstPacketsDscp() {
        start(base());
        rounds(25, 10_000, 10_000, 10_000);
        SessionInfo ef = SessionInfo.builder()
                .put(SessionAttribute.SESSION_ID, 9)
                .put(SessionAttribute.CLIENT_ADDRESS, "10.60.0.2")
                .put(SessionAttribute.CLIENT_PORT, 5004)
                .put(SessionAttribute.SERVER_ADDRESS, "10.62.0.1")
                .put(SessionAttribute.SERVER_PORT, 5004)
                .put(SessionAttribute.PROTOCOL, 17)
                .put(SessionAttribute.APPLICATION, "RTP")
                .put(SessionAttribute.NESTED_APPLICATION, "UNKNOWN")
                .put(SessionAttribute.SOURCE_ZONE, "trust")
                .put(SessionAttribute.DSCP, 46)
                .build();
        identified(ef);
        assertEquals("voice", app("RTP").rule());
        assertEquals("ISP2", app("RTP").activePath());
        identified(session(10, "RTP", 17, 5004, 0));
        assertEquals(1, app("RTP").sessions(), "best effort RTP matches no rule");
    }

    @Test
    void sessionsOfOtherZonesOrUnmatchedApplicationsAreLeftAlone() {
        start(base());
        rounds(25, 10_000, 10_000, 10_000);
        identified(session(3, "DNS", 17, 53, 0));
        assertTrue(runtime.applications().isEmpty());
        assertTrue(actuator.calls.isEmpty());
        assertTrue(routes.isEmpty());
    }

    @Test
    void passiveReportsCarryTheSampledHandshakeTimes() {
        start(base());
        rounds(25, 10_000, 10_000, 10_000);
        identified(session(1, "HTTP", 6, 80, 12_000));
        identified(session(2, "HTTP", 6, 80, 18_000));
        rounds(25, 10_000, 10_000, 10_000);
        assertEquals(List.of("session 1 up1 rtt 12000", "session 2 up1 rtt 18000",
                "passive up1 mean 15000 min 12000 max 18000"), log.passive);
    }

    @Test
    void activeReportsGoOutOncePerExportInterval() {
        start(base());
        rounds(61, 10_000, 10_000, 10_000);
        assertEquals(3, log.active.size(), "three 2 s periods closed, the default 60 s interval: one report per path");
        Map<String, Object> p = base();
        p.put("activeProbe.pp1.slaExportInterval", "2s");
        log.active.clear();
        start(p);
        rounds(61, 10_000, 10_000, 10_000);
        assertEquals(9, log.active.size(), "every period of every path: " + log.active);
    }

    @Test
    void viewsShowPathsProbesAndTheirState() {
        start(base());
        rounds(25, 10_000, 10_000, 10_000);
        rounds(3, 90_000, 10_000, 10_000);
        List<PathStatus> paths = runtime.paths();
        assertEquals(3, paths.size());
        assertEquals("violated", paths.get(0).sla().get(0).state());
        assertEquals("met", paths.get(1).sla().get(0).state());
        assertEquals(10_000, paths.get(1).lastPeriod().rttMeanMicros());
        assertEquals(1_700_000_002_000L, paths.get(1).lastPeriod().endMillis(), "closed 2 s after the first probe");
        assertEquals(new SlaTargets(50_000, 0, "two-way", 0, "any"), paths.get(1).sla().get(0).targets(),
                "metrics profile m1: rtt only, the defaults");
        rounds(12, 10_000, 10_000, 10_000);
        assertEquals(1_700_000_002_000L, runtime.paths().get(1).lastPeriod().endMillis(), "the next one not yet");
        round(10_000, 10_000, 10_000);
        assertEquals(1_700_000_004_000L, runtime.paths().get(1).lastPeriod().endMillis());
        List<ProbeStatus> probes = runtime.probes();
        assertEquals(3, probes.size());
        assertEquals(46, probes.get(0).dscp());
        assertEquals("recording", runtime.actuator());
        assertTrue(runtime.steering());
    }

    @Test
    void anActuatorThatCannotPrepareLeavesAppQoeMeasuringAndSaysWhy() {
        actuator.prepareError = "nft: Operation not permitted";
        start(base());
        rounds(25, 10_000, 10_000, 10_000);
        identified(session(1, "HTTP", 6, 80, 0));
        assertEquals("ISP1", app("HTTP").activePath(), "still decides and logs");
        assertTrue(actuator.calls.isEmpty(), "but steers nothing");
        assertEquals(0, app("HTTP").steeredSessions());
        assertTrue(runtime.actuatorError().contains("Operation not permitted"), runtime.actuatorError());
        assertEquals(1, routes.size(), "AppTrack still logs the route AppQoE chose");
    }
}
