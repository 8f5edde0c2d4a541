package org.apptrack.syslog.format;

/**
 * Writes text into a byte array as UTF-8, without allocating, the way RFC 5424 wants it.
 * Hand-written because no library encodes and escapes in one pass into a caller's buffer.
 *
 * <p>Control characters (C0, DEL, C1, U+2028, U+2029) become a space, so no value from the
 * network can end a log line or fake a field; a lone surrogate becomes {@code ?}. Callers size
 * the buffer with {@link #maxBytes(CharSequence)}.
 */
final class WireText {

    private static final byte COPY = 0;
    private static final byte ESCAPE = 1;
    private static final byte BLANK = 2;

    /** What to do with each US-ASCII character inside a PARAM-VALUE. */
    private static final byte[] PARAM_VALUE = new byte[128];
    /** What to do with each US-ASCII character in free text (message body). */
    private static final byte[] TEXT = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            PARAM_VALUE[c] = BLANK;
            TEXT[c] = BLANK;
        }
        PARAM_VALUE[0x7f] = BLANK;
        TEXT[0x7f] = BLANK;
        PARAM_VALUE['"'] = ESCAPE;
        PARAM_VALUE['\\'] = ESCAPE;
        PARAM_VALUE[']'] = ESCAPE;
    }

    private WireText() {
    }

    /** An upper bound of the bytes {@link #writeParamValue} or {@link #writeText} write. */
    static int maxBytes(CharSequence s) {
        return s == null ? 0 : 3 * s.length();
    }

    /** Writes a PARAM-VALUE body: {@code "}, {@code \} and {@code ]} escaped with a backslash. */
    static int writeParamValue(String s, byte[] dst, int pos) {
        return write(s, dst, pos, PARAM_VALUE);
    }

    /** Writes free text (a message body): nothing escaped, control characters blanked. */
    static int writeText(String s, byte[] dst, int pos) {
        return write(s, dst, pos, TEXT);
    }

    /** Writes text already known to be printable US-ASCII (names, validated header tokens). */
    @SuppressWarnings("deprecation")
    static int writeAscii(String s, byte[] dst, int pos) {
        int len = s.length();
        // String.getBytes(int, int, byte[], int) copies the low byte of each char, with no
        // allocation: exactly right for text validated as US-ASCII.
        s.getBytes(0, len, dst, pos);
        return pos + len;
    }

    private static int write(String s, byte[] dst, int pos, byte[] asciiAction) {
        int p = pos;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte action = asciiAction[c];
                if (action == COPY) {
                    dst[p++] = (byte) c;
                } else if (action == ESCAPE) {
                    dst[p++] = '\\';
                    dst[p++] = (byte) c;
                } else {
                    dst[p++] = ' ';
                }
            } else if (c < 0x800) {
                if (c <= 0x9f) {
                    dst[p++] = ' '; // C1 controls, NEL among them
                } else {
                    dst[p++] = (byte) (0xc0 | (c >> 6));
                    dst[p++] = (byte) (0x80 | (c & 0x3f));
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    dst[p++] = (byte) (0xf0 | (cp >> 18));
                    dst[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    dst[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    dst[p++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    dst[p++] = '?';
                }
            } else if (c == 0x2028 || c == 0x2029) {
                dst[p++] = ' '; // line and paragraph separators
            } else {
                dst[p++] = (byte) (0xe0 | (c >> 12));
                dst[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                dst[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        return p;
    }

    /** The longest decimal {@link #writeDecimal} writes: {@code -9223372036854775808}. */
    static final int MAX_DECIMAL_BYTES = 20;

    /** "00" to "99", two ASCII digits per entry, for writing two digits per division. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /** Writes a decimal number exactly as {@link Long#toString(long)} spells it. */
    static int writeDecimal(long value, byte[] dst, int pos) {
        if (value >= 0 && value <= Integer.MAX_VALUE) {
            return writeNonNegativeInt((int) value, dst, pos); // ports, counters, ids: int division is cheaper
        }
        int p = pos;
        // Work on the negative value, which has room for Long.MIN_VALUE.
        long v = value;
        if (v < 0) {
            dst[p++] = '-';
        } else {
            v = -v;
        }
        int end = p + digitCount(v);
        int q = end;
        while (v <= -100) {
            int pair = (int) (v - (v / 100) * 100); // -99..0
            v /= 100;
            dst[--q] = DIGIT_PAIRS[-2 * pair + 1];
            dst[--q] = DIGIT_PAIRS[-2 * pair];
        }
        if (v <= -10) {
            dst[--q] = DIGIT_PAIRS[-2 * (int) v + 1];
            dst[--q] = DIGIT_PAIRS[-2 * (int) v];
        } else {
            dst[--q] = (byte) ('0' - v);
        }
        return end;
    }

    private static int writeNonNegativeInt(int value, byte[] dst, int pos) {
        int end = pos + intDigitCount(value);
        int q = end;
        int v = value;
        while (v >= 100) {
            int next = v / 100;
            int pair = v - next * 100;
            v = next;
            dst[--q] = DIGIT_PAIRS[2 * pair + 1];
            dst[--q] = DIGIT_PAIRS[2 * pair];
        }
        if (v >= 10) {
            dst[--q] = DIGIT_PAIRS[2 * v + 1];
            dst[--q] = DIGIT_PAIRS[2 * v];
        } else {
            dst[--q] = (byte) ('0' + v);
        }
        return end;
    }

    /** Digits of a non-negative int; small values (the common case) decided first. */
    private static int intDigitCount(int v) {
        if (v < 100_000) {
            return v < 100 ? (v < 10 ? 1 : 2) : v < 1_000 ? 3 : v < 10_000 ? 4 : 5;
        }
        return v < 10_000_000 ? (v < 1_000_000 ? 6 : 7) : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10;
    }

    /** Digits of a value that is 0 or negative (without the sign). */
    private static int digitCount(long negative) {
        long bound = -10;
        for (int digits = 1; digits < 19; digits++) {
            if (negative > bound) {
                return digits;
            }
            bound *= 10;
        }
        return 19;
    }

    /** Writes {@code value} as exactly {@code width} digits, zero-padded. */
    static int writePadded(int value, int width, byte[] dst, int pos) {
        int v = value;
        for (int i = pos + width - 1; i >= pos; i--) {
            dst[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return pos + width;
    }
}
