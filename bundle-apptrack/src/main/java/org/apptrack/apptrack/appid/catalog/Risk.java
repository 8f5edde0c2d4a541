package org.apptrack.apptrack.appid.catalog;

import java.util.Locale;

/** An application's risk level, as Junos shows it in the application details ("Risk"), lowest first. */
public enum Risk {
    LOW,
    MODERATE,
    HIGH,
    CRITICAL,
    UNSAFE;

    /** The level as the catalog file and the show commands write it: {@code low}, {@code moderate}, ... */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level written as {@link #text()}, or null if {@code text} names none. */
    public static Risk fromText(String text) {
        for (Risk r : values()) {
            if (r.text().equals(text)) {
                return r;
            }
        }
        return null;
    }

    /** Every level as text, in order ("low, moderate, high, critical, unsafe"), for error messages. */
    public static String allTexts() {
        StringBuilder b = new StringBuilder();
        for (Risk r : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(r.text());
        }
        return b.toString();
    }
}
