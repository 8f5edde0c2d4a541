package org.apptrack.syslog.recent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.syslog.api.LogRecord;

/**
 * The last records overall and the records of the most recently logged sessions, each bounded:
 * a session beyond {@code maxSessions} evicts the one that logged least recently, and its memory
 * serves the new one. Adding is O(1) and takes a short lock: records come per session event
 * (create, update, close), not per packet.
 */
final class RecentRecords {

    /** A create for a session id already remembered: the ids began again (AppTrack restarted). */
    private static final String SESSION_CREATE = "APPTRACK_SESSION_CREATE";

    private final int recordsPerSession;
    private final int maxSessions;
    private final RecordRing recent;
    private final Map<Long, SessionRecords> sessions;
    /** Least and most recently logged sessions, ends of the list through {@link SessionRecords#newer}. */
    private SessionRecords oldest;
    private SessionRecords youngest;

    RecentRecords(int recentRecords, int maxSessions, int recordsPerSession) {
        if (maxSessions < 1 || recordsPerSession < 2) {
            throw new IllegalArgumentException("at least one session and two records per session, were "
                    + maxSessions + " and " + recordsPerSession);
        }
        this.recent = new RecordRing(recentRecords);
        this.maxSessions = maxSessions;
        this.recordsPerSession = recordsPerSession;
        // Sized so that it never rehashes.
        this.sessions = new HashMap<>(maxSessions * 4 / 3 + 1);
    }

    synchronized void add(LogRecord record) {
        recent.add(record);
        long id = SessionIds.of(record);
        if (id == SessionIds.NONE) {
            return;
        }
        SessionRecords s = sessions.get(id);
        if (s == null) {
            s = admit(id);
        } else {
            unlink(s);
            if (SESSION_CREATE.equals(record.tag())) {
                s.reset(id);
            }
        }
        s.add(record);
        linkAsYoungest(s);
    }

    synchronized List<LogRecord> recent(int limit) {
        return recent.newestFirst(limit);
    }

    synchronized List<LogRecord> forSession(long sessionId) {
        SessionRecords s = sessions.get(sessionId);
        return s == null ? List.of() : s.oldestFirst();
    }

    /** The session ids remembered, least recently logged first (for tests). */
    synchronized long[] sessionIds() {
        long[] ids = new long[sessions.size()];
        int i = 0;
        for (SessionRecords s = oldest; s != null; s = s.newer) {
            ids[i++] = s.sessionId();
        }
        return ids;
    }

    /** Records for a new session, the least recently logged session's when there are too many. */
    private SessionRecords admit(long id) {
        SessionRecords s;
        if (sessions.size() >= maxSessions) {
            s = oldest;
            unlink(s);
            sessions.remove(s.sessionId());
            s.reset(id);
        } else {
            s = new SessionRecords(id, recordsPerSession);
        }
        sessions.put(id, s);
        return s;
    }

    private void unlink(SessionRecords s) {
        if (s.older == null) {
            oldest = s.newer;
        } else {
            s.older.newer = s.newer;
        }
        if (s.newer == null) {
            youngest = s.older;
        } else {
            s.newer.older = s.older;
        }
        s.older = null;
        s.newer = null;
    }

    private void linkAsYoungest(SessionRecords s) {
        s.older = youngest;
        if (youngest == null) {
            oldest = s;
        } else {
            youngest.newer = s;
        }
        youngest = s;
    }
}
