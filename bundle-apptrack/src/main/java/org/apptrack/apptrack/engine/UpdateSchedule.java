package org.apptrack.apptrack.engine;

import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * When a session's volume updates are due (Junos: "whenever a packet is received, AppTrack
 * checks whether the time since the start of the session or since the last update is greater
 * than the update interval", strictly greater). The first update is due after
 * first-update-interval when configured, else after session-update-interval; a session that ends
 * within the interval gets only its close.
 */
final class UpdateSchedule {

    private final SessionTable table;
    private EngineSettings settings;

    UpdateSchedule(EngineSettings settings, SessionTable table) {
        this.settings = settings;
        this.table = table;
    }

    void configure(EngineSettings newSettings) {
        settings = newSettings;
    }

    void sessionStarted(int s, long t) {
        table.setNextUpdateDeadline(s, t + settings.firstUpdateDelayNanos());
    }

    /**
     * A session taken over from another engine keeps the schedule it had there as far as its
     * start tells: the first interval after the start, then every interval, the next one after
     * {@code t}.
     */
    void sessionAdopted(int s, long startNanos, long t) {
        long next = startNanos + settings.firstUpdateDelayNanos();
        long interval = Math.max(1L, settings.sessionUpdateIntervalNanos());
        if (next < t) {
            next += ((t - next) / interval + 1) * interval;
        }
        table.setNextUpdateDeadline(s, next);
    }

    /** Whether a packet at {@code t} makes an update due; if so the next one is scheduled. */
    boolean due(int s, long t) {
        if (settings.volumeUpdates() && t > table.nextUpdateDeadline(s)) {
            table.setNextUpdateDeadline(s, t + settings.sessionUpdateIntervalNanos());
            return true;
        }
        return false;
    }
}
