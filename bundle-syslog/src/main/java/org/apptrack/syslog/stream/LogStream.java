package org.apptrack.syslog.stream;

import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.config.LogStreamSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured stream: a bounded queue between the producers and the transport, and the
 * counters an operator reads. Producers never block: when the queue is full the record is
 * dropped and counted. The transport is the single consumer.
 */
public final class LogStream {

    private static final Logger log = LoggerFactory.getLogger(LogStream.class);

    private final LogStreamSettings settings;
    // Exactly the configured capacity (lock-free MPSC queues round it up) and no allocation per offer.
    private final Queue<LogRecord> queue;
    private final LongAdder queued = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile LogStreamState state = LogStreamState.CONNECTING;
    private volatile String lastError;
    private volatile long lastErrorMillis;
    private volatile String configError;
    private volatile StreamTransport transport;

    public LogStream(LogStreamSettings settings) {
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    }

    /** Starts delivering through the transport. */
    public void start(StreamTransport newTransport) {
        this.transport = newTransport;
        newTransport.start(this);
    }

    /** Stops the transport; what is still queued is counted as dropped. */
    public void stop() {
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

    /** Queues a record; never blocks. Returns false (and counts a drop) when the queue is full. */
    public boolean offer(LogRecord record) {
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
    public LogRecord poll() {
        return queue.poll();
    }

    /** For the transport: true when records are waiting. */
    public boolean hasQueued() {
        return !queue.isEmpty();
    }

    public void countSent(int n) {
        sent.add(n);
    }

    public void countDropped(int n) {
        dropped.add(n);
    }

    public void countReconnect() {
        reconnects.increment();
    }

    public void countError(Throwable error) {
        String message = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        if (!message.equals(lastError)) {
            log.warn("Log stream {} to {}: {}", settings.name(), settings.destination(), message);
        }
        lastError = message;
        lastErrorMillis = System.currentTimeMillis();
        errors.increment(); // last, so that a reader who sees the count also sees the message
    }

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
                reconnects.sum(), errors.sum(), lastError, lastErrorMillis);
    }
}
