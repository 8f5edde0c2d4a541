package org.apptrack.appqoe.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.appqoe.api.PeriodFigures;
import org.apptrack.appqoe.api.SlaTargets;

/**
 * How the AppQoE commands print figures: durations in milliseconds with three decimals (the
 * microseconds AppQoE measures, exactly), percentages with two, and "-" for what was not measured.
 */
final class ConsoleFigures {

    static final String NONE = "-";

    private ConsoleFigures() {
    }

    /** 12345 us as "12.345"; {@link PeriodFigures#NOT_MEASURED} (or a negative value) as "-". */
    static String millis(long micros) {
        if (micros == PeriodFigures.NOT_MEASURED || micros < 0) {
            return NONE;
        }
        return String.format("%d.%03d", micros / 1000, micros % 1000);
    }

    /** Loss in percent with two decimals, "-" without a verdict (negative). */
    static String percent(double percent) {
        return percent < 0 || Double.isNaN(percent) ? NONE : String.format("%.2f", percent);
    }

    /** Lost of the probes resolved (answered or lost), "-" before any is resolved. */
    static String lossPercent(long answered, long lost) {
        long resolved = answered + lost;
        return resolved <= 0 ? NONE : percent(100.0 * lost / resolved);
    }

    /** Wall-clock milliseconds as an ISO-8601 instant (UTC), "-" for 0 (never). */
    static String time(long millis) {
        return millis <= 0 ? NONE : Instant.ofEpochMilli(millis).toString();
    }

    /** The text, "-" when empty. */
    static String text(String s) {
        return s == null || s.isEmpty() ? NONE : s;
    }

    /** "rtt 50.000 ms, jitter 10.000 ms two-way, loss 1.00 %, match any" with the targets set; "-" when unknown. */
    static String targets(SlaTargets t) {
        if (t == null) {
            return NONE;
        }
        List<String> parts = new ArrayList<>(4);
        if (t.rttMicros() > 0) {
            parts.add("rtt " + millis(t.rttMicros()) + " ms");
        }
        if (t.jitterMicros() > 0) {
            parts.add("jitter " + millis(t.jitterMicros()) + " ms " + t.jitterType());
        }
        if (t.lossPercent() > 0) {
            parts.add("loss " + percent(t.lossPercent()) + " %");
        }
        parts.add("match " + t.match());
        return String.join(", ", parts);
    }
}
