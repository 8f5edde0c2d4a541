package org.apptrack.syslog.api;

import java.util.List;

/**
 * A bounded memory of the last security-log records, overall and per session, for the dashboard
 * and the REST API: what was logged lately, and every record of a session (its create, its
 * updates, its close with the reason). Records are kept as they were logged; nothing of it is
 * persistent, and older records make room for newer ones.
 */
public interface RecentLogService {

    /** How many records are kept overall. */
    int RECENT_RECORDS = 200;
    /**
     * How many sessions' records are kept: those most recently logged. With
     * {@link #RECORDS_PER_SESSION} this bounds the memory at about 16,000 records (a record of
     * AppTrack's is about a kilobyte).
     */
    int SESSIONS = 1024;
    /** How many records are kept per session: its first one and the newest. */
    int RECORDS_PER_SESSION = 16;
    /** The field that carries the session id (session-id-32) in AppTrack and AppQoE records. */
    String SESSION_ID_FIELD = "session-id-32";

    /**
     * The last records logged, newest first.
     *
     * @param limit at most this many (and never more than {@link #RECENT_RECORDS}); 0 or less: none
     */
    List<LogRecord> recent(int limit);

    /**
     * The records kept of one session, oldest first: its first record and the newest ones, with a
     * gap between them when it logged more than {@link #RECORDS_PER_SESSION}. Empty when the
     * session logged nothing or is no longer remembered.
     *
     * @param sessionId the session's session-id-32
     */
    List<LogRecord> forSession(long sessionId);
}
