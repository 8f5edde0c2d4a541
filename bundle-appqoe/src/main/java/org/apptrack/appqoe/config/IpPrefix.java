package org.apptrack.appqoe.config;

import io.netty.util.NetUtil;
import java.util.Objects;

/**
 * An address prefix in the form sessions carry addresses (bundle-apptrack's IpAddresses): 128
 * bits as two longs, IPv4 as IPv4-mapped {@code ::ffff:a.b.c.d}, so that {@link #contains} is two
 * masked compares and allocates nothing. An IPv4 prefix holds only IPv4 addresses; {@code ::/0}
 * holds every address, IPv4-mapped ones too.
 */
public final class IpPrefix {

    private static final long IPV4_MAPPED = 0x0000_FFFF_0000_0000L;

    private final long high;
    private final long low;
    private final int length;
    private final boolean ipv4;
    private final long maskHigh;
    private final long maskLow;

    private IpPrefix(long high, long low, int length, boolean ipv4) {
        int bits = ipv4 ? length + 96 : length;
        this.maskHigh = mask(Math.min(bits, 64));
        this.maskLow = mask(Math.max(bits - 64, 0));
        this.high = high & maskHigh;
        this.low = low & maskLow;
        this.length = length;
        this.ipv4 = ipv4;
    }

    private static long mask(int bits) {
        return bits == 0 ? 0L : -1L << (64 - bits);
    }

    /**
     * {@code ADDRESS[/LENGTH]}, IPv4 or IPv6; without a length the prefix is one address.
     *
     * @throws IllegalArgumentException without the key (the caller adds it)
     */
    public static IpPrefix parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 prefix: '" + t + "'");
        }
        boolean v4 = bytes.length == 4;
        int max = v4 ? 32 : 128;
        int length = max;
        if (slash >= 0) {
            try {
                length = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0 || length > max) {
                throw new IllegalArgumentException("prefix length must be 0-" + max + ": '" + t + "'");
            }
        }
        long hi = 0;
        long lo;
        if (v4) {
            lo = IPV4_MAPPED | (toLong(bytes, 0, 4) & 0xFFFF_FFFFL);
        } else {
            hi = toLong(bytes, 0, 8);
            lo = toLong(bytes, 8, 8);
        }
        return new IpPrefix(hi, lo, length, v4);
    }

    private static long toLong(byte[] b, int from, int n) {
        long v = 0;
        for (int i = from; i < from + n; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    /** Whether the address (two longs, IPv4-mapped for IPv4) is inside the prefix. */
    public boolean contains(long addressHigh, long addressLow) {
        return (addressHigh & maskHigh) == high && (addressLow & maskLow) == low;
    }

    public boolean isIpv4() {
        return ipv4;
    }

    /** The prefix length as written (0-32 for IPv4, 0-128 for IPv6). */
    public int length() {
        return length;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IpPrefix)) {
            return false;
        }
        IpPrefix p = (IpPrefix) o;
        return high == p.high && low == p.low && length == p.length && ipv4 == p.ipv4;
    }

    @Override
    public int hashCode() {
        return Objects.hash(high, low, length, ipv4);
    }

    @Override
    public String toString() {
        byte[] b = new byte[ipv4 ? 4 : 16];
        if (ipv4) {
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) (low >>> (24 - 8 * i));
            }
        } else {
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (high >>> (56 - 8 * i));
                b[i + 8] = (byte) (low >>> (56 - 8 * i));
            }
        }
        return NetUtil.bytesToIpAddress(b) + "/" + length;
    }
}
