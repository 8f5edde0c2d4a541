package org.apptrack.syslog.api;

/**
 * A snapshot of one stream: what it is configured to do, its state, and its counters since it
 * was (re)configured.
 *
 * @param name stream name (the part after {@code org.apptrack.syslog.stream-} in the file name, or
 *     the {@code name} property)
 * @param transport {@code udp}, {@code tcp}, {@code tls} or {@code file}; as configured when rejected
 * @param format {@code sd-syslog}, {@code structured-syslog} or {@code syslog}
 * @param destination {@code host:port}, or the file path
 * @param state the life-cycle state
 * @param configError why the configuration was rejected, naming the field; {@code null} otherwise
 * @param queueDepth records waiting to be sent now
 * @param queueCapacity the most records the queue holds
 * @param queued records accepted into the queue
 * @param sent records written to the transport
 * @param dropped records lost: queue full, or pending when a connection broke
 * @param reconnects connection attempts after the first
 * @param errors transport errors seen
 * @param lastError the last transport error, or {@code null}
 * @param lastErrorMillis when it happened, epoch milliseconds, or 0
 * @param rateLimit the configured limit in records per second, 0 for none
 * @param rateLimited records refused by the rate limit before the queue (not part of dropped)
 */
public final class LogStreamStatus {
    private final String name;
    private final String transport;
    private final String format;
    private final String destination;
    private final LogStreamState state;
    private final String configError;
    private final int queueDepth;
    private final int queueCapacity;
    private final long queued;
    private final long sent;
    private final long dropped;
    private final long reconnects;
    private final long errors;
    private final String lastError;
    private final long lastErrorMillis;
    private final int rateLimit;
    private final long rateLimited;

    /** A stream without a rate limit. */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public LogStreamStatus(String name, String transport, String format, String destination,
                           LogStreamState state, String configError, int queueDepth, int queueCapacity,
                           long queued, long sent, long dropped, long reconnects, long errors,
                           String lastError, long lastErrorMillis) {
        this(name, transport, format, destination, state, configError, queueDepth, queueCapacity, queued, sent,
                dropped, reconnects, errors, lastError, lastErrorMillis, 0, 0);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    public LogStreamStatus(String name, String transport, String format, String destination,
                           LogStreamState state, String configError, int queueDepth, int queueCapacity,
                           long queued, long sent, long dropped, long reconnects, long errors,
                           String lastError, long lastErrorMillis, int rateLimit, long rateLimited) {
        this.name = name;
        this.transport = transport;
        this.format = format;
        this.destination = destination;
        this.state = state;
        this.configError = configError;
        this.queueDepth = queueDepth;
        this.queueCapacity = queueCapacity;
        this.queued = queued;
        this.sent = sent;
        this.dropped = dropped;
        this.reconnects = reconnects;
        this.errors = errors;
        this.lastError = lastError;
        this.lastErrorMillis = lastErrorMillis;
        this.rateLimit = rateLimit;
        this.rateLimited = rateLimited;
    }

    public String name() {
        return name;
    }

    public String transport() {
        return transport;
    }

    public String format() {
        return format;
    }

    public String destination() {
        return destination;
    }

    public LogStreamState state() {
        return state;
    }

    public String configError() {
        return configError;
    }

    public int queueDepth() {
        return queueDepth;
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    public long queued() {
        return queued;
    }

    public long sent() {
        return sent;
    }

    public long dropped() {
        return dropped;
    }

    public long reconnects() {
        return reconnects;
    }

    public long errors() {
        return errors;
    }

    public String lastError() {
        return lastError;
    }

    public long lastErrorMillis() {
        return lastErrorMillis;
    }

    /** The configured rate limit in records per second; 0 when the stream has none. */
    public int rateLimit() {
        return rateLimit;
    }

    /** Records refused by the rate limit before they reached the queue; not counted in {@link #dropped()}. */
    public long rateLimited() {
        return rateLimited;
    }

    @Override
    public String toString() {
        return name + " " + transport + " " + format + " " + destination + " " + state
                + (configError != null ? " (" + configError + ")" : "")
                + " queued=" + queued + " sent=" + sent + " dropped=" + dropped
                + (rateLimit > 0 ? " rateLimit=" + rateLimit + "/s rateLimited=" + rateLimited : "")
                + " reconnects=" + reconnects + " errors=" + errors;
    }
}
