package org.apptrack.syslog.stream;

import org.apptrack.syslog.api.LogRecord;

/**
 * The summary a rate-limited stream sends itself: how many records its {@code rateLimit} refused
 * during the last summary interval, so that the receiver learns about the gap in what it got.
 */
public final class RateLimitRecords {

    public static final String TAG = "APPTRACK_LOG_RATE_LIMITED";
    /** Syslog "warning": records were lost, unlike the informational records around it. */
    public static final int SEVERITY = 4;

    private RateLimitRecords() {
    }

    /**
     * @param streamName the stream whose limit refused the records
     * @param dropped records refused during the interval
     * @param intervalSeconds the summary interval
     * @param rateLimit the configured limit, records per second
     * @param timeMillis when the interval ended, epoch milliseconds
     */
    public static LogRecord create(String streamName, long dropped, long intervalSeconds, int rateLimit,
                                   long timeMillis) {
        return LogRecord.builder(TAG)
                .time(timeMillis)
                .severity(SEVERITY)
                .field("stream-name", streamName)
                .field("dropped-records", dropped)
                .field("interval", intervalSeconds)
                .field("rate-limit", rateLimit)
                .body("AppTrack log stream " + streamName + ": " + dropped + " records dropped in the last "
                        + intervalSeconds + " seconds by the rate limit of " + rateLimit + " records per second")
                .build();
    }
}
