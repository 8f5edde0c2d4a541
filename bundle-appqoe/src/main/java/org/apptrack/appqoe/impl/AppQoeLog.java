package org.apptrack.appqoe.impl;

import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.appqoe.config.ActiveProbeConfig;
import org.apptrack.appqoe.config.PathConfig;
import org.apptrack.appqoe.metrics.PeriodMetrics;
import org.apptrack.appqoe.select.PathDecision;
import org.apptrack.appqoe.sla.SlaEvent;

/** The APPQOE_* messages AppQoE sends, from its own objects; one implementation writes them to the security log. */
interface AppQoeLog {

    /** APPQOE_APP_BEST_PATH_SELECTED: an application's active path changed. */
    void applicationPathSelected(ApplicationSelection selection, PathDecision decision, PathConfig previous,
            PathConfig chosen, long violationDurationSeconds);

    /** APPQOE_BEST_PATH_SELECTED: one session was given a path. */
    void sessionPathSelected(ApplicationSelection selection, SessionInfo session, PathConfig previous,
            PathConfig chosen);

    /** APPQOE_APP_SLA_METRIC_VIOLATION: the application's active path violates its SLA rule. */
    void applicationSlaViolation(ApplicationSelection selection, PathConfig path, SlaEvent event);

    /** APPQOE_SLA_METRIC_VIOLATION: the path one of the application's sessions takes violates the SLA rule. */
    void sessionSlaViolation(ApplicationSelection selection, SessionInfo session, PathConfig path, SlaEvent event);

    /** APPQOE_ACTIVE_SLA_METRIC_REPORT: a path's sampling period closed. */
    void activeReport(PathConfig path, String routingInstance, ActiveProbeConfig params, PeriodMetrics period,
            long monitoringMillis);

    /**
     * APPQOE_APP_ACTIVE_SLA_METRIC_REPORT: the figures of the path an application takes, with the
     * active report of that path.
     */
    void applicationActiveReport(ApplicationSelection selection, PathConfig path, PeriodMetrics period,
            long monitoringMillis);

    /**
     * APPQOE_PASSIVE_SLA_METRIC_REPORT: one sampled session's measurement (its TCP handshake's
     * round-trip time) on the path it takes.
     */
    void sessionPassiveReport(ApplicationSelection selection, SessionInfo session, PathConfig path, long rttMicros,
            long monitoringMillis);

    /** APPQOE_APP_PASSIVE_SLA_METRIC_REPORT: what an application's sampled sessions measured in a period. */
    void passiveReport(ApplicationSelection selection, PathConfig path, PeriodMetrics period, long minRttMicros,
            long maxRttMicros, long monitoringMillis);
}
