package org.apptrack.syslog.api;

import java.util.concurrent.atomic.AtomicLong;

/** The record that {@code apptrack:log-test} and the REST test resource send. */
public final class TestRecords {

    public static final String TAG = "APPTRACK_LOG_TEST";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TestRecords() {
    }

    /** A test record naming the stream (or "all") and a sequence number, with a text body. */
    public static LogRecord create(String streamName, String message) {
        long sequence = SEQUENCE.incrementAndGet();
        String text = message == null || message.isEmpty() ? "AppTrack log stream test" : message;
        return LogRecord.builder(TAG)
                .field("stream-name", streamName == null ? "all" : streamName)
                .field("sequence", sequence)
                .field("message", text)
                .body("AppTrack log stream test " + sequence + ": " + text)
                .build();
    }
}
