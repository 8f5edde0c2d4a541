package org.apptrack.syslog.transport;

import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogStreamState;

/**
 * What a {@link StreamTransport} delivers from and reports to: a stream's queue of records, its
 * counters and its state. The transport is the queue's single consumer and calls these from its
 * own thread only.
 */
public interface DeliveryQueue {

    /** The next record to send, or null when the queue is empty. */
    LogRecord poll();

    /** True when records are waiting. */
    boolean hasQueued();

    /** Records the receiver accepted. */
    void countSent(int n);

    /** Records lost in delivery (a failed write, a broken connection). */
    void countDropped(int n);

    /** A new connection (or file) attempt after a failure. */
    void countReconnect();

    /** A delivery error; the stream keeps the latest message for the operator. */
    void countError(Throwable error);

    /** The delivery state the operator sees (connecting, up). */
    void state(LogStreamState newState);
}
