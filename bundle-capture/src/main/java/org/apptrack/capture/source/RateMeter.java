package org.apptrack.capture.source;

/** Frames per second over the last interval of at least a second, read by status commands. */
final class RateMeter {

    private long lastNanos = System.nanoTime();
    private long lastCount;
    private double rate;

    synchronized double rate(long count) {
        long now = System.nanoTime();
        long elapsed = now - lastNanos;
        if (elapsed >= 1_000_000_000L) {
            rate = (count - lastCount) * 1e9 / elapsed;
            lastNanos = now;
            lastCount = count;
        }
        return rate;
    }
}
