package org.apptrack.appqoe.lab;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A delay or jitter change of the site's forwarder: when the forwarder applied it, and when the
 * first datagram under it arrived (both System.nanoTime of the site JVM, comparable with this
 * JVM's on one host). Reaction times are measured from {@link #firstDatagramNanos}, so they do
 * not include the time the command took to reach the forwarder.
 */
public final class SettingChange {

    private final String description;
    private final CompletableFuture<Long> applied = new CompletableFuture<>();
    private final CompletableFuture<Long> firstDatagram = new CompletableFuture<>();

    SettingChange(String description) {
        this.description = description;
    }

    void applied(long nanos) {
        applied.complete(nanos);
    }

    void firstDatagram(long nanos) {
        firstDatagram.complete(nanos);
    }

    void failed(String message) {
        IllegalArgumentException e = new IllegalArgumentException(description + ": " + message);
        applied.completeExceptionally(e);
        firstDatagram.completeExceptionally(e);
    }

    /** When the forwarder took the setting; waits up to 10 s for its answer. */
    public long appliedNanos() {
        return await(applied, Duration.ofSeconds(10), "acknowledged");
    }

    /** When the first datagram under the setting arrived; waits (traffic must flow on the uplink). */
    public long firstDatagramNanos(Duration timeout) {
        return await(firstDatagram, timeout, "followed by a datagram");
    }

    private long await(CompletableFuture<Long> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(description + " not " + what + " within " + timeout);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
