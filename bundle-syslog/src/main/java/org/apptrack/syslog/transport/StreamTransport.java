package org.apptrack.syslog.stream;

/**
 * Moves records from a {@link LogStream}'s queue to a receiver. Implementations own their
 * thread, poll the stream only from it, and report sent, dropped and errors to the stream.
 */
public interface StreamTransport {

    /** Starts delivering; connection attempts and delivery happen asynchronously. */
    void start(LogStream stream);

    /** Called by producers after queueing: cheap, never blocks. */
    void recordsAvailable();

    /** Stops delivering and releases sockets or files; waits briefly for pending writes. */
    void stop();
}
