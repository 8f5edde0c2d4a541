package org.apptrack.syslog.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * One security-log message as an SRX emits it: a tag (the syslog MSGID, e.g.
 * {@code APPTRACK_SESSION_CLOSE}), a time, an optional logical system, the structured fields in
 * Junos order, and the plain-text body used by the non-brief structured and plain formats.
 *
 * <p>Immutable and safe to share between streams. Field names are validated as RFC 5424
 * SD-NAMEs when the record is built (once per message type with {@link FieldNames}); values are
 * arbitrary text, escaped by the formats, or numbers ({@link #isNumber(int)}), which formats
 * write as digits without making a String. The body may be given as a {@link BodyRenderer},
 * rendered on the first {@link #body()} call only: {@code sd-syslog} streams never need it.
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
    /** Where {@link #names} comes from, or null when they were given one by one. */
    private final FieldNames fieldNames;
    /** Each a String or a Long (a field given as a number). */
    private final Object[] values;
    private final BodyRenderer bodyRenderer;
    /**
     * The body: given, or rendered on first use and cached. A benign race (like String's hash):
     * renderers are pure and a String is safely published through its final fields, so at worst
     * two threads render the same text.
     */
    private String body;

    private LogRecord(Builder b) {
        this.tag = b.tag;
        this.appName = b.appName;
        this.severity = b.severity;
        this.timeMillis = b.timeMillis;
        this.logicalSystem = b.logicalSystem;
        // A FieldNames array is never written, so records of one message type share it.
        boolean shared = b.namesShared && b.size == b.names.length;
        this.names = shared ? b.names : Arrays.copyOf(b.names, b.size);
        this.fieldNames = shared ? b.sharedNames : null;
        if (b.size == b.values.length) {
            this.values = b.values;
            b.valuesHandedOver = true; // the builder copies before writing again
        } else {
            this.values = Arrays.copyOf(b.values, b.size);
        }
        this.body = b.body;
        this.bodyRenderer = b.body == null ? b.bodyRenderer : null;
    }

    /** Starts a record with the given tag (MSGID). */
    public static Builder builder(String tag) {
        return new Builder(tag, null);
    }

    /**
     * Starts a record whose fields are, in order, {@code names} (the fast path for a producer of
     * many records of one type). Fields may still be given otherwise: the first name that differs
     * from the expected one is validated and the builder continues as {@link #builder(String)}.
     */
    public static Builder builder(String tag, FieldNames names) {
        return new Builder(tag, names);
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

    /**
     * The {@link FieldNames} this record's names are, or {@code null} when they were given one by
     * one: records of one message type share it, so formats may key per-type caches on it.
     */
    public FieldNames fieldNames() {
        return fieldNames;
    }

    public int fieldCount() {
        return names.length;
    }

    public String name(int index) {
        return names[index];
    }

    /** The value as text; a number field's digits are made into a new String on each call. */
    public String value(int index) {
        Object v = values[index];
        return v instanceof String ? (String) v : v.toString();
    }

    /** True when the field was given as a number ({@link Builder#field(String, long)}). */
    public boolean isNumber(int index) {
        return values[index] instanceof Long;
    }

    /**
     * The value of a number field.
     *
     * @throws IllegalStateException when the field holds text
     */
    public long number(int index) {
        Object v = values[index];
        if (v instanceof Long) {
            return (Long) v;
        }
        throw new IllegalStateException("field " + names[index] + " is text, not a number");
    }

    /** Value of the first field with this name, or {@code null}. */
    public String value(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return value(i);
            }
        }
        return null;
    }

    /** The plain-text message body, or {@code null} when the producer gave none. */
    public String body() {
        String b = body;
        if (b == null && bodyRenderer != null) {
            b = bodyRenderer.render(this);
            body = b;
        }
        return b;
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
                && Arrays.equals(names, that.names) && valuesEqual(that) && Objects.equals(body(), that.body());
    }

    /** Values compare as text: a number equals the text of its digits, as it is written. */
    private boolean valuesEqual(LogRecord that) {
        if (values.length != that.values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            Object a = values[i];
            Object b = that.values[i];
            if (!(a.getClass() == b.getClass() ? a.equals(b) : a.toString().equals(b.toString()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int valuesHash = 1;
        for (Object v : values) {
            valuesHash = 31 * valuesHash + v.toString().hashCode();
        }
        return Objects.hash(tag, timeMillis, logicalSystem, valuesHash);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(wireTag()).append(" [");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : " ").append(names[i]).append("=\"").append(values[i]).append('"');
        }
        return sb.append(']').toString();
    }

    /**
     * Renders a record's plain-text body from its fields, when a format first needs it. Must be
     * a pure function of the record (it may run on any thread, and more than once).
     */
    @FunctionalInterface
    public interface BodyRenderer {
        String render(LogRecord record);
    }

    /**
     * The field names of one message type, in order, validated as SD-NAMEs once. A builder
     * started with them checks each name by identity instead of validating it, and the records
     * share the array. Immutable.
     */
    public static final class FieldNames {
        private final String[] names;
        /** The same names after {@code logical-system-name}, for {@code _LS} records. */
        private final FieldNames withLogicalSystem;

        private FieldNames(String[] names, FieldNames withLogicalSystem) {
            this.names = names;
            this.withLogicalSystem = withLogicalSystem;
        }

        /** @throws IllegalArgumentException when a name is not an RFC 5424 SD-NAME */
        public static FieldNames of(String... names) {
            String[] copy = names.clone();
            for (String name : copy) {
                Builder.requireSdName(name);
            }
            String[] prefixed = new String[copy.length + 1];
            prefixed[0] = LOGICAL_SYSTEM_FIELD;
            System.arraycopy(copy, 0, prefixed, 1, copy.length);
            return new FieldNames(copy, new FieldNames(prefixed, null));
        }

        public int size() {
            return names.length;
        }

        public String name(int index) {
            return names[index];
        }
    }

    /** Builds a {@link LogRecord}; not thread-safe. */
    public static final class Builder {
        private final String tag;
        private String appName = DEFAULT_APP_NAME;
        private int severity = DEFAULT_SEVERITY;
        private long timeMillis = System.currentTimeMillis();
        private String logicalSystem;
        private final FieldNames expected;
        private String[] names;
        private Object[] values;
        private int size;
        /** {@link #names} is a FieldNames array: compared with, never written. */
        private boolean namesShared;
        /** The FieldNames whose array {@link #names} is while {@link #namesShared}. */
        private FieldNames sharedNames;
        /** {@link #values} went into a built record: copied before the next write. */
        private boolean valuesHandedOver;
        private String body;
        private BodyRenderer bodyRenderer;

        private Builder(String tag, FieldNames expected) {
            this.tag = requireToken("tag", tag);
            this.expected = expected;
            if (expected == null) {
                names = new String[48];
                values = new Object[48];
            } else {
                names = expected.names;
                values = new Object[names.length];
                namesShared = true;
                sharedNames = expected;
            }
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
                    writableValues()[0] = name;
                } else if (size == 0 && namesShared && expected.withLogicalSystem != null) {
                    names = expected.withLogicalSystem.names; // the same names, prefixed: still shared
                    sharedNames = expected.withLogicalSystem;
                    values = new Object[names.length];
                    valuesHandedOver = false;
                    append(LOGICAL_SYSTEM_FIELD, name);
                } else {
                    insertFirst(LOGICAL_SYSTEM_FIELD, name);
                }
            }
            return this;
        }

        /** Appends a field; {@code null} values are written as {@code N/A}, as an SRX does. */
        public Builder field(String name, String value) {
            return append(name, value == null ? "N/A" : value);
        }

        /** Appends a number field: formats write its digits, without a String per value. */
        public Builder field(String name, long value) {
            return append(name, value);
        }

        /** The body text; replaces a {@link #lazyBody(BodyRenderer)}. */
        public Builder body(String body) {
            this.body = body;
            this.bodyRenderer = null;
            return this;
        }

        /**
         * The body, rendered from the built record when a format first asks for it (never for
         * {@code sd-syslog}); replaces a {@link #body(String)}.
         */
        public Builder lazyBody(BodyRenderer renderer) {
            this.bodyRenderer = renderer;
            this.body = null;
            return this;
        }

        public LogRecord build() {
            return new LogRecord(this);
        }

        private Builder append(String name, Object value) {
            if (namesShared) {
                String next = size < names.length ? names[size] : null;
                if (next != name && (next == null || !next.equals(name))) {
                    requireSdName(name);
                    names = Arrays.copyOf(names, Math.max(size * 2, 48));
                    namesShared = false;
                    names[size] = name;
                }
            } else {
                requireSdName(name);
                if (size == names.length) {
                    names = Arrays.copyOf(names, size * 2);
                }
                names[size] = name;
            }
            Object[] v = writableValues();
            if (size == v.length) {
                v = Arrays.copyOf(v, Math.max(size * 2, 48));
                values = v;
            }
            v[size++] = value;
            return this;
        }

        private Object[] writableValues() {
            if (valuesHandedOver) {
                values = values.clone();
                valuesHandedOver = false;
            }
            return values;
        }

        private void insertFirst(String name, String value) {
            if (namesShared) {
                names = Arrays.copyOf(names, Math.max(size * 2, 48)); // about to shift them: our own copy
                namesShared = false;
            }
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
