package org.apptrack.appqoe.log;

import java.util.Objects;
import org.apptrack.syslog.api.LogRecord;

/**
 * Builds the APPQOE_* log records from plain values, so that a caller needs neither the layouts
 * nor the field names. Each method makes one record, ready for
 * {@code SecurityLogService}; the per-session variants take the session's {@link SessionInfo}.
 * Thread-safe (stateless); the value objects are immutable.
 */
public final class AppQoeLogRecords {

    private AppQoeLogRecords() {
    }

    /** {@code APPQOE_APP_BEST_PATH_SELECTED}: an application's traffic moved to a path. */
    public static LogRecord appBestPathSelected(PathSelectionLog log, long timeMillis) {
        return AppQoeMessage.APP_BEST_PATH_SELECTED.build(log.values, timeMillis, log.logicalSystem, null);
    }

    /**
     * {@code APPQOE_BEST_PATH_SELECTED}: a session moved to a path. The reason goes in the
     * plain-text body only ({@code AppQoE Best path selected <reason>: ...}); the message has no
     * {@code reason} field.
     */
    public static LogRecord bestPathSelected(PathSelectionLog log, SessionInfo session, long timeMillis) {
        return AppQoeMessage.BEST_PATH_SELECTED.build(withSession(log.values, session), timeMillis,
                log.logicalSystem, log.reason());
    }

    /** {@code APPQOE_APP_SLA_METRIC_VIOLATION}: an application's path violated its SLA. */
    public static LogRecord appSlaViolation(SlaViolationLog log, long timeMillis) {
        return AppQoeMessage.APP_SLA_METRIC_VIOLATION.build(log.values, timeMillis, log.logicalSystem, null);
    }

    /** {@code APPQOE_SLA_METRIC_VIOLATION}: a session's path violated its SLA. */
    public static LogRecord slaViolation(SlaViolationLog log, SessionInfo session, long timeMillis) {
        return AppQoeMessage.SLA_METRIC_VIOLATION.build(withSession(log.values, session), timeMillis,
                log.logicalSystem, null);
    }

    /** {@code APPQOE_ACTIVE_SLA_METRIC_REPORT}: one path's active-probe figures. */
    public static LogRecord activeReport(SlaMetricReportLog log, long timeMillis) {
        return AppQoeMessage.ACTIVE_SLA_METRIC_REPORT.build(log.values, timeMillis, log.logicalSystem, null);
    }

    /** {@code APPQOE_APP_ACTIVE_SLA_METRIC_REPORT}: an application's path figures from active probes. */
    public static LogRecord appActiveReport(SlaMetricReportLog log, long timeMillis) {
        return AppQoeMessage.APP_ACTIVE_SLA_METRIC_REPORT.build(log.values, timeMillis, log.logicalSystem, null);
    }

    /** {@code APPQOE_APP_PASSIVE_SLA_METRIC_REPORT}: an application's path figures from its traffic. */
    public static LogRecord appPassiveReport(SlaMetricReportLog log, long timeMillis) {
        return AppQoeMessage.APP_PASSIVE_SLA_METRIC_REPORT.build(log.values, timeMillis, log.logicalSystem, null);
    }

    /** {@code APPQOE_PASSIVE_SLA_METRIC_REPORT}: a session's figures. */
    public static LogRecord passiveReport(SlaMetricReportLog log, SessionInfo session, long timeMillis) {
        return AppQoeMessage.PASSIVE_SLA_METRIC_REPORT.build(withSession(log.values, session), timeMillis,
                log.logicalSystem, null);
    }

    private static AppQoeFieldValues withSession(AppQoeFieldValues values, SessionInfo session) {
        Objects.requireNonNull(session, "session");
        AppQoeFieldValues merged = values.copy();
        session.fill(merged);
        return merged;
    }
}
