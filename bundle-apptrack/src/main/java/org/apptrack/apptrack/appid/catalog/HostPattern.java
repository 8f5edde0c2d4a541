package org.apptrack.apptrack.appid.catalog;

import java.nio.charset.StandardCharsets;

/**
 * A host-name pattern of the catalog, normalised. Two forms:
 * <ul>
 *   <li>a domain ({@code youtube.com}; {@code *.youtube.com} and {@code .youtube.com} mean the
 *       same): the domain itself and every name below it, on label boundaries
 *       ({@code r3---sn-abc.googlevideo.com} is below {@code googlevideo.com},
 *       {@code notyoutube.com} is not below {@code youtube.com});</li>
 *   <li>a name under any top-level domain ({@code google.*}): {@code google.de},
 *       {@code www.google.co.uk}, {@code google.com.br} — the fixed labels followed by a
 *       top-level domain, or by a country's second-level domain such as {@code co.uk}.</li>
 * </ul>
 * Patterns are lower case ASCII (IDN names in their {@code xn--} form), labels of letters,
 * digits, {@code -} and {@code _}. A domain needs two labels at least: a lone top-level domain
 * would name half the Internet.
 */
public final class HostPattern {

    static final int MAX_NAME_LENGTH = 253;
    static final int MAX_LABEL_LENGTH = 63;
    private static final String ANY_TOP_LEVEL = ".*";

    private final String labels;
    private final boolean anyTopLevel;

    private HostPattern(String labels, boolean anyTopLevel) {
        this.labels = labels;
        this.anyTopLevel = anyTopLevel;
    }

    /**
     * Normalises a pattern: lower case, a leading {@code *.} or {@code .} and a trailing dot
     * dropped.
     *
     * @throws IllegalArgumentException saying what is wrong (the caller adds where)
     */
    public static HostPattern parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("'' is not a host name");
        }
        if (text.length() > MAX_NAME_LENGTH + 2) {
            throw new IllegalArgumentException("'" + shorten(text) + "' is longer than " + MAX_NAME_LENGTH
                    + " characters");
        }
        String s = text.toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("*.")) {
            s = s.substring(2);
        } else if (s.startsWith(".")) {
            s = s.substring(1);
        }
        boolean anyTopLevel = s.endsWith(ANY_TOP_LEVEL);
        if (anyTopLevel) {
            s = s.substring(0, s.length() - ANY_TOP_LEVEL.length());
        } else if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.indexOf('*') >= 0) {
            throw new IllegalArgumentException("'" + text + "': a wildcard is only a leading '*.' or a trailing '.*'");
        }
        int labelCount = checkLabels(text, s);
        if (!anyTopLevel && labelCount < 2) {
            throw new IllegalArgumentException("'" + text + "' is a single label: a domain needs two at least"
                    + " (name.tld), or write 'name.*' for the name under any top-level domain");
        }
        return new HostPattern(s, anyTopLevel);
    }

    private static int checkLabels(String text, String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no label");
        }
        int labels = 1;
        int labelLength = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (labelLength == 0) {
                    throw new IllegalArgumentException("'" + text + "' has an empty label");
                }
                labels++;
                labelLength = 0;
            } else if (isLabelCharacter(c)) {
                if (++labelLength > MAX_LABEL_LENGTH) {
                    throw new IllegalArgumentException("'" + shorten(text) + "' has a label longer than "
                            + MAX_LABEL_LENGTH + " characters");
                }
            } else {
                throw new IllegalArgumentException("'" + shorten(text) + "': '" + printable(c)
                        + "' is not a letter, digit, '-', '_' or '.' (write IDN names in their xn-- form)");
            }
        }
        if (labelLength == 0) {
            throw new IllegalArgumentException("'" + text + "' has an empty label");
        }
        return labels;
    }

    static boolean isLabelCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** The fixed labels, lower case ({@code youtube.com}; {@code google} for {@code google.*}). */
    public String labels() {
        return labels;
    }

    /** {@link #labels()} as bytes (ASCII). */
    byte[] labelBytes() {
        return labels.getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether the pattern is {@code name.*} (the labels under any top-level domain). */
    public boolean anyTopLevel() {
        return anyTopLevel;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostPattern && ((HostPattern) o).anyTopLevel == anyTopLevel
                && ((HostPattern) o).labels.equals(labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode() * 31 + (anyTopLevel ? 1 : 0);
    }

    /** The normalised pattern as the catalog writes it: {@code youtube.com}, {@code google.*}. */
    @Override
    public String toString() {
        return anyTopLevel ? labels + ANY_TOP_LEVEL : labels;
    }
}
