package org.apptrack.appqoe.impl;

import java.util.ArrayList;
import java.util.List;

import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.appqoe.config.ActiveProbeConfig;
import org.apptrack.appqoe.config.PathConfig;
import org.apptrack.appqoe.metrics.PeriodMetrics;
import org.apptrack.appqoe.select.PathDecision;
import org.apptrack.appqoe.sla.SlaEvent;

/** The logs the runtime asks for, as short lines. */
final class RecordingLog implements AppQoeLog {

    final List<String> appSelections = new ArrayList<>();
    final List<String> sessionSelections = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    final List<String> active = new ArrayList<>();
    final List<String> passive = new ArrayList<>();

    @Override
    public void applicationPathSelected(ApplicationSelection selection, PathDecision decision, PathConfig previous,
            PathConfig chosen, long violationDurationSeconds) {
        appSelections.add(decision.reason().logText());
    }

    @Override
    public void sessionPathSelected(ApplicationSelection selection, SessionInfo session, PathConfig previous,
            PathConfig chosen) {
        sessionSelections.add(session.sessionId() + " " + chosen.interfaceName());
    }

    @Override
    public void applicationSlaViolation(ApplicationSelection selection, PathConfig path, SlaEvent event) {
        violations.add("violation " + path.interfaceName() + " " + event.reason());
    }

    @Override
    public void sessionSlaViolation(ApplicationSelection selection, SessionInfo session, PathConfig path,
            SlaEvent event) {
        violations.add("session " + session.sessionId() + " violation " + path.interfaceName() + " " + event.reason());
    }

    @Override
    public void activeReport(PathConfig path, String routingInstance, ActiveProbeConfig params, PeriodMetrics period,
            long monitoringMillis) {
        active.add(path.interfaceName() + " " + period.rttMeanMicros());
    }

    @Override
    public void applicationActiveReport(ApplicationSelection selection, PathConfig path, PeriodMetrics period,
            long monitoringMillis) {
        active.add("app " + selection.application + " " + path.interfaceName() + " " + period.rttMeanMicros());
    }

    @Override
    public void sessionPassiveReport(ApplicationSelection selection, SessionInfo session, PathConfig path,
            long rttMicros, long monitoringMillis) {
        passive.add("session " + session.sessionId() + " " + path.interfaceName() + " rtt " + rttMicros);
    }

    @Override
    public void passiveReport(ApplicationSelection selection, PathConfig path, PeriodMetrics period, long minRttMicros,
            long maxRttMicros, long monitoringMillis) {
        passive.add("passive " + path.interfaceName() + " mean " + period.rttMeanMicros() + " min " + minRttMicros
                + " max " + maxRttMicros);
    }
}
