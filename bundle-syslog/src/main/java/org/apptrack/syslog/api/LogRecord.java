package org.apptrack.syslog.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * One security-log message as an SRX emits it: a tag (the syslog MSGID, e.g.
 * {@code APPTRACK_SESSION_CLOSE}), a time, an optional logical system, the structured fields in
 * Junos order, and the plain-text body used by the non-brief structured and plain formats.
 *
 * <p>Immutable and safe to share between streams. Field names are validated as RFC 5424
 * SD-NAMEs when the record is built; values are arbitrary text and are escaped by the formats.
 */
public final class LogRecord {

    /** APP-NAME of AppTrack and AppQoE messages on an SRX. */
    public static final String DEFAULT_APP_NAME = "RT_FLOW";
    /** Syslog severity "informational", what an SRX uses for these messages. */
    public static final int DEFAULT_SEVERITY = 6;
    /** The root logical system; records of it carry no {@code _LS} suffix. */
    public static final String ROOT_LOGICAL_SYSTEM = "root-logical-system";
    /** Name of the field that {@code _LS} variants carry first. */
    public static final String LOGICAL_SYSTEM_FIELD = "logical-system-name";

    private final String tag;
    private final String appName;
    private final int severity;
    private final long timeMillis;
    private final String logicalSystem;
    private final String[] names;
    private final String[] values;
    private final String body;

    private LogRecord(Builder b) {
        this.tag = b.tag;
        this.appName = b.appName;
        this.severity = b.severity;
        this.timeMillis = b.timeMillis;
        this.logicalSystem = b.logicalSystem;
        this.names = Arrays.copyOf(b.names, b.size);
        this.values = Arrays.copyOf(b.values, b.size);
        this.body = b.body;
    }

    /** Starts a record with the given tag (MSGID). */
    public static Builder builder(String tag) {
        return new Builder(tag);
    }

    /** The tag as given, without the {@code _LS} suffix. */
    public String tag() {
        return tag;
    }

    /** The tag as it goes on the wire: with {@code _LS} for a non-root logical system. */
    public String wireTag() {
        return isLogicalSystemRecord() ? tag + "_LS" : tag;
    }

    /** True when the record belongs to a logical system other than the root one. */
    public boolean isLogicalSystemRecord() {
        return logicalSystem != null && !ROOT_LOGICAL_SYSTEM.equals(logicalSystem);
    }

    public String appName() {
        return appName;
    }

    /** Syslog severity, 0 (emergency) to 7 (debug). */
    public int severity() {
        return severity;
    }

    /** Event time in milliseconds since the epoch. */
    public long timeMillis() {
        return timeMillis;
    }

    /** The logical system, or {@code null} for the root logical system. */
    public String logicalSystem() {
        return logicalSystem;
    }

    public int fieldCount() {
        return names.length;
    }

    public String name(int index) {
        return names[index];
    }

    public String value(int index) {
        return values[index];
    }

    /** Value of the first field with this name, or {@code null}. */
    public String value(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    /** The plain-text message body, or {@code null} when the producer gave none. */
    public String body() {
        return body;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LogRecord)) {
            return false;
        }
        LogRecord that = (LogRecord) o;
        return severity == that.severity && timeMillis == that.timeMillis && tag.equals(that.tag)
                && appName.equals(that.appName) && Objects.equals(logicalSystem, that.logicalSystem)
                && Arrays.equals(names, that.names) && Arrays.equals(values, that.values)
                && Objects.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, timeMillis, logicalSystem, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(wireTag()).append(" [");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : " ").append(names[i]).append("=\"").append(values[i]).append('"');
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link LogRecord}; not thread-safe. */
    public static final class Builder {
        private final String tag;
        private String appName = DEFAULT_APP_NAME;
        private int severity = DEFAULT_SEVERITY;
        private long timeMillis = System.currentTimeMillis();
        private String logicalSystem;
        private String[] names = new String[48];
        private String[] values = new String[48];
        private int size;
        private String body;

        private Builder(String tag) {
            this.tag = requireToken("tag", tag);
        }

        public Builder appName(String appName) {
            this.appName = requireToken("appName", appName);
            return this;
        }

        public Builder severity(int severity) {
            if (severity < 0 || severity > 7) {
                throw new IllegalArgumentException("severity must be 0..7, was " + severity);
            }
            this.severity = severity;
            return this;
        }

        public Builder time(long epochMillis) {
            this.timeMillis = epochMillis;
            return this;
        }

        /**
         * Sets the logical system; a non-root one makes the record an {@code _LS} variant whose
         * first field is {@code logical-system-name}, added here.
         */
        public Builder logicalSystem(String name) {
            this.logicalSystem = name;
            if (name != null && !ROOT_LOGICAL_SYSTEM.equals(name)) {
                if (size > 0 && LOGICAL_SYSTEM_FIELD.equals(names[0])) {
                    values[0] = name;
                } else {
                    insertFirst(LOGICAL_SYSTEM_FIELD, name);
                }
            }
            return this;
        }

        /** Appends a field; {@code null} values are written as {@code N/A}, as an SRX does. */
        public Builder field(String name, String value) {
            requireSdName(name);
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value == null ? "N/A" : value;
            size++;
            return this;
        }

        public Builder field(String name, long value) {
            return field(name, Long.toString(value));
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public LogRecord build() {
            return new LogRecord(this);
        }

        private void insertFirst(String name, String value) {
            field(name, value);
            System.arraycopy(names, 0, names, 1, size - 1);
            System.arraycopy(values, 0, values, 1, size - 1);
            names[0] = name;
            values[0] = value;
        }

        private static String requireToken(String what, String token) {
            if (token == null || token.isEmpty()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c <= ' ' || c >= 127) {
                    throw new IllegalArgumentException(what + " must be printable US-ASCII without spaces: " + token);
                }
            }
            return token;
        }

        /** RFC 5424 SD-NAME: 1 to 32 printable US-ASCII characters except '=', SP, ']' and '"'. */
        static void requireSdName(String name) {
            if (name == null || name.isEmpty() || name.length() > 32) {
                throw new IllegalArgumentException("field name must be 1..32 characters: " + name);
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c >= 127 || c == '=' || c == ']' || c == '"') {
                    throw new IllegalArgumentException("field name is not an RFC 5424 SD-NAME: " + name);
                }
            }
        }
    }
}
