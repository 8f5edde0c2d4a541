package org.apptrack.apptrack.engine.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Longest-prefix match from an address to an int value, over parallel primitive arrays sorted
 * from the most to the least specific prefix; a lookup scans until the first match and
 * allocates nothing. Zone and identity tables hold tens of prefixes and are consulted when a
 * session is created, not per packet, so a scan beats a trie's pointer chasing here.
 */
public final class PrefixTable {

    private final long[] high;
    private final long[] low;
    private final long[] maskHigh;
    private final long[] maskLow;
    private final int[] values;

    private PrefixTable(List<AddressPrefix> prefixes, List<Integer> vals) {
        int n = prefixes.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Most specific first; equal lengths keep configuration order (stable sort).
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -prefixes.get(i).bits()));
        high = new long[n];
        low = new long[n];
        maskHigh = new long[n];
        maskLow = new long[n];
        values = new int[n];
        for (int k = 0; k < n; k++) {
            AddressPrefix p = prefixes.get(order[k]);
            high[k] = p.high();
            low[k] = p.low();
            maskHigh[k] = p.maskHigh();
            maskLow[k] = p.maskLow();
            values[k] = vals.get(order[k]);
        }
    }

    /** The value of the longest prefix that contains the address, or -1. */
    public int lookup(long addressHigh, long addressLow) {
        for (int k = 0; k < values.length; k++) {
            if ((addressHigh & maskHigh[k]) == high[k] && (addressLow & maskLow[k]) == low[k]) {
                return values[k];
            }
        }
        return -1;
    }

    public int size() {
        return values.length;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects prefix/value pairs; a prefix given twice is an error naming it. */
    public static final class Builder {
        private final List<AddressPrefix> prefixes = new ArrayList<>();
        private final List<Integer> values = new ArrayList<>();

        /**
         * @return the value already bound to this prefix, or -1 when it is new (then it is added)
         */
        public int add(AddressPrefix prefix, int value) {
            int i = prefixes.indexOf(prefix);
            if (i >= 0) {
                return values.get(i);
            }
            prefixes.add(prefix);
            values.add(value);
            return -1;
        }

        public PrefixTable build() {
            return new PrefixTable(prefixes, values);
        }
    }
}
