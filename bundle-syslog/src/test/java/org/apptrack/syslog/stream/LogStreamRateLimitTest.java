package org.apptrack.syslog.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.settings.LogStreamSettings;
import org.apptrack.syslog.transport.DeliveryQueue;
import org.apptrack.syslog.transport.StreamTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream's rate limit and its summary record, on a clock and a timer the test drives by hand.
 * The transport is left idle so the test reads what reached the queue.
 */
class LogStreamRateLimitTest {

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(5_000_000_000L);
    private final ManualScheduler scheduler = new ManualScheduler();

    private LogStream stream(Object... kv) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("transport", "file");
        props.put("filePath", dir.resolve("limited.log").toString());
        for (int i = 0; i < kv.length; i += 2) {
            props.put((String) kv[i], kv[i + 1]);
        }
        LogStream stream = new LogStream(LogStreamSettings.parse(props, "limited"), clock::get, scheduler);
        stream.start(new IdleTransport());
        return stream;
    }

    private static LogRecord record(int i) {
        return LogRecord.builder("APPTRACK_SESSION_CREATE").field("session-id-32", i).build();
    }

    private static int offer(LogStream stream, int n) {
        int accepted = 0;
        for (int i = 0; i < n; i++) {
            if (stream.offer(record(i))) {
                accepted++;
            }
        }
        return accepted;
    }

    private static List<LogRecord> drain(LogStream stream) {
        List<LogRecord> out = new ArrayList<>();
        for (LogRecord r; (r = stream.poll()) != null; ) {
            out.add(r);
        }
        return out;
    }

    @Test
    void recordsBeyondTheRateAreCountedApartFromQueueFullDrops() throws Exception {
        LogStream stream = stream("rateLimit", "10", "queueCapacity", "5");
        assertEquals(5, offer(stream, 30));
        LogStreamStatus s = stream.status();
        assertEquals(10, s.rateLimit());
        assertEquals(20, s.rateLimited(), "beyond the bucket of 10");
        assertEquals(5, s.dropped(), "passed the limit, found the queue full");
        assertEquals(5, s.queued());
        assertEquals(5, s.queueDepth());

        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(300));
        drain(stream);
        assertEquals(3, offer(stream, 30), "300 ms refill 3 tokens");
        assertEquals(47, stream.status().rateLimited());
        assertEquals(5, stream.status().dropped());
    }

    @Test
    void theSummaryTellsWhatEachIntervalDroppedPassesTheLimitAndStopsWhenDropsStop() throws Exception {
        LogStream stream = stream("rateLimit", "10", "rateLimitSummarySeconds", "30");
        assertEquals(TimeUnit.SECONDS.toNanos(30), scheduler.periodNanos);

        scheduler.tick();
        assertTrue(drain(stream).isEmpty(), "nothing refused, nothing to report");

        assertEquals(10, offer(stream, 25));
        assertEquals(10, drain(stream).size());
        scheduler.tick();
        List<LogRecord> summaries = drain(stream);
        assertEquals(1, summaries.size());
        LogRecord summary = summaries.get(0);
        assertEquals(RateLimitRecords.TAG, summary.tag());
        assertEquals(4, summary.severity());
        assertEquals("limited", summary.value("stream-name"));
        assertEquals("15", summary.value("dropped-records"));
        assertEquals("30", summary.value("interval"));
        assertEquals("10", summary.value("rate-limit"));

        // The bucket is still empty (the clock stood still): the summary went past the limit.
        assertEquals(0, offer(stream, 1));
        scheduler.tick();
        assertEquals("1", drain(stream).get(0).value("dropped-records"), "only this interval's drops");

        scheduler.tick();
        scheduler.tick();
        assertTrue(drain(stream).isEmpty(), "drops stopped, summaries stop");
        LogStreamStatus s = stream.status();
        assertEquals(16, s.rateLimited());
        assertEquals(12, s.queued(), "10 records and 2 summaries");
    }

    @Test
    void aSummaryThatFindsTheQueueFullIsADropAndTheNextCountsOnlyItsOwnInterval() throws Exception {
        LogStream stream = stream("rateLimit", "3", "queueCapacity", "3");
        offer(stream, 10);
        scheduler.tick();
        assertEquals(1, stream.status().dropped());
        assertEquals(3, drain(stream).size());
        offer(stream, 2);
        scheduler.tick();
        assertEquals("2", drain(stream).get(0).value("dropped-records"));
    }

    @Test
    void theDefaultSummaryIntervalIsAMinute() throws Exception {
        stream("rateLimit", "100");
        assertEquals(TimeUnit.SECONDS.toNanos(60), scheduler.periodNanos);
    }

    @Test
    void withoutALimitNothingIsRefusedAndNoTimerRuns() throws Exception {
        PeriodicScheduler none = (task, period) -> {
            throw new AssertionError("a stream without a rate limit scheduled a summary");
        };
        Map<String, Object> props = Map.of("transport", "file", "filePath", dir.resolve("a.log").toString());
        LogStream stream = new LogStream(LogStreamSettings.parse(props, "open"), clock::get, none);
        stream.start(new IdleTransport());
        assertEquals(10_000, offer(stream, 10_000));
        assertEquals(0, stream.status().rateLimited());
        assertEquals(0, stream.status().rateLimit());
    }

    @Test
    void stoppingTheStreamCancelsItsSummary() throws Exception {
        LogStream stream = stream("rateLimit", "1");
        offer(stream, 5);
        stream.stop();
        assertTrue(scheduler.future.isCancelled());
        scheduler.task.run(); // a run already under way when it was cancelled
        assertNull(stream.poll());
    }

    /** Records the periodic task; {@link #tick()} is one period passing. */
    private static final class ManualScheduler implements PeriodicScheduler {
        Runnable task;
        long periodNanos;
        final CompletableFuture<Void> future = new CompletableFuture<>();

        @Override
        public Future<?> scheduleAtFixedRate(Runnable t, long period) {
            assertFalse(task != null, "one summary task per stream");
            task = t;
            periodNanos = period;
            return future;
        }

        void tick() {
            if (!future.isCancelled()) {
                task.run();
            }
        }
    }

    /** A transport that never takes records from the queue. */
    private static final class IdleTransport implements StreamTransport {
        @Override
        public void start(DeliveryQueue queue) {
        }

        @Override
        public void recordsAvailable() {
        }

        @Override
        public void stop() {
        }
    }
}
