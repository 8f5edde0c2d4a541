package org.apptrack.apptrack.log;

import java.util.Map;
import java.util.TreeMap;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionRoute;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.SessionEventListener;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.model.SessionModel;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.SecurityLogService;

/**
 * Turns the engine's session events into AppTrack log records for the security log: create
 * (when {@code log-session-create} is on), volume update, close (when {@code log-session-close}
 * is on), as an SRX does. Runs on the engine's thread; one reusable set of field values.
 */
public final class SessionLogEmitter implements SessionEventListener {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final SecurityLogService securityLog;
    private boolean logCreate;
    private boolean logClose;
    private AppTrackEngine engine;
    private SessionModel model;
    private SessionFieldValues values;
    private long creates;
    private long updates;
    private long closes;
    private long routeChanges;
    private long failures;
    /** Closed sessions per application; the catalog is small and fixed, so this stops allocating. */
    private final Map<String, long[]> closedByApplication = new TreeMap<>();

    /**
     * @param logCreate Junos {@code log-session-create}
     * @param logClose Junos {@code log-session-close}
     */
    public SessionLogEmitter(SecurityLogService securityLog, boolean logCreate, boolean logClose) {
        this.securityLog = securityLog;
        this.logCreate = logCreate;
        this.logClose = logClose;
    }

    /** The engine whose events these are, and the model that describes its sessions; before the first packet. */
    public void bind(AppTrackEngine source, SessionModel sessions) {
        this.engine = source;
        this.model = sessions;
        this.values = new SessionFieldValues(sessions);
    }

    /** New log switches. */
    public void configure(boolean newLogCreate, boolean newLogClose) {
        this.logCreate = newLogCreate;
        this.logClose = newLogClose;
    }

    @Override
    public void sessionCreated(SessionTable table, int s) {
        if (logCreate) {
            emit(AppTrackMessage.CREATE, s, null);
            creates++;
        }
    }

    @Override
    public void sessionUpdated(SessionTable table, int s) {
        emit(AppTrackMessage.VOLUME_UPDATE, s, null);
        updates++;
    }

    @Override
    public void sessionClosed(SessionTable table, int s, CloseReason reason) {
        String application = model.text(SessionAttribute.APPLICATION, s);
        long[] count = closedByApplication.get(application);
        if (count == null) {
            count = new long[1];
            closedByApplication.put(application, count);
        }
        count[0]++;
        if (logClose) {
            emit(AppTrackMessage.CLOSE, s, reason);
            closes++;
        }
    }

    /**
     * Session {@code s}'s route just changed from {@code previous} (null: the default route) to
     * the one it now has: logs the route update and the next-hop change, at {@code atNanos}.
     */
    public void routeChanged(int s, SessionRoute previous, long atNanos) {
        long millis = Math.floorDiv(atNanos, NANOS_PER_MILLI);
        SessionFieldValues v = values.ofRouteChange(s, previous, atNanos);
        String logicalSystem = v.logicalSystem();
        log(AppTrackMessage.ROUTE_UPDATE.build(v, millis, logicalSystem));
        log(AppTrackMessage.NEXTHOP_CHANGE.build(v, millis, logicalSystem));
        routeChanges++;
    }

    private void emit(AppTrackMessage message, int s, CloseReason reason) {
        log(record(message, s, reason));
    }

    private void log(LogRecord record) {
        try {
            securityLog.log(record);
        } catch (RuntimeException e) {
            failures++; // the security log never throws; a listener of it might
        }
    }

    /**
     * The record of {@code message} for open session {@code s} at the engine's event time, as it
     * would be logged now ({@code reason}: the close reason of a close, else null).
     */
    public LogRecord record(AppTrackMessage message, int s, CloseReason reason) {
        long eventNanos = engine.eventNanos();
        SessionFieldValues v = values.of(s, reason, eventNanos);
        return message.build(v, Math.floorDiv(eventNanos, NANOS_PER_MILLI), v.logicalSystem());
    }

    public long creates() {
        return creates;
    }

    public long updates() {
        return updates;
    }

    public long closes() {
        return closes;
    }

    /** Route changes logged (each a route update and a next-hop change). */
    public long routeChanges() {
        return routeChanges;
    }

    /** Closed sessions by application name, sorted by name. */
    public Map<String, Long> closedByApplication() {
        Map<String, Long> result = new TreeMap<>();
        closedByApplication.forEach((k, v) -> result.put(k, v[0]));
        return result;
    }

    /** Records the security log refused (should stay 0). */
    public long failures() {
        return failures;
    }
}
