package org.apptrack.apptrack.impl;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apptrack.apptrack.api.AppTrackSessionEvent;
import org.apptrack.apptrack.api.AppTrackSessionListener;

/**
 * Hands session events to the registered listeners, in one of two ways.
 *
 * <p>{@link #queued}: the engine's thread only offers the event to a bounded queue and a
 * dispatcher thread calls the listeners. This is what the ONOS component uses: its listeners are
 * other bundles' code (path selection, steering) that may take a lock or call a slow service, and
 * the packet path must never wait for them, nor may a listener that calls back into AppTrack
 * (a route change) run while the engine is in the middle of an event. When the listeners fall
 * behind, an event that finds the queue full is dropped and counted: losing an event is better
 * than stalling every packet.
 *
 * <p>{@link #synchronous}: listeners run on the engine's thread, during the event. For a program
 * that embeds AppTrack and feeds it itself (tests, the replay tool): events arrive in step with
 * the packets, none is dropped; the contract is that a listener is quick and does not block.
 *
 * <p>Either way a listener's exception is caught and counted, and the other listeners still hear
 * of the event. Listeners are kept in a copy-on-write list: registrations are rare, events many.
 */
public final class SessionEventDispatcher implements AutoCloseable {

    private final CopyOnWriteArrayList<AppTrackSessionListener> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<AppTrackSessionEvent> queue;
    private final Thread thread;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closed;

    private SessionEventDispatcher(int capacity, String threadName) {
        if (capacity <= 0) {
            this.queue = null;
            this.thread = null;
            return;
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Listeners called on the thread that reports the event. */
    public static SessionEventDispatcher synchronous() {
        return new SessionEventDispatcher(0, null);
    }

    /** Listeners called on a thread of its own, behind a queue of at most {@code capacity} events. */
    public static SessionEventDispatcher queued(int capacity, String threadName) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        return new SessionEventDispatcher(capacity, threadName);
    }

    public void addListener(AppTrackSessionListener listener) {
        if (listener == null) {
            throw new NullPointerException("listener");
        }
        listeners.addIfAbsent(listener);
    }

    public void removeListener(AppTrackSessionListener listener) {
        listeners.remove(listener);
    }

    /** Whether anyone listens: without listeners no event is made at all. */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Delivers (or queues) one event; never throws, never blocks. */
    public void post(AppTrackSessionEvent event) {
        if (queue == null) {
            deliver(event);
        } else if (closed || !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    private void deliver(AppTrackSessionEvent event) {
        for (AppTrackSessionListener l : listeners) {
            try {
                if (l.isRelevant(event)) {
                    l.event(event);
                }
            } catch (RuntimeException | LinkageError e) {
                failures.incrementAndGet();
            }
        }
        delivered.incrementAndGet();
    }

    private void run() {
        try {
            while (!closed) {
                deliver(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events handed to the listeners (each to all of them). */
    public long delivered() {
        return delivered.get();
    }

    /** Events dropped because the queue was full (or the dispatcher closed). */
    public long dropped() {
        return dropped.get();
    }

    /** Exceptions listeners threw. */
    public long failures() {
        return failures.get();
    }

    /** Events waiting in the queue (0 when synchronous). */
    public int pending() {
        return queue == null ? 0 : queue.size();
    }

    /** Stops the dispatcher thread; events still queued are not delivered. */
    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
