package org.apptrack.apptrack.offload;

import java.util.Arrays;

/**
 * Flow rule id (long) to an int, in two primitive arrays (in the style of Agrona's
 * {@code Long2LongHashMap}, which ONOS does not ship): open addressing with linear probing,
 * power-of-two capacity, load factor at most one half, deletion by backward shift (no
 * tombstones). No boxing, no objects per entry. Grows by doubling, off the packet path. Not
 * thread-safe.
 */
final class FlowIdMap {

    /** The value of no entry. */
    static final int MISSING = -1;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    FlowIdMap(int initialCapacity) {
        int capacity = Integer.highestOneBit(Math.max(4, initialCapacity * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, MISSING);
        mask = capacity - 1;
    }

    private static int hash(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32));
    }

    int get(long key) {
        int m = mask;
        for (int i = hash(key) & m; ; i = (i + 1) & m) {
            int v = values[i];
            if (v == MISSING) {
                return MISSING;
            }
            if (keys[i] == key) {
                return v;
            }
        }
    }

    /** Maps {@code key} to {@code value} (not {@link #MISSING}), replacing any earlier value. */
    void put(long key, int value) {
        if (value == MISSING) {
            throw new IllegalArgumentException("value -1 is the missing sentinel");
        }
        if ((size + 1) * 2 > mask + 1) {
            grow();
        }
        int m = mask;
        for (int i = hash(key) & m; ; i = (i + 1) & m) {
            if (values[i] == MISSING) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    /** Removes {@code key}; returns its value or {@link #MISSING}. */
    int remove(long key) {
        int m = mask;
        int i = hash(key) & m;
        while (true) {
            int v = values[i];
            if (v == MISSING) {
                return MISSING;
            }
            if (keys[i] == key) {
                break;
            }
            i = (i + 1) & m;
        }
        int removed = values[i];
        // Backward shift: move back each following entry whose home is not cyclically in (hole, j].
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & m;
            if (values[j] == MISSING) {
                break;
            }
            int home = hash(keys[j]) & m;
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = MISSING;
        size--;
        return removed;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != MISSING) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(values, MISSING);
        size = 0;
    }

    /** Bytes of the two arrays (headers aside). */
    long memoryBytes() {
        return 12L * keys.length;
    }
}
