package org.apptrack.syslog.stream;

import org.apptrack.syslog.api.LogStreamState;

/**
 * The periodic task of a rate-limited stream: once per summary interval, if the limit refused
 * records since the last run, it puts one {@link RateLimitRecords} summary into the stream's own
 * queue (past the limit, which would otherwise refuse it during a storm). It runs on a timer
 * rather than on the next record, so the summary also goes out when the storm ends abruptly;
 * an interval without refusals sends nothing.
 */
final class RateLimitSummary implements Runnable {

    private final LogStream stream;
    private final long intervalSeconds;
    private final int rateLimit;
    /** The stream's rate-limited count at the previous run; only the timer thread touches it. */
    private long reported;

    RateLimitSummary(LogStream stream, long intervalSeconds, int rateLimit) {
        this.stream = stream;
        this.intervalSeconds = intervalSeconds;
        this.rateLimit = rateLimit;
    }

    @Override
    public void run() {
        if (stream.state() == LogStreamState.STOPPED) {
            return;
        }
        long total = stream.rateLimitedCount();
        long dropped = total - reported;
        if (dropped <= 0) {
            return;
        }
        reported = total;
        stream.enqueue(RateLimitRecords.create(stream.name(), dropped, intervalSeconds, rateLimit,
                System.currentTimeMillis()));
    }
}
