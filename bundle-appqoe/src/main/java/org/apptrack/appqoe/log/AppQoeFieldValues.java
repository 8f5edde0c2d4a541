package org.apptrack.appqoe.log;

/**
 * The values of one AppQoE message, set field by field; a field not set is absent and written as
 * its {@link AppQoeField#absentText()} (or 0). Not thread-safe: filled by one thread, then read.
 */
public final class AppQoeFieldValues {

    private static final int FIELDS = AppQoeField.values().length;

    /** By ordinal: a String, a Long or null (absent). */
    private final Object[] values = new Object[FIELDS];

    /**
     * Sets a text field; {@code null} leaves it absent.
     *
     * @throws IllegalArgumentException when the field holds a number
     */
    public AppQoeFieldValues set(AppQoeField field, String value) {
        if (field.isNumeric()) {
            throw new IllegalArgumentException(field.wireName() + " is a number, not text");
        }
        values[field.ordinal()] = value;
        return this;
    }

    /**
     * Sets a number field.
     *
     * @throws IllegalArgumentException when the field holds text or the value is negative
     */
    public AppQoeFieldValues set(AppQoeField field, long value) {
        if (!field.isNumeric()) {
            throw new IllegalArgumentException(field.wireName() + " is text, not a number");
        }
        if (value < 0) {
            throw new IllegalArgumentException(field.wireName() + " must not be negative, was " + value);
        }
        values[field.ordinal()] = value;
        return this;
    }

    /** Leaves a field absent again. */
    public AppQoeFieldValues clear(AppQoeField field) {
        values[field.ordinal()] = null;
        return this;
    }

    /** True when the field was given a value. */
    public boolean isSet(AppQoeField field) {
        return values[field.ordinal()] != null;
    }

    /** The text given, or {@code null}. */
    public String text(AppQoeField field) {
        Object v = values[field.ordinal()];
        return v instanceof String ? (String) v : null;
    }

    /** The number given, or 0. */
    public long number(AppQoeField field) {
        Object v = values[field.ordinal()];
        return v instanceof Long ? (Long) v : 0L;
    }

    /** A copy, so that a value object stays immutable while its builder goes on. */
    AppQoeFieldValues copy() {
        AppQoeFieldValues c = new AppQoeFieldValues();
        System.arraycopy(values, 0, c.values, 0, FIELDS);
        return c;
    }
}
