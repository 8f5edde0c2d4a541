package org.apptrack.appqoe.probe.stamp;

/**
 * Sees when each probe leaves against when its burst was due, to measure how precisely probes
 * are scheduled. Called on the sender's event loop for every probe: it must not block or
 * allocate.
 */
@FunctionalInterface
public interface ProbeSendObserver {

    /** Both times are {@link System#nanoTime()} readings. */
    void probeSent(long dueNanoTime, long sentNanoTime);
}
