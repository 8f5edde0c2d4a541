package org.apptrack.apptrack.appid.catalog;

import java.util.Locale;
import java.util.Objects;
import org.apptrack.apptrack.api.IpAddresses;

/**
 * An IPv4 or IPv6 prefix of the catalog ({@code 91.108.4.0/22}, {@code 2001:b28:f23c::/47}), held
 * as the session table holds addresses: 128 bits in two longs, IPv4 as IPv4-mapped
 * ({@code ::ffff:a.b.c.d}, so an IPv4 /n is a 128-bit /96+n). Host bits must be zero: a prefix
 * written with them is more likely a typo than a range.
 */
public final class AddressPrefix {

    private final long high;
    private final long low;
    private final int length;
    private final boolean ipv4;

    private AddressPrefix(long high, long low, int length, boolean ipv4) {
        this.high = high;
        this.low = low;
        this.length = length;
        this.ipv4 = ipv4;
    }

    /**
     * Parses {@code address/length} (IPv4 dotted quad or IPv6 text; a lone address is a host
     * prefix).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static AddressPrefix parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        boolean v4 = address.indexOf(':') < 0;
        int max = v4 ? 32 : 128;
        int length = max;
        if (slash >= 0) {
            String n = t.substring(slash + 1);
            if (n.isEmpty() || n.length() > 3 || !n.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + text + "': the prefix length must be a number 0.." + max);
            }
            length = Integer.parseInt(n);
            if (length > max) {
                throw new IllegalArgumentException("'" + text + "': the prefix length must be 0.." + max);
            }
        }
        long hi;
        long lo;
        if (v4) {
            int a = parseIpv4(address, text);
            hi = 0;
            lo = IpAddresses.ipv4Low(a);
            int hostBits = 32 - length;
            if (hostBits > 0 && (a & (int) ((1L << hostBits) - 1)) != 0) {
                throw new IllegalArgumentException("'" + text + "': address bits beyond the prefix length are set");
            }
            return new AddressPrefix(hi, lo, 96 + length, true);
        }
        long[] v6 = parseIpv6(address, text);
        hi = v6[0];
        lo = v6[1];
        if ((hi & ~mask(length)) != 0 || (lo & ~mask(length - 64)) != 0) {
            throw new IllegalArgumentException("'" + text + "': address bits beyond the prefix length are set");
        }
        return new AddressPrefix(hi, lo, length, false);
    }

    /** The top {@code bits} of a 64-bit word set (none for bits <= 0, all for >= 64). */
    static long mask(int bits) {
        return bits <= 0 ? 0 : bits >= 64 ? -1L : -1L << (64 - bits);
    }

    private static int parseIpv4(String s, String text) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 prefix");
        }
        int a = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 prefix");
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw new IllegalArgumentException("'" + text + "': " + v + " is not an IPv4 address byte");
            }
            a = a << 8 | v;
        }
        return a;
    }

    private static long[] parseIpv6(String s, String text) {
        String lower = s.toLowerCase(Locale.ROOT);
        int gap = lower.indexOf("::");
        if (gap >= 0 && lower.indexOf("::", gap + 1) >= 0 || lower.indexOf('.') >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 prefix");
        }
        String[] head = gap < 0 ? lower.split(":", -1) : split(lower.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : split(lower.substring(gap + 2));
        if (gap < 0 ? head.length != 8 : head.length + tail.length > 7) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 prefix");
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            groups[i] = group(head[i], text);
        }
        for (int i = 0; i < tail.length; i++) {
            groups[8 - tail.length + i] = group(tail[i], text);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) {
            hi = hi << 16 | groups[i];
            lo = lo << 16 | groups[i + 4];
        }
        return new long[] {hi, lo};
    }

    private static String[] split(String s) {
        return s.isEmpty() ? new String[0] : s.split(":", -1);
    }

    private static int group(String g, String text) {
        if (g.isEmpty() || g.length() > 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 prefix");
        }
        int v = 0;
        for (int i = 0; i < g.length(); i++) {
            int d = Character.digit(g.charAt(i), 16);
            if (d < 0) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 prefix");
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** The high 64 bits of the prefix's first address. */
    public long high() {
        return high;
    }

    /** The low 64 bits of the prefix's first address (IPv4-mapped for IPv4). */
    public long low() {
        return low;
    }

    /** The prefix length over 128 bits (96 + n for an IPv4 /n). */
    public int length() {
        return length;
    }

    public boolean isIpv4() {
        return ipv4;
    }

    /** Whether the address (two longs, IPv4-mapped for IPv4) is inside the prefix. */
    public boolean contains(long addressHigh, long addressLow) {
        return ((addressHigh ^ high) & mask(length)) == 0 && ((addressLow ^ low) & mask(length - 64)) == 0;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AddressPrefix)) {
            return false;
        }
        AddressPrefix p = (AddressPrefix) o;
        return high == p.high && low == p.low && length == p.length;
    }

    @Override
    public int hashCode() {
        return Objects.hash(high, low, length);
    }

    /** The prefix as the catalog writes it. */
    @Override
    public String toString() {
        return IpAddresses.format(high, low) + "/" + (ipv4 ? length - 96 : length);
    }
}
