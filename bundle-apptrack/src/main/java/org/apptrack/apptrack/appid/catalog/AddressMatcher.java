package org.apptrack.apptrack.appid.catalog;

import java.util.Arrays;
import org.apptrack.apptrack.api.IpAddresses;

/**
 * Longest-prefix match of an address over the catalog's address prefixes: a binary trie over
 * the 128 bits of the session table's address form (IPv4-mapped for IPv4), in flat int arrays.
 * Built once per catalog snapshot; a lookup reads at most one node per address bit (IPv4
 * lookups start at the node of {@code ::ffff:0:0/96}) and allocates nothing.
 */
public final class AddressMatcher {

    private static final AddressMatcher EMPTY = builder().build();

    private final int[] zero;
    private final int[] one;
    private final int[] value;
    /** The node of {@code ::ffff:0:0/96}, or -1 when no prefix reaches below it. */
    private final int ipv4Root;
    /** The value of the longest prefix of at most 96 bits that holds the IPv4-mapped space. */
    private final int ipv4Inherited;
    private final int prefixes;

    private AddressMatcher(int[] zero, int[] one, int[] value, int prefixes) {
        this.zero = zero;
        this.one = one;
        this.value = value;
        this.prefixes = prefixes;
        int node = 0;
        int inherited = value[0];
        long mapped = IpAddresses.ipv4Low(0);
        for (int depth = 0; depth < 96 && node >= 0; depth++) {
            node = bit(0, mapped, depth) == 0 ? zero[node] : one[node];
            if (node >= 0 && value[node] != 0) {
                inherited = value[node];
            }
        }
        this.ipv4Root = node;
        this.ipv4Inherited = inherited;
    }

    public static AddressMatcher empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static int bit(long high, long low, int depth) {
        return (int) (depth < 64 ? high >>> (63 - depth) : low >>> (127 - depth)) & 1;
    }

    /** The value of the longest prefix holding the address, 0 when none does. */
    public int match(long high, long low) {
        int best;
        int node;
        int depth;
        if (high == 0 && (low & 0xFFFF_FFFF_0000_0000L) == IpAddresses.ipv4Low(0)) {
            best = ipv4Inherited;
            node = ipv4Root;
            depth = 96;
        } else {
            best = value[0];
            node = 0;
            depth = 0;
        }
        while (node >= 0 && depth < 128) {
            node = bit(high, low, depth) == 0 ? zero[node] : one[node];
            depth++;
            if (node >= 0 && value[node] != 0) {
                best = value[node];
            }
        }
        return best;
    }

    /** How many prefixes the matcher holds. */
    public int size() {
        return prefixes;
    }

    /** Collects prefixes; a prefix added twice keeps its first value. */
    public static final class Builder {
        private int[] zero = new int[64];
        private int[] one = new int[64];
        private int[] value = new int[64];
        private int nodes = 1;
        private int prefixes;

        private Builder() {
            zero[0] = -1;
            one[0] = -1;
        }

        /** Adds a prefix with its value (not 0); false if the same prefix already has one. */
        public boolean add(AddressPrefix p, int v) {
            if (v == 0) {
                throw new IllegalArgumentException("0 means no match");
            }
            int node = 0;
            for (int depth = 0; depth < p.length(); depth++) {
                boolean right = bit(p.high(), p.low(), depth) == 1;
                int child = right ? one[node] : zero[node];
                if (child < 0) {
                    child = newNode(); // may replace the arrays: index them after
                    if (right) {
                        one[node] = child;
                    } else {
                        zero[node] = child;
                    }
                }
                node = child;
            }
            if (value[node] != 0) {
                return false;
            }
            value[node] = v;
            prefixes++;
            return true;
        }

        private int newNode() {
            if (nodes == zero.length) {
                zero = Arrays.copyOf(zero, nodes * 2);
                one = Arrays.copyOf(one, nodes * 2);
                value = Arrays.copyOf(value, nodes * 2);
            }
            zero[nodes] = -1;
            one[nodes] = -1;
            value[nodes] = 0;
            return nodes++;
        }

        public AddressMatcher build() {
            return new AddressMatcher(Arrays.copyOf(zero, nodes), Arrays.copyOf(one, nodes),
                    Arrays.copyOf(value, nodes), prefixes);
        }
    }
}
