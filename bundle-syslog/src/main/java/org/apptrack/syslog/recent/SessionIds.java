package org.apptrack.syslog.recent;

import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.RecentLogService;

/** The session id a record carries, read without making a String. */
final class SessionIds {

    /** What {@link #of(LogRecord)} answers for a record of no session. */
    static final long NONE = -1;

    private SessionIds() {
    }

    /**
     * The record's {@code session-id-32}, or {@link #NONE}: for a record without the field, with
     * a value that is not a number ({@code N/A}), or with 0, which no session has (AppQoE writes
     * 0 where a message concerns no session).
     */
    static long of(LogRecord record) {
        for (int i = 0, n = record.fieldCount(); i < n; i++) {
            if (RecentLogService.SESSION_ID_FIELD.equals(record.name(i))) {
                long id = record.isNumber(i) ? record.number(i) : digits(record.value(i));
                return id > 0 ? id : NONE;
            }
        }
        return NONE;
    }

    /** The value of a text of 1 to 18 decimal digits, else {@link #NONE}. */
    private static long digits(String text) {
        int length = text.length();
        if (length == 0 || length > 18) {
            return NONE;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return NONE;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
