package org.apptrack.api.time;

import java.time.Instant;

/**
 * The time that session timing uses (durations, update intervals, idle timeouts, log timestamps).
 *
 * <p>Provided as an OSGi service by the capture bundle's capture clock (bundle-capture,
 * {@code org.apptrack.capture.source.CaptureClock}): the capture's own timestamps while a capture
 * file is replayed, so that a replay gives the same logs every time, and wall time otherwise.
 * Consumed by AppTrack, whose reference to it is optional: inside ONOS, where no capture bundle
 * runs and ONOS's own {@code PacketService} delivers live packets, there is no such service and
 * AppTrack uses {@link #SYSTEM}, the wall clock.
 */
public interface Clock {

    /** Wall-clock time. */
    Clock SYSTEM = new Clock() {
        @Override
        public long currentTimeNanos() {
            Instant now = Instant.now();
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
