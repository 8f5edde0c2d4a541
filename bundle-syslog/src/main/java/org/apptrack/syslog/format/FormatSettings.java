package org.apptrack.syslog.format;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * What a stream puts in the headers: format, HOSTNAME, facility, SD-ID and how time is written.
 * Validated on construction, like a Netty handler's configuration.
 */
public final class FormatSettings {

    public static final String DEFAULT_SD_ID = "junos@2636.1.1.1.2.129";
    /** Facility 1, "user-level messages", what an SRX uses for RT_FLOW. */
    public static final int DEFAULT_FACILITY = 1;

    private final LogFormat format;
    private final String hostname;
    private final int facility;
    private final String sdId;
    private final ZoneId zone;
    private final boolean utcAsZ;
    private final TimestampPrecision precision;

    private FormatSettings(LogFormat format, String hostname, int facility, String sdId, ZoneId zone,
                           boolean utcAsZ, TimestampPrecision precision) {
        this.format = Objects.requireNonNull(format, "format");
        this.hostname = requireHeaderToken("hostname", hostname, 255);
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("facility must be 0..23, was " + facility);
        }
        this.facility = facility;
        this.sdId = requireSdId(sdId);
        this.zone = Objects.requireNonNull(zone, "timeZone");
        this.utcAsZ = utcAsZ;
        this.precision = Objects.requireNonNull(precision, "timestampPrecision");
    }

    /** Settings with the defaults: UTC written as {@code Z}, milliseconds, facility user. */
    public static FormatSettings of(LogFormat format, String hostname) {
        return new FormatSettings(format, hostname, DEFAULT_FACILITY, DEFAULT_SD_ID, ZoneOffset.UTC, true,
                TimestampPrecision.MILLISECONDS);
    }

    public FormatSettings withFacility(int newFacility) {
        return new FormatSettings(format, hostname, newFacility, sdId, zone, utcAsZ, precision);
    }

    public FormatSettings withSdId(String newSdId) {
        return new FormatSettings(format, hostname, facility, newSdId, zone, utcAsZ, precision);
    }

    public FormatSettings withPrecision(TimestampPrecision newPrecision) {
        return new FormatSettings(format, hostname, facility, sdId, zone, utcAsZ, newPrecision);
    }

    /**
     * Sets the time zone from its configuration text: {@code Z} or {@code UTC} (offset written
     * {@code Z}), a numeric offset such as {@code +00:00} or {@code -07:00} (written as given), or
     * a region such as {@code Europe/Copenhagen} (offset of the moment, written numerically).
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public FormatSettings withTimeZone(String text) {
        String t = text == null ? "" : text.trim();
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.isEmpty() || upper.equals("Z") || upper.equals("UTC")) {
            return new FormatSettings(format, hostname, facility, sdId, ZoneOffset.UTC, true, precision);
        }
        try {
            return new FormatSettings(format, hostname, facility, sdId, ZoneId.of(t), false, precision);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone: " + t, e);
        }
    }

    public LogFormat format() {
        return format;
    }

    public String hostname() {
        return hostname;
    }

    public int facility() {
        return facility;
    }

    public String sdId() {
        return sdId;
    }

    public ZoneId zone() {
        return zone;
    }

    /** True when UTC is written as {@code Z} rather than {@code +00:00}. */
    public boolean utcAsZ() {
        return utcAsZ;
    }

    public TimestampPrecision precision() {
        return precision;
    }

    /** RFC 5424 header fields: 1 to {@code max} printable US-ASCII characters. */
    static String requireHeaderToken(String what, String value, int max) {
        if (value == null || value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException(what + " must be 1.." + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 127) {
                throw new IllegalArgumentException(what + " must be printable US-ASCII without spaces: " + value);
            }
        }
        return value;
    }

    /** RFC 5424 SD-ID: an SD-NAME, {@code name@enterprise} for private ones. */
    static String requireSdId(String sdId) {
        requireHeaderToken("sdId", sdId, 32);
        for (int i = 0; i < sdId.length(); i++) {
            char c = sdId.charAt(i);
            if (c == '=' || c == ']' || c == '"') {
                throw new IllegalArgumentException("sdId must not contain '=', ']' or '\"': " + sdId);
            }
        }
        return sdId;
    }
}
