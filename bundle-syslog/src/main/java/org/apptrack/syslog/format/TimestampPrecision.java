package org.apptrack.syslog.format;

import java.util.Locale;

/** Digits of fractional seconds in RFC 5424 timestamps. */
public enum TimestampPrecision {
    SECONDS("seconds", 0),
    MILLISECONDS("milliseconds", 3),
    MICROSECONDS("microseconds", 6);

    private final String configName;
    private final int digits;

    TimestampPrecision(String configName, int digits) {
        this.configName = configName;
        this.digits = digits;
    }

    public String configName() {
        return configName;
    }

    public int digits() {
        return digits;
    }

    /** Parses a configuration name, or returns null when it is not one. */
    public static TimestampPrecision fromConfigName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (TimestampPrecision p : values()) {
            if (p.configName.equals(n)) {
                return p;
            }
        }
        return null;
    }
}
