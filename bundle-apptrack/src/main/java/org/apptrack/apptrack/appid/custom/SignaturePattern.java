package org.apptrack.apptrack.appid.custom;

import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A custom signature member's pattern in the Junos AppID (DFA) syntax, matched against a whole
 * context value (a host name, a decoded URL path, a User-Agent, a payload's first bytes):
 * <ul>
 *   <li>a character stands for itself; {@code \} before any other character makes it literal
 *       ({@code \.}, {@code \*}, {@code \\});</li>
 *   <li>{@code .} any byte, {@code [a-z]} and {@code [^a-z]} classes, {@code *} {@code +}
 *       {@code ?} repetition, {@code ( | )} grouping and alternatives;</li>
 *   <li>{@code \x0d0a\x} (also {@code \X...\X}, spaces allowed) bytes in hexadecimal,
 *       {@code \0ooo} one byte in octal;</li>
 *   <li>{@code \[...\]} the enclosed part matched ignoring ASCII case.</li>
 * </ul>
 * The pattern describes the whole value ({@code .*\.example\.com} for a host under
 * example.com, {@code \x1603\x.*} for a payload that starts with those bytes). Compiled once to a
 * {@link java.util.regex.Pattern}; each thread matches through its own reused {@link Matcher}
 * over a reused view of the bytes, so a match allocates nothing. A match that takes more than
 * {@link #STEPS_PER_BYTE} steps per byte of input (a pattern that backtracks without end on a
 * crafted value) is abandoned as no match, so that no packet can stall the engine.
 */
public final class SignaturePattern {

    /** Characters a pattern may have at most (as Junos). */
    public static final int MAX_LENGTH = 128;
    /** Reads of the input a match may make per input byte, and at least. */
    static final int STEPS_PER_BYTE = 64;
    static final int MIN_STEPS = 4096;

    private final String source;
    private final Pattern compiled;
    private final ThreadLocal<Probe> probes;

    private SignaturePattern(String source, Pattern compiled) {
        this.source = source;
        this.compiled = compiled;
        this.probes = ThreadLocal.withInitial(() -> new Probe(compiled));
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static SignaturePattern compile(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("no pattern");
        }
        if (pattern.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a pattern has at most " + MAX_LENGTH + " characters: " + pattern.length());
        }
        String regex = translate(pattern);
        try {
            return new SignaturePattern(pattern, Pattern.compile(regex, Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid pattern '" + pattern + "': " + e.getDescription(), e);
        }
    }

    /** The Junos pattern in java.util.regex syntax (over chars 0..255, one per byte). */
    static String translate(String p) {
        StringBuilder out = new StringBuilder(p.length() * 2);
        int depth = 0;
        boolean ignoringCase = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c > 0x7e || c < 0x20) {
                throw new IllegalArgumentException("character " + (int) c + " at " + i + ": only printable ASCII");
            }
            if (c == '\\') {
                if (i + 1 == p.length()) {
                    throw new IllegalArgumentException("'\\' at the end");
                }
                char n = p.charAt(++i);
                if (n == 'x' || n == 'X') {
                    int close = p.indexOf("\\" + n, i + 1);
                    if (close < 0) {
                        throw new IllegalArgumentException("\\" + n + " at " + (i - 1) + " has no closing \\" + n);
                    }
                    String hex = p.substring(i + 1, close).replace(" ", "");
                    if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.matches("[0-9A-Fa-f]+")) {
                        throw new IllegalArgumentException("\\" + n + "..\\" + n + " at " + (i - 1)
                                + " must hold pairs of hexadecimal digits: '" + hex + "'");
                    }
                    for (int k = 0; k < hex.length(); k += 2) {
                        out.append("\\x").append(hex, k, k + 2);
                    }
                    i = close + 1;
                } else if (n == '0') {
                    if (i + 4 > p.length() || !p.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                        throw new IllegalArgumentException("\\0 at " + (i - 1) + " must be followed by three octal digits");
                    }
                    int v = Integer.parseInt(p.substring(i + 1, i + 4), 8);
                    if (v > 0xff) {
                        throw new IllegalArgumentException("\\0" + p.substring(i + 1, i + 4) + " is more than a byte");
                    }
                    out.append(String.format("\\x%02x", v));
                    i += 3;
                } else if (n == '[') {
                    if (ignoringCase) {
                        throw new IllegalArgumentException("\\[ at " + (i - 1) + " inside another \\[");
                    }
                    ignoringCase = true;
                    out.append("(?i:");
                } else if (n == ']') {
                    if (!ignoringCase) {
                        throw new IllegalArgumentException("\\] at " + (i - 1) + " without \\[");
                    }
                    ignoringCase = false;
                    out.append(')');
                } else if (Character.isLetterOrDigit(n)) {
                    throw new IllegalArgumentException("unknown escape \\" + n + " at " + (i - 1));
                } else {
                    literal(out, n);
                }
            } else if (c == '[') {
                i = characterClass(p, i, out);
            } else if (c == '(') {
                depth++;
                out.append("(?:");
            } else if (c == ')') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("')' at " + i + " without '('");
                }
                out.append(')');
            } else if (c == '.' || c == '|') {
                out.append(c);
            } else if (c == '*' || c == '+' || c == '?') {
                char before = out.length() == 0 ? '|' : out.charAt(out.length() - 1);
                if (before == '|' || before == '(' || before == ':' && (out.toString().endsWith("(?:") || out.toString().endsWith("(?i:"))
                        || before == '*' || before == '+' || before == '?') {
                    throw new IllegalArgumentException("'" + c + "' at " + i + " repeats nothing");
                }
                out.append(c);
            } else {
                literal(out, c);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("'(' without ')'");
        }
        if (ignoringCase) {
            throw new IllegalArgumentException("\\[ without \\]");
        }
        return out.toString();
    }

    /** A {@code [...]} class from {@code p[start]}: ranges and single characters, literal inside. */
    private static int characterClass(String p, int start, StringBuilder out) {
        int i = start + 1;
        out.append('[');
        if (i < p.length() && p.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        int members = 0;
        for (; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == ']' && members > 0) {
                out.append(']');
                return i;
            }
            if (c == '\\' && i + 1 < p.length()) {
                c = p.charAt(++i);
            }
            if (c == '-' && members > 0 && i + 1 < p.length() && p.charAt(i + 1) != ']') {
                out.append('-');
                continue;
            }
            out.append(String.format("\\x%02x", (int) c));
            members++;
        }
        throw new IllegalArgumentException("'[' at " + start + " without ']'");
    }

    private static void literal(StringBuilder out, char c) {
        if (Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c == '/' || c == ':' || c == '=' || c == ','
                || c == '"' || c == '\'' || c == '@' || c == '%' || c == '!' || c == ';' || c == '<' || c == '>'
                || c == '`' || c == '~' || c == '#') {
            out.append(c);
        } else {
            out.append(String.format("\\x%02x", (int) c));
        }
    }

    /** Whether the pattern matches all of {@code bytes[offset, offset + length)}. Allocation-free. */
    public boolean matches(byte[] bytes, int offset, int length) {
        Probe p = probes.get();
        p.view.of(bytes, offset, length);
        return p.run();
    }

    /** Whether the pattern matches all of {@code buffer[offset, offset + length)} (absolute). Allocation-free. */
    public boolean matches(ByteBuffer buffer, int offset, int length) {
        Probe p = probes.get();
        p.view.of(buffer, offset, length);
        return p.run();
    }

    @Override
    public String toString() {
        return source;
    }

    /** One thread's matcher over its reused view. */
    private static final class Probe {
        final ByteChars view = new ByteChars();
        final Matcher matcher;

        Probe(Pattern pattern) {
            this.matcher = pattern.matcher(view);
        }

        boolean run() {
            view.budget(Math.max(MIN_STEPS, view.length() * STEPS_PER_BYTE));
            matcher.reset(view);
            try {
                return matcher.matches();
            } catch (ByteChars.OutOfSteps e) {
                return false;
            }
        }
    }
}
