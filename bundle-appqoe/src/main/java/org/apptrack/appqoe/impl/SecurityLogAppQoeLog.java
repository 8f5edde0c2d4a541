package org.apptrack.appqoe.impl;

import org.apptrack.api.time.Clock;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.appqoe.config.ActiveProbeConfig;
import org.apptrack.appqoe.config.PathConfig;
import org.apptrack.appqoe.log.AppQoeLogRecords;
import org.apptrack.appqoe.log.PathSelectionLog;
import org.apptrack.appqoe.log.RuleContextBuilder;
import org.apptrack.appqoe.log.SlaMetricReportLog;
import org.apptrack.appqoe.log.SlaMetrics;
import org.apptrack.appqoe.log.SlaViolationLog;
import org.apptrack.appqoe.metrics.PeriodMetrics;
import org.apptrack.appqoe.select.PathDecision;
import org.apptrack.appqoe.sla.JitterType;
import org.apptrack.appqoe.sla.MetricsProfile;
import org.apptrack.appqoe.sla.SlaEvent;
import org.apptrack.syslog.api.SecurityLogService;

/** Writes AppQoE's messages to the security log streams, as an SRX does. */
final class SecurityLogAppQoeLog implements AppQoeLog {

    /** The DSCP field when the rule neither matches nor marks one, as the 21.2R1 samples show. */
    private static final int NO_DSCP = 255;
    private static final String NA = "N/A";

    private final SecurityLogService securityLog;
    private final Clock clock;

    SecurityLogAppQoeLog(SecurityLogService securityLog, Clock clock) {
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /**
     * Junos target-jitter-type: the samples show 2 for the default, two-way jitter; ingress and
     * egress take the other two codes in the order Junos lists the types.
     */
    static int jitterTypeCode(JitterType type) {
        switch (type) {
            case INGRESS:
                return 0;
            case EGRESS:
                return 1;
            default:
                return 2;
        }
    }

    private static String criteria(ApplicationSelection s) {
        return s.rule.match().needsApplication() ? "application" : "default";
    }

    /** The fields every per-application message of a selection on a path carries. */
    private static <B extends RuleContextBuilder<B>> B applicationOnPath(B builder, ApplicationSelection s,
            PathConfig path) {
        return builder.rule(s.profile, s.rule.name())
                .application(s.application)
                .routingInstance(s.group.routingInstance())
                .destinationInterface(path.interfaceName())
                .slaRule(s.sla.name())
                .activeProbeParams(s.sla.activeProbe() == null ? NA : s.sla.activeProbe().name())
                .destinationGroup(s.group.name())
                .ipDscp(NO_DSCP)
                .selectionCriteria(criteria(s));
    }

    private static String name(PathConfig p) {
        return p == null ? NA : p.interfaceName();
    }

    private PathSelectionLog.Builder selection(ApplicationSelection s, PathConfig previous, PathConfig chosen) {
        PathSelectionLog.Builder b = PathSelectionLog.builder()
                .rule(s.profile, s.rule.name())
                .application(s.application)
                .routingInstance(s.group.routingInstance())
                .previousInterface(name(previous))
                .destinationInterface(name(chosen))
                .slaRule(s.sla == null ? NA : s.sla.name())
                .activeProbeParams(s.sla == null || s.sla.activeProbe() == null ? NA : s.sla.activeProbe().name())
                .destinationGroup(s.group.name())
                .ipDscp(NO_DSCP)
                .selectionCriteria(criteria(s));
        if (previous != null) {
            b.previousLink(previous.path().linkTag(), previous.path().priority());
        }
        if (chosen != null) {
            b.destinationLink(chosen.path().linkTag(), chosen.path().priority());
        }
        return b;
    }

    @Override
    public void applicationPathSelected(ApplicationSelection s, PathDecision decision, PathConfig previous,
            PathConfig chosen, long violationDurationSeconds) {
        PathSelectionLog.Builder b = selection(s, previous, chosen)
                .reason(decision.reason())
                .sessionCount(s.flows.size());
        if (s.sla != null) {
            b.violationDurationSeconds(violationDurationSeconds);
        }
        securityLog.log(AppQoeLogRecords.appBestPathSelected(b.build(), clock.currentTimeMillis()));
    }

    @Override
    public void sessionPathSelected(ApplicationSelection s, SessionInfo session, PathConfig previous,
            PathConfig chosen) {
        PathSelectionLog log = selection(s, previous, chosen).application(session.application()).build();
        securityLog.log(AppQoeLogRecords.bestPathSelected(log, session(session), clock.currentTimeMillis()));
    }

    @Override
    public void applicationSlaViolation(ApplicationSelection s, PathConfig path, SlaEvent event) {
        securityLog.log(AppQoeLogRecords.appSlaViolation(violation(s, path, event), clock.currentTimeMillis()));
    }

    @Override
    public void sessionSlaViolation(ApplicationSelection s, SessionInfo session, PathConfig path, SlaEvent event) {
        securityLog.log(AppQoeLogRecords.slaViolation(violation(s, path, event), session(session),
                clock.currentTimeMillis()));
    }

    private static SlaViolationLog violation(ApplicationSelection s, PathConfig path, SlaEvent event) {
        MetricsProfile profile = event.rule().profile();
        return applicationOnPath(SlaViolationLog.builder(), s, path)
                .measured(SlaMetrics.of(event.measured()))
                .targets(jitterTypeCode(profile.jitterType()), profile.jitterMicros(), profile.rttMicros(),
                        Math.round(profile.lossPercent()))
                .violationReason(event.reason())
                .violationCounts(event.jitterViolationCount(), event.lossViolationCount(), event.rttViolationCount())
                .violationDurationSeconds(event.violationDurationNanos() / 1_000_000_000L)
                .build();
    }

    @Override
    public void activeReport(PathConfig path, String routingInstance, ActiveProbeConfig params, PeriodMetrics period,
            long monitoringMillis) {
        String target = path.reflector() == null ? NA : path.reflector().getAddress().getHostAddress();
        int targetPort = path.reflector() == null ? 0 : path.reflector().getPort();
        SlaMetricReportLog log = SlaMetricReportLog.builder()
                .routingInstance(routingInstance)
                .destinationInterface(path.interfaceName())
                .activeProbeParams(params.name())
                .destinationGroup(path.group())
                .ipDscp(params.dscp())
                .probe(path.sourceAddress() == null ? NA : path.sourceAddress().getHostAddress(), 0, target, targetPort)
                .measured(SlaMetrics.of(period))
                .probeCount(period.resolved())
                .monitoringTime(monitoringMillis)
                .probeClass(NA, NA, params.type().logName())
                .build();
        securityLog.log(AppQoeLogRecords.activeReport(log, clock.currentTimeMillis()));
    }

    @Override
    public void applicationActiveReport(ApplicationSelection s, PathConfig path, PeriodMetrics period,
            long monitoringMillis) {
        SlaMetricReportLog log = applicationOnPath(SlaMetricReportLog.builder(), s, path)
                .measured(SlaMetrics.of(period))
                .probeCount(period.resolved())
                .monitoringTime(monitoringMillis)
                .build();
        securityLog.log(AppQoeLogRecords.appActiveReport(log, clock.currentTimeMillis()));
    }

    @Override
    public void sessionPassiveReport(ApplicationSelection s, SessionInfo session, PathConfig path, long rttMicros,
            long monitoringMillis) {
        long nm = SlaMetrics.NOT_MEASURED;
        SlaMetrics measured = SlaMetrics.of(nm, nm, nm, Math.min(rttMicros, nm), 0);
        SlaMetricReportLog log = applicationOnPath(SlaMetricReportLog.builder(), s, path)
                .measured(measured)
                .minimum(measured)
                .maximum(measured)
                .probeCount(1)
                .monitoringTime(monitoringMillis)
                .build();
        securityLog.log(AppQoeLogRecords.passiveReport(log, session(session), clock.currentTimeMillis()));
    }

    @Override
    public void passiveReport(ApplicationSelection s, PathConfig path, PeriodMetrics period, long minRttMicros,
            long maxRttMicros, long monitoringMillis) {
        long nm = SlaMetrics.NOT_MEASURED;
        SlaMetricReportLog log = applicationOnPath(SlaMetricReportLog.builder(), s, path)
                .measured(SlaMetrics.of(period))
                .minimum(SlaMetrics.of(nm, nm, nm, minRttMicros, 0))
                .maximum(SlaMetrics.of(nm, nm, nm, maxRttMicros, 0))
                .probeCount(period.answered())
                .monitoringTime(monitoringMillis)
                .build();
        securityLog.log(AppQoeLogRecords.appPassiveReport(log, clock.currentTimeMillis()));
    }

    private static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static org.apptrack.appqoe.log.SessionInfo session(SessionInfo s) {
        long elapsed = Math.max(0, s.number(SessionAttribute.LAST_SEEN_MILLIS) - s.number(SessionAttribute.START_MILLIS)) / 1000;
        return org.apptrack.appqoe.log.SessionInfo.builder()
                .source(s.clientAddress(), s.clientPort())
                .destination(s.serverAddress(), s.serverPort())
                .protocol(s.protocol())
                .nestedApplication(s.text(SessionAttribute.NESTED_APPLICATION))
                .serviceName(s.text(SessionAttribute.SERVICE_NAME))
                .zones(s.sourceZone(), s.text(SessionAttribute.DESTINATION_ZONE))
                .sessionId(s.sessionId())
                .user(orNull(s.text(SessionAttribute.USERNAME)), orNull(s.text(SessionAttribute.ROLES)))
                .elapsedSeconds(elapsed)
                .fromClient(s.number(SessionAttribute.PACKETS_FROM_CLIENT), s.number(SessionAttribute.BYTES_FROM_CLIENT))
                .fromServer(s.number(SessionAttribute.PACKETS_FROM_SERVER), s.number(SessionAttribute.BYTES_FROM_SERVER))
                .build();
    }
}
