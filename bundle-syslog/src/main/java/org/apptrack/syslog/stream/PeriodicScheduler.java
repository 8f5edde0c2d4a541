package org.apptrack.syslog.stream;

import java.util.concurrent.Future;

/**
 * Runs a stream's periodic task: the manager's Netty event loop in the product, a hand-driven
 * one in tests (so that timing is tested without waiting).
 */
@FunctionalInterface
public interface PeriodicScheduler {

    /**
     * Runs {@code task} every {@code periodNanos}, the first time one period from now, until the
     * returned future is cancelled.
     */
    Future<?> scheduleAtFixedRate(Runnable task, long periodNanos);
}
