package org.apptrack.syslog.api;

import java.util.List;
import java.util.Optional;

/**
 * The security-log stream, as an SRX's {@code security log stream}: every record given to
 * {@link #log(LogRecord)} is delivered to each configured stream in its own format and transport.
 * Delivery is asynchronous; a stream whose receiver is down or slow queues what it can and counts
 * what it drops, so callers never block.
 */
public interface SecurityLogService {

    /** Hands a record to every running stream and to the listeners. Never blocks, never throws. */
    void log(LogRecord record);

    /**
     * Hands a record to one stream only (e.g. a test message).
     *
     * @return false when no stream has that name or the stream is not running
     */
    boolean log(String streamName, LogRecord record);

    /** The status and counters of every configured stream, including rejected ones, by name. */
    List<LogStreamStatus> streams();

    /** The status of one stream. */
    Optional<LogStreamStatus> stream(String name);

    void addListener(LogRecordListener listener);

    void removeListener(LogRecordListener listener);

    /**
     * The endpoints of the network streams (UDP, TCP, TLS) now in force, whether connected or
     * not: the product's own log traffic. File streams have none.
     */
    default List<LogStreamEndpoint> networkEndpoints() {
        return List.of();
    }

    /** Adds a listener told whenever the streams change. */
    default void addStreamsListener(LogStreamsListener listener) {
    }

    default void removeStreamsListener(LogStreamsListener listener) {
    }
}
