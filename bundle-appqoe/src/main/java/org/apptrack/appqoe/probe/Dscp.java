package org.apptrack.appqoe.probe;

import java.util.Locale;

/**
 * DSCP values and the IP_TOS byte that carries them (DSCP in the upper six bits, ECN zero); shared
 * by the probe transports.
 */
public final class Dscp {

    private Dscp() {
    }

    public static int check(String field, int dscp) {
        if (dscp < 0 || dscp > 63) {
            throw new IllegalArgumentException(field + " must be 0..63: " + dscp);
        }
        return dscp;
    }

    public static int toTos(int dscp) {
        return dscp << 2;
    }

    /**
     * A DSCP as configured: Junos's six-bit binary form ({@code 101110}), a per-hop behaviour name
     * ({@code ef}, {@code af11}..{@code af43}, {@code cs0}..{@code cs7}, {@code be}) or a decimal
     * 0..63. Six binary digits are read as binary, as Junos {@code dscp-code-points} does, so
     * "000001" is 1 but "1" is decimal 1 too.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static int parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.length() == 6 && t.chars().allMatch(c -> c == '0' || c == '1')) {
            return Integer.parseInt(t, 2);
        }
        if (t.equals("ef")) {
            return 46;
        }
        if (t.equals("be") || t.equals("default")) {
            return 0;
        }
        if (t.length() == 3 && t.startsWith("cs") && t.charAt(2) >= '0' && t.charAt(2) <= '7') {
            return (t.charAt(2) - '0') << 3;
        }
        if (t.length() == 4 && t.startsWith("af") && t.charAt(2) >= '1' && t.charAt(2) <= '4'
                && t.charAt(3) >= '1' && t.charAt(3) <= '3') {
            // AFxy = class x, drop precedence y: 8x + 2y (RFC 2597)
            return ((t.charAt(2) - '0') << 3) | ((t.charAt(3) - '0') << 1);
        }
        if (!t.isEmpty() && t.length() <= 2 && t.chars().allMatch(Character::isDigit)) {
            int v = Integer.parseInt(t);
            if (v <= 63) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a DSCP (six bits like 101110, ef, af11..af43, cs0..cs7, be, or 0-63): '"
                + (text == null ? "" : text.trim()) + "'");
    }
}
