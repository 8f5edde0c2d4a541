package org.apptrack.appqoe.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apptrack.api.time.Clock;
import org.apptrack.apptrack.api.AppTrackSessionEvent;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.appqoe.config.AppQoeSettings;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.testing.RecordingSecurityLog;
import org.junit.jupiter.api.Test;

/**
 * What the runtime's decisions look like in the security log: the runtime of
 * {@link AppQoeRuntimeTest} with the real log writer and a recording security log.
 */
class SecurityLogAppQoeLogTest {

    private static final long SPACING = 100_000_000L;

    private final RecordingSecurityLog securityLog = new RecordingSecurityLog();
    private final Map<String, PathMonitor> monitors = new HashMap<>();
    private long mono = 1_000_000_000_000L;
    private AppQoeRuntime runtime;

    private void start() {
        start(Map.of());
    }

    private void start(Map<String, String> extra) {
        Map<String, Object> p = new HashMap<>();
        p.put("enabled", "true");
        p.put("pathGroup.site1.routingInstance", "ri1");
        p.put("pathGroup.site1.path.ISP1.interface", "up1");
        p.put("pathGroup.site1.path.ISP1.linkTag", "ISP1");
        p.put("pathGroup.site1.path.ISP1.priority", "10");
        p.put("pathGroup.site1.path.ISP1.sourceAddress", "10.61.1.1");
        p.put("pathGroup.site1.path.ISP1.reflector", "10.61.1.2");
        p.put("pathGroup.site1.path.ISP2.interface", "up2");
        p.put("pathGroup.site1.path.ISP2.linkTag", "ISP2");
        p.put("pathGroup.site1.path.ISP2.priority", "20");
        p.put("pathGroup.site1.path.ISP2.sourceAddress", "10.61.2.1");
        p.put("pathGroup.site1.path.ISP2.reflector", "10.61.2.2");
        p.put("activeProbe.pp1.interval", "100ms");
        p.put("activeProbe.pp1.dscp", "ef");
        p.put("metricsProfile.m1.rtt", "50000");
        p.put("metricsProfile.m1.jitter", "20000");
        p.put("slaRule.sla1.metricsProfile", "m1");
        p.put("slaRule.sla1.activeProbeParams", "pp1");
        p.put("slaRule.sla1.passive.samplingPeriod", "2s");
        p.put("apbrProfile.apbr1.zone", "trust");
        p.put("apbrProfile.apbr1.rule.web.application", "HTTP");
        p.put("apbrProfile.apbr1.rule.web.destinationGroup", "site1");
        p.put("apbrProfile.apbr1.rule.web.slaRule", "sla1");
        p.put("steering.existingSessions", "move");
        p.putAll(extra);
        Clock wall = () -> 1_700_000_000_000_000_000L;
        runtime = new AppQoeRuntime(AppQoeSettings.parse(p), new AppQoeRuntime.Environment(wall, () -> mono,
                Runnable::run, new RecordingActuator(), (id, route) -> true, new SecurityLogAppQoeLog(securityLog, wall),
                (path, params, monitor) -> {
                    monitors.put(path.name(), monitor);
                    return new IdleProbeSession(path, params);
                }));
        runtime.start();
    }

    private void rounds(int n, long isp1, long isp2) {
        for (int i = 0; i < n; i++) {
            monitors.get("ISP1").answered("pp1", mono, isp1, isp1 / 2, isp1 / 2, true);
            monitors.get("ISP2").answered("pp1", mono, isp2, isp2 / 2, isp2 / 2, true);
            runtime.tick();
            mono += SPACING;
        }
    }

    /** An HTTP session from zone trust to CNN over HTTPS, its application known. */
    private static SessionInfo.Builder httpsToCnn(long id, String client, int clientPort) {
        return SessionInfo.builder()
                .put(SessionAttribute.SESSION_ID, id)
                .put(SessionAttribute.CLIENT_ADDRESS, client)
                .put(SessionAttribute.CLIENT_PORT, clientPort)
                .put(SessionAttribute.SERVER_ADDRESS, "151.101.9.67")
                .put(SessionAttribute.SERVER_PORT, 443)
                .put(SessionAttribute.PROTOCOL, 6)
                .put(SessionAttribute.APPLICATION, "HTTP")
                .put(SessionAttribute.NESTED_APPLICATION, "CNN")
                .put(SessionAttribute.SOURCE_ZONE, "trust")
                .put(SessionAttribute.DESTINATION_ZONE, "untrust");
    }

    private List<LogRecord> tagged(String tag) {
        return securityLog.records().stream().filter(r -> r.tag().equals(tag)).collect(Collectors.toList());
    }

    @Test
    void decisionsViolationsAndReportsCarryTheirFields() {
        start();
        rounds(25, 10_000, 10_000);
        SessionInfo session = httpsToCnn(611, "20.1.1.1", 47335)
                .put(SessionAttribute.SERVICE_NAME, "junos-https")
                .build();
        runtime.sessionEvent(new AppTrackSessionEvent(AppTrackSessionEvent.Type.APPLICATION_IDENTIFIED, session, 0, ""));
        rounds(3, 90_000, 10_000);

        List<LogRecord> app = tagged("APPQOE_APP_BEST_PATH_SELECTED");
        assertEquals(2, app.size(), securityLog.records().toString());
        LogRecord detected = app.get(0);
        assertEquals("app detected", detected.value("reason"));
        assertEquals("CNN", detected.value("application"));
        assertEquals("N/A", detected.value("previous-interface"));
        assertEquals("up1", detected.value("destination-interface-name"));
        assertEquals("ri1", detected.value("routing-instance"));
        assertEquals("sla1", detected.value("sla-rule"));
        assertEquals("pp1", detected.value("active-probe-params"));
        assertEquals("site1", detected.value("destination-group-name"));
        assertEquals("N/A", detected.value("previous-link-tag"));
        assertEquals("ISP1", detected.value("destination-link-tag"));
        assertEquals("10", detected.value("destination-link-priority"));
        assertEquals("application", detected.value("selection-criteria"));
        LogRecord moved = app.get(1);
        assertEquals("sla violated", moved.value("reason"));
        assertEquals("up1", moved.value("previous-interface"));
        assertEquals("up2", moved.value("destination-interface-name"));
        assertEquals("ISP1", moved.value("previous-link-tag"));
        assertEquals("10", moved.value("previous-link-priority"));
        assertEquals("20", moved.value("destination-link-priority"));
        assertEquals("1", moved.value("session-count"));

        LogRecord violation = tagged("APPQOE_APP_SLA_METRIC_VIOLATION").get(0);
        assertEquals("up1", violation.value("destination-interface-name"));
        assertEquals("1", violation.value("violation-reason"));
        assertEquals("50000", violation.value("target-rtt"));
        assertEquals("20000", violation.value("target-jitter"));
        assertEquals("2", violation.value("target-jitter-type"));

        LogRecord sessionViolation = tagged("APPQOE_SLA_METRIC_VIOLATION").get(0);
        assertEquals("20.1.1.1", sessionViolation.value("source-address"));
        assertEquals("611", sessionViolation.value("session-id-32"));
        assertEquals("up1", sessionViolation.value("destination-interface-name"));
        assertEquals("1", sessionViolation.value("violation-reason"));
        assertEquals("3", sessionViolation.value("rtt-violation-count"));

        List<LogRecord> perSession = tagged("APPQOE_BEST_PATH_SELECTED");
        assertEquals(2, perSession.size());
        assertEquals("20.1.1.1", perSession.get(0).value("source-address"));
        assertEquals("47335", perSession.get(0).value("source-port"));
        assertEquals("611", perSession.get(0).value("session-id-32"));
        assertEquals("junos-https", perSession.get(0).value("service-name"));
        assertEquals("up2", perSession.get(1).value("destination-interface-name"));
        assertEquals("up1", perSession.get(1).value("previous-interface"));

        LogRecord report = tagged("APPQOE_ACTIVE_SLA_METRIC_REPORT").get(0);
        assertEquals("10.61.1.1", report.value("source-address"));
        assertEquals("10.61.1.2", report.value("destination-address"));
        assertEquals("862", report.value("destination-port"));
        assertEquals("46", report.value("ip-dscp"));
        assertEquals("10000", report.value("rtt"));
        assertEquals("stamp", report.value("active-probe-type"));
    }

    @Test
    void applicationActiveReportsAndSampledSessionsPassiveReports() {
        start(Map.of("activeProbe.pp1.slaExportInterval", "2s", "slaRule.sla1.passive.samplingPercentage", "100"));
        rounds(25, 10_000, 10_000);
        SessionInfo session = httpsToCnn(612, "20.1.1.2", 47336)
                .put(SessionAttribute.SERVER_RTT_MICROS, 23_456)
                .put(SessionAttribute.START_MILLIS, 1_000)
                .put(SessionAttribute.LAST_SEEN_MILLIS, 1_250)
                .build();
        runtime.sessionEvent(new AppTrackSessionEvent(AppTrackSessionEvent.Type.APPLICATION_IDENTIFIED, session, 0, ""));
        rounds(25, 12_000, 10_000);

        LogRecord passive = tagged("APPQOE_PASSIVE_SLA_METRIC_REPORT").get(0);
        assertEquals("612", passive.value("session-id-32"));
        assertEquals("20.1.1.2", passive.value("source-address"));
        assertEquals("CNN", passive.value("application"));
        assertEquals("up1", passive.value("destination-interface-name"));
        assertEquals("23456", passive.value("rtt"));
        assertEquals("250", passive.value("monitoring-time"));
        assertEquals("sla1", passive.value("sla-rule"));

        List<LogRecord> appActive = tagged("APPQOE_APP_ACTIVE_SLA_METRIC_REPORT");
        assertEquals(1, appActive.size(), "one per export interval for the application's path only: " + appActive);
        LogRecord report = appActive.get(0);
        assertEquals("CNN", report.value("application"));
        assertEquals("up1", report.value("destination-interface-name"));
        LogRecord pathReport = tagged("APPQOE_ACTIVE_SLA_METRIC_REPORT").stream()
                .filter(r -> r.value("destination-interface-name").equals("up1")).reduce((a, b) -> b).get();
        assertEquals(pathReport.value("rtt"), report.value("rtt"), "the figures of the path's period");
        assertTrue(Long.parseLong(report.value("rtt")) > 10_000, "the period saw the 12 ms probes");
        assertEquals("site1", report.value("destination-group-name"));
        assertEquals("pp1", report.value("active-probe-params"));
    }
}
