package org.apptrack.apptrack.api;

/**
 * The time that session timing uses: wall time when packets come live, the capture's own
 * timestamps when a capture file is replayed, so that a replay gives the same logs every time.
 * Provided as an OSGi service by the packet source; without one, AppTrack uses {@link #SYSTEM}.
 */
public interface Clock {

    /** Wall-clock time. */
    Clock SYSTEM = new Clock() {
        @Override
        public long currentTimeNanos() {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public String toString() {
            return "system clock";
        }
    };

    /** Nanoseconds since the epoch. */
    long currentTimeNanos();

    /** Milliseconds since the epoch. */
    default long currentTimeMillis() {
        return Math.floorDiv(currentTimeNanos(), 1_000_000L);
    }
}
