package org.apptrack.syslog.transport;

/**
 * Moves records from a stream's queue ({@link DeliveryQueue}) to a receiver. Implementations own
 * their thread, poll the queue only from it, and report sent, dropped and errors to it.
 */
public interface StreamTransport {

    /** Starts delivering; connection attempts and delivery happen asynchronously. */
    void start(DeliveryQueue queue);

    /** Called by producers after queueing: cheap, never blocks. */
    void recordsAvailable();

    /** Stops delivering and releases sockets or files; waits briefly for pending writes. */
    void stop();
}
