package org.apptrack.appqoe.probe.stamp;

/**
 * The 64-bit NTP timestamp of STAMP packets (RFC 8762 4.2.1, RFC 5905 6): 32 bits of seconds since
 * 1900-01-01 and 32 bits of binary fraction of a second, converted from and to the nanoseconds
 * since the Unix epoch that {@link org.apptrack.api.time.Clock} gives.
 */
public final class NtpTimestamp {

    /** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01. */
    static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private NtpTimestamp() {
    }

    /** The NTP timestamp of a wall time in nanoseconds since the Unix epoch (era 0 wraps in 2036). */
    public static long fromEpochNanos(long epochNanos) {
        long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        long fraction = ((nanos << 32) + NANOS_PER_SECOND / 2) / NANOS_PER_SECOND;
        return ((seconds + EPOCH_OFFSET_SECONDS) << 32) | fraction;
    }

    /**
     * Nanoseconds since the Unix epoch of an NTP timestamp, rounded to the nearest nanosecond (so
     * that a wall time survives the round trip exactly). Seconds are read unsigned in era 0.
     */
    public static long toEpochNanos(long ntp) {
        long seconds = (ntp >>> 32) - EPOCH_OFFSET_SECONDS;
        long fraction = ntp & 0xFFFF_FFFFL;
        return seconds * NANOS_PER_SECOND + ((fraction * NANOS_PER_SECOND + (1L << 31)) >>> 32);
    }
}
