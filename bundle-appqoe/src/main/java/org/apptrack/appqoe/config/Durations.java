package org.apptrack.appqoe.config;

import java.time.Duration;
import java.util.Locale;

/** Durations as configured: a whole number with ms, s, m or h; a bare number is seconds, as in Junos. */
final class Durations {

    private Durations() {
    }

    /** @throws IllegalArgumentException with the accepted forms (the caller prefixes the key) */
    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < t.length() && Character.isDigit(t.charAt(digits))) {
            digits++;
        }
        String unit = t.substring(digits).trim();
        if (digits == 0 || digits > 9) {
            throw new IllegalArgumentException("not a duration (like 100ms, 1s, 5m, 1h; a bare number is seconds): '"
                    + text.trim() + "'");
        }
        long n = Long.parseLong(t.substring(0, digits));
        switch (unit) {
            case "ms":
                return Duration.ofMillis(n);
            case "":
            case "s":
                return Duration.ofSeconds(n);
            case "m":
            case "min":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            default:
                throw new IllegalArgumentException("not a duration (like 100ms, 1s, 5m, 1h; a bare number is seconds): '"
                        + text.trim() + "'");
        }
    }

    /** Shortest exact spelling, for messages. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
