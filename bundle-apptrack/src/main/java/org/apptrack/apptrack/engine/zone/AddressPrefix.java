package org.apptrack.apptrack.engine.zone;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.apptrack.apptrack.api.IpAddresses;

/**
 * An IPv4 or IPv6 prefix in the engine's address form (128 bits as two longs, IPv4 as
 * IPv4-mapped {@code ::ffff:a.b.c.d}, as the session table stores addresses). Written as
 * {@code 10.0.0.0/8}, {@code fc00::/7}, or a bare address (a host prefix).
 */
public final class AddressPrefix {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final long IPV4_MAPPED_LO = 0x0000_FFFF_0000_0000L;

    private final long high;
    private final long low;
    private final long maskHigh;
    private final long maskLow;
    /** Prefix length in the 128-bit form (an IPv4 /n is 96 + n). */
    private final int bits;
    private final String text;

    private AddressPrefix(long high, long low, int bits, String text) {
        this.maskHigh = bits == 0 ? 0 : bits >= 64 ? -1L : -1L << (64 - bits);
        this.maskLow = bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
        this.high = high & maskHigh;
        this.low = low & maskLow;
        this.bits = bits;
        this.text = text;
    }

    /**
     * Parses {@code ADDRESS[/LENGTH]}; only address literals are accepted (no name lookup).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static AddressPrefix parse(String value) {
        String v = value.trim();
        int slash = v.indexOf('/');
        String address = slash < 0 ? v : v.substring(0, slash);
        boolean v4 = IPV4.matcher(address).matches();
        if (!v4 && address.indexOf(':') < 0) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + value);
        }
        byte[] raw;
        try {
            raw = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
        } catch (UnknownHostException | SecurityException e) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + value, e);
        }
        if (v4 && raw.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + value);
        }
        int max = raw.length * 8;
        int length = max;
        if (slash >= 0) {
            try {
                length = Integer.parseInt(v.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length: " + value, e);
            }
            if (length < 0 || length > max) {
                throw new IllegalArgumentException("prefix length out of range 0.." + max + ": " + value);
            }
        }
        long hi;
        long lo;
        if (raw.length == 4) {
            hi = 0;
            lo = IPV4_MAPPED_LO | (((raw[0] & 0xFFL) << 24) | ((raw[1] & 0xFFL) << 16) | ((raw[2] & 0xFFL) << 8)
                    | (raw[3] & 0xFFL));
            length += 96;
        } else {
            hi = toLong(raw, 0);
            lo = toLong(raw, 8);
        }
        AddressPrefix p = new AddressPrefix(hi, lo, length, null);
        return new AddressPrefix(p.high, p.low, length,
                IpAddresses.format(p.high, p.low) + "/" + (raw.length == 4 ? length - 96 : length));
    }

    private static long toLong(byte[] b, int off) {
        long r = 0;
        for (int i = 0; i < 8; i++) {
            r = (r << 8) | (b[off + i] & 0xFFL);
        }
        return r;
    }

    public boolean matches(long addressHigh, long addressLow) {
        return (addressHigh & maskHigh) == high && (addressLow & maskLow) == low;
    }

    /** Length in the 128-bit form: longer is more specific, for IPv4 and IPv6 alike. */
    public int bits() {
        return bits;
    }

    long high() {
        return high;
    }

    long low() {
        return low;
    }

    long maskHigh() {
        return maskHigh;
    }

    long maskLow() {
        return maskLow;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressPrefix && ((AddressPrefix) o).high == high && ((AddressPrefix) o).low == low
                && ((AddressPrefix) o).bits == bits;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high) * 31 + Long.hashCode(low) * 7 + bits;
    }

    /** Canonical form, e.g. {@code 10.0.0.0/8} or {@code fc00::/7}. */
    @Override
    public String toString() {
        return text;
    }
}
