package org.apptrack.apptrack.api;

/**
 * How sessions hold and spell addresses: 128 bits as two longs, IPv4 as IPv4-mapped
 * ({@code ::ffff:a.b.c.d}) so that one key format serves both families; written as RFC 5952 text,
 * IPv4-mapped addresses as dotted quads.
 */
public final class IpAddresses {

    private static final long IPV4_MAPPED_PREFIX = 0x0000_FFFF_0000_0000L;
    private static final long LOW32 = 0xFFFF_FFFFL;

    private IpAddresses() {
    }

    /** The low half {@code ::ffff:a.b.c.d} of an IPv4 address given as an int (the high half is 0). */
    public static long ipv4Low(int ipv4) {
        return IPV4_MAPPED_PREFIX | (ipv4 & LOW32);
    }

    /** Whether a 128-bit address is IPv4-mapped; the IPv4 address is then {@code (int) low}. */
    public static boolean isIpv4Mapped(long high, long low) {
        return high == 0L && (low & 0xFFFF_FFFF_0000_0000L) == IPV4_MAPPED_PREFIX;
    }

    /** RFC 5952 text of a 128-bit address; dotted quad for an IPv4-mapped one. */
    public static String format(long high, long low) {
        if (isIpv4Mapped(high, low)) {
            return formatIpv4((int) low);
        }
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            g[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
        }
        // the longest run of zero groups (of at least two) becomes "::"
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestLen = j - i;
                    bestStart = i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** Dotted-quad text of an IPv4 address. */
    public static String formatIpv4(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }
}
