package org.apptrack.apptrack.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apptrack.apptrack.engine.EngineSettings;
import org.apptrack.apptrack.engine.log.SessionLogEmitter;

/**
 * AppTrack's configuration ({@code etc/org.apptrack.apptrack.cfg}), validated: {@link #parse}
 * names the property it rejects. Intervals and timeouts are in seconds, as in Junos.
 */
public final class AppTrackSettings {

    public static final String PID = "org.apptrack.apptrack";

    private final EngineSettings engine;
    private final SessionLogEmitter.Context logs;

    private AppTrackSettings(EngineSettings engine, SessionLogEmitter.Context logs) {
        this.engine = engine;
        this.logs = logs;
    }

    /**
     * @throws IllegalArgumentException with a message that starts with the property name
     */
    public static AppTrackSettings parse(Map<String, ?> props) {
        EngineSettings.Builder b = EngineSettings.builder()
                .maxSessions((int) number(props, "maxSessions", 1_000_000, 1, 64_000_000))
                .sessionUpdateInterval(seconds(props, "sessionUpdateInterval", 300, 1, 86_400))
                .tcpTimeout(seconds(props, "tcpTimeout", 1800, 4, 86_400))
                .udpTimeout(seconds(props, "udpTimeout", 60, 4, 86_400))
                .icmpTimeout(seconds(props, "icmpTimeout", 60, 4, 86_400))
                .otherTimeout(seconds(props, "otherTimeout", 60, 4, 86_400))
                .firstUpdate(bool(props, "firstUpdate", false))
                .volumeUpdates(!bool(props, "noVolumeUpdates", false));
        long first = number(props, "firstUpdateInterval", 0, 0, 86_400);
        if (first > 0) {
            b.firstUpdateInterval(Duration.ofSeconds(first));
        }
        EngineSettings engine;
        try {
            engine = b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("engine: " + e.getMessage(), e);
        }
        SessionLogEmitter.Context logs = new SessionLogEmitter.Context(bool(props, "logSessionCreate", false),
                bool(props, "logSessionClose", false), text(props, "policyName", "N/A"),
                text(props, "sourceZone", "trust"), text(props, "destinationZone", "untrust"));
        return new AppTrackSettings(engine, logs);
    }

    public EngineSettings engine() {
        return engine;
    }

    public SessionLogEmitter.Context logs() {
        return logs;
    }

    private static String text(Map<String, ?> props, String key, String fallback) {
        Object v = props.get(key);
        return v == null || v.toString().trim().isEmpty() ? fallback : v.toString().trim();
    }

    private static boolean bool(Map<String, ?> props, String key, boolean fallback) {
        String v = text(props, key, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key + ": not true or false: " + v);
        }
        return Boolean.parseBoolean(v);
    }

    private static long number(Map<String, ?> props, String key, long fallback, long min, long max) {
        String v = text(props, key, Long.toString(fallback));
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: " + v, e);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + ": out of range " + min + ".." + max + ": " + n);
        }
        return n;
    }

    private static Duration seconds(Map<String, ?> props, String key, long fallback, long min, long max) {
        return Duration.ofSeconds(number(props, key, fallback, min, max));
    }
}
