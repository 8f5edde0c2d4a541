package org.apptrack.syslog.recent;

import java.util.ArrayList;
import java.util.List;
import org.apptrack.syslog.api.LogRecord;

/**
 * The records kept of one session: its first (normally the create, which says what the session
 * is) and the newest others, and its place in the order sessions last logged. Not thread-safe.
 */
final class SessionRecords {

    private long sessionId;
    private LogRecord first;
    private final RecordRing newest;
    /** Neighbours in {@link RecentRecords}' order, least recently logged first. */
    SessionRecords older;
    SessionRecords newer;

    SessionRecords(long sessionId, int capacity) {
        this.sessionId = sessionId;
        this.newest = new RecordRing(capacity - 1);
    }

    long sessionId() {
        return sessionId;
    }

    void add(LogRecord record) {
        if (first == null) {
            first = record;
        } else {
            newest.add(record);
        }
    }

    /** Forgets the records and takes another session's id, to reuse an evicted session's memory. */
    void reset(long newSessionId) {
        sessionId = newSessionId;
        first = null;
        newest.clear();
    }

    List<LogRecord> oldestFirst() {
        List<LogRecord> out = new ArrayList<>(1 + newest.size());
        if (first != null) {
            out.add(first);
        }
        newest.addOldestFirst(out);
        return out;
    }
}
