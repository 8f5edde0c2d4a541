package org.apptrack.syslog.stream;

import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.settings.LogStreamSettings;
import org.apptrack.syslog.transport.DeliveryQueue;
import org.apptrack.syslog.transport.StreamTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured stream: a bounded queue between the producers and the transport, and the
 * counters an operator reads. Producers never block: when the queue is full the record is
 * dropped and counted. The transport is the single consumer.
 *
 * <p>With a {@code rateLimit}, records beyond the rate are refused before the queue and counted
 * apart from queue-full drops, and a periodic {@link RateLimitSummary} tells the receiver how
 * many it missed.
 */
public final class LogStream implements DeliveryQueue {

    private static final Logger log = LoggerFactory.getLogger(LogStream.class);

    private final LogStreamSettings settings;
    // Exactly the configured capacity (lock-free MPSC queues round it up) and no allocation per offer.
    private final Queue<LogRecord> queue;
    /** Null without a rate limit, so that an unlimited stream pays nothing for the feature. */
    private final RateLimiter rateLimiter;
    private final PeriodicScheduler scheduler;
    private final LongAdder queued = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile LogStreamState state = LogStreamState.CONNECTING;
    private volatile String lastError;
    private volatile long lastErrorMillis;
    private volatile String configError;
    private volatile StreamTransport transport;
    /** Set by start and cancelled by stop, which the manager calls under its lock. */
    private Future<?> summaryTask;

    /**
     * @param nanoClock the rate limit's clock ({@code System::nanoTime})
     * @param scheduler runs the rate-limit summary
     */
    public LogStream(LogStreamSettings settings, LongSupplier nanoClock, PeriodicScheduler scheduler) {
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.rateLimiter = settings.rateLimit() > 0 ? new RateLimiter(settings.rateLimit(), nanoClock) : null;
        this.scheduler = scheduler;
    }

    /** Starts delivering through the transport, and the rate-limit summary when there is a limit. */
    public void start(StreamTransport newTransport) {
        this.transport = newTransport;
        newTransport.start(this);
        if (rateLimiter != null) {
            summaryTask = scheduler.scheduleAtFixedRate(
                    new RateLimitSummary(this, settings.rateLimitSummarySeconds(), settings.rateLimit()),
                    TimeUnit.SECONDS.toNanos(settings.rateLimitSummarySeconds()));
        }
    }

    /** Stops the transport; what is still queued is counted as dropped. */
    public void stop() {
        Future<?> summary = summaryTask;
        if (summary != null) {
            summary.cancel(false);
        }
        StreamTransport t = transport;
        if (t != null) {
            t.stop();
        }
        state = LogStreamState.STOPPED;
        int lost = 0;
        while (queue.poll() != null) {
            lost++;
        }
        if (lost > 0) {
            dropped.add(lost);
            log.warn("Log stream {} stopped with {} records undelivered", settings.name(), lost);
        }
    }

    /**
     * Queues a record; never blocks. Returns false when the rate limit refuses it (counted as
     * rate-limited) or the queue is full (counted as dropped).
     */
    public boolean offer(LogRecord record) {
        RateLimiter limiter = rateLimiter;
        if (limiter != null && !limiter.tryAcquire()) {
            rateLimited.increment();
            return false;
        }
        return enqueue(record);
    }

    /** Queues a record past the rate limit (the limit's own summary); false when the queue is full. */
    boolean enqueue(LogRecord record) {
        if (!queue.offer(record)) {
            dropped.increment();
            return false;
        }
        queued.increment();
        StreamTransport t = transport;
        if (t != null) {
            t.recordsAvailable();
        }
        return true;
    }

    /** For the transport: the next record to send, or null. */
    @Override
    public LogRecord poll() {
        return queue.poll();
    }

    /** For the transport: true when records are waiting. */
    @Override
    public boolean hasQueued() {
        return !queue.isEmpty();
    }

    @Override
    public void countSent(int n) {
        sent.add(n);
    }

    @Override
    public void countDropped(int n) {
        dropped.add(n);
    }

    /** Records the rate limit refused since this configuration started. */
    long rateLimitedCount() {
        return rateLimited.sum();
    }

    @Override
    public void countReconnect() {
        reconnects.increment();
    }

    @Override
    public void countError(Throwable error) {
        String message = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        if (!message.equals(lastError)) {
            log.warn("Log stream {} to {}: {}", settings.name(), settings.destination(), message);
        }
        lastError = message;
        lastErrorMillis = System.currentTimeMillis();
        errors.increment(); // last, so that a reader who sees the count also sees the message
    }

    @Override
    public void state(LogStreamState newState) {
        if (state != LogStreamState.STOPPED) {
            state = newState;
        }
    }

    public LogStreamState state() {
        return state;
    }

    /** Records why the latest configuration update was rejected while this one stays in force. */
    public void configError(String error) {
        this.configError = error;
    }

    public LogStreamSettings settings() {
        return settings;
    }

    public String name() {
        return settings.name();
    }

    /** A snapshot of the counters. */
    public LogStreamStatus status() {
        return new LogStreamStatus(settings.name(), settings.transport().configName(),
                settings.format().format().configName(), settings.destination(), state, configError,
                queue.size(), settings.queueCapacity(), queued.sum(), sent.sum(), dropped.sum(),
                reconnects.sum(), errors.sum(), lastError, lastErrorMillis, settings.rateLimit(), rateLimited.sum());
    }
}
