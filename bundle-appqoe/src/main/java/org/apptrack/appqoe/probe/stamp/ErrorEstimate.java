package org.apptrack.appqoe.probe.stamp;

/**
 * The 16-bit Error Estimate of STAMP packets (RFC 4656 4.1.2, RFC 8762 4.2.1): S (clock
 * synchronised to UTC), Z (0 = NTP timestamp format), a 6-bit scale and an 8-bit multiplier; the
 * error is multiplier * 2^(scale - 32) seconds.
 */
public final class ErrorEstimate {

    /**
     * Our probes: clock not known to be synchronised, NTP format, about one millisecond (scale 22,
     * multiplier 1). Jitter and round-trip time need no synchronisation, so S stays clear.
     */
    public static final int UNSYNCHRONISED_MILLISECOND = of(false, 22, 1);

    private ErrorEstimate() {
    }

    /** The field for the given parts; the multiplier must not be zero (RFC 4656). */
    public static int of(boolean synchronised, int scale, int multiplier) {
        if (scale < 0 || scale > 63) {
            throw new IllegalArgumentException("error estimate scale must be 0..63: " + scale);
        }
        if (multiplier < 1 || multiplier > 255) {
            throw new IllegalArgumentException("error estimate multiplier must be 1..255: " + multiplier);
        }
        return (synchronised ? 0x8000 : 0) | scale << 8 | multiplier;
    }

    /** Whether the S bit is set. */
    public static boolean isSynchronised(int errorEstimate) {
        return (errorEstimate & 0x8000) != 0;
    }
}
