package org.apptrack.syslog.format;

/** Digits of fractional seconds in RFC 5424 timestamps. */
public enum TimestampPrecision implements ConfigNamed {
    SECONDS("seconds", 0),
    MILLISECONDS("milliseconds", 3),
    MICROSECONDS("microseconds", 6);

    private final String configName;
    private final int digits;

    TimestampPrecision(String configName, int digits) {
        this.configName = configName;
        this.digits = digits;
    }

    @Override
    public String configName() {
        return configName;
    }

    public int digits() {
        return digits;
    }

    /** Parses a configuration name, or returns null when it is not one. */
    public static TimestampPrecision fromConfigName(String name) {
        return ConfigNamed.fromConfigName(TimestampPrecision.class, name);
    }
}
