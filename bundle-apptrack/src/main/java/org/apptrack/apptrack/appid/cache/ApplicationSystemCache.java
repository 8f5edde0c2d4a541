package org.apptrack.apptrack.appid.cache;

/**
 * The application system cache: (server address, port, IP protocol) to the application and
 * nested application identified there, so that a later session to the same server is named from
 * its first packet (Junos: 3600 s by default). The same structure keyed by address alone (port
 * and protocol 0) is the name cache that DNS answers fill.
 *
 * <p>Bounded and allocation-free: a set-associative table of primitive arrays, {@link #WAYS}
 * entries per bucket; a new entry takes a free, expired or the soonest-expiring way of its
 * bucket (an eviction, counted). Written by hand because no library offers a bounded cache over
 * 128-bit keys without objects per entry. Not thread-safe: the engine's thread owns it;
 * {@link #forEach} is for commands, under the same lock.
 */
public final class ApplicationSystemCache {

    public static final int WAYS = 4;

    private final int mask;
    private final long[] keyHigh;
    private final long[] keyLow;
    /** protocol << 16 | port, + 1 so that 0 marks a free entry. */
    private final int[] keyService;
    /** application << 16 | nested. */
    private final int[] value;
    private final long[] expires;
    private long ttlNanos;
    private int size;
    private long hits;
    private long misses;
    private long inserts;
    private long evictions;

    /**
     * @param capacity entries, rounded up to a power of two (at least {@link #WAYS})
     * @param ttlNanos how long an entry names later sessions
     */
    public ApplicationSystemCache(int capacity, long ttlNanos) {
        if (capacity < 1 || capacity > 1 << 24) {
            throw new IllegalArgumentException("capacity must be 1.." + (1 << 24) + ": " + capacity);
        }
        int n = Math.max(WAYS, Integer.highestOneBit(capacity - 1) << 1);
        this.mask = n / WAYS - 1;
        this.keyHigh = new long[n];
        this.keyLow = new long[n];
        this.keyService = new int[n];
        this.value = new int[n];
        this.expires = new long[n];
        ttl(ttlNanos);
    }

    /** A new time to live for entries added from now on. */
    public void ttl(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("ttl must be positive: " + nanos);
        }
        ttlNanos = nanos;
    }

    private static int service(int protocol, int port) {
        return (protocol << 16 | port) + 1;
    }

    private int bucket(long high, long low, int service) {
        long h = high * 0x9E3779B97F4A7C15L ^ low * 0xC2B2AE3D27D4EB4FL ^ service * 0x165667B19E3779F9L;
        h ^= h >>> 29;
        return ((int) h & mask) * WAYS;
    }

    /**
     * The entry for the key, or -1 (a miss, counted, as is a hit). The entry's application and
     * nested application are {@link #application(int)} and {@link #nested(int)}.
     */
    public int find(long high, long low, int protocol, int port, long nowNanos) {
        int key = service(protocol, port);
        int b = bucket(high, low, key);
        for (int i = b; i < b + WAYS; i++) {
            if (keyService[i] == key && keyLow[i] == low && keyHigh[i] == high) {
                if (expires[i] > nowNanos) {
                    hits++;
                    return i;
                }
                break;
            }
        }
        misses++;
        return -1;
    }

    public int application(int entry) {
        return value[entry] >>> 16;
    }

    public int nested(int entry) {
        return value[entry] & 0xffff;
    }

    /** Adds or refreshes the key's entry (ids 0..65535). */
    public void put(long high, long low, int protocol, int port, int application, int nested, long nowNanos) {
        int key = service(protocol, port);
        int b = bucket(high, low, key);
        int entry = -1;
        for (int i = b; i < b + WAYS && entry < 0; i++) {
            if (keyService[i] == key && keyLow[i] == low && keyHigh[i] == high) {
                entry = i;
            }
        }
        if (entry < 0) {
            entry = b;
            for (int i = b; i < b + WAYS; i++) {
                if (keyService[i] == 0 || expires[i] <= nowNanos) {
                    entry = i;
                    break;
                }
                if (expires[i] < expires[entry]) {
                    entry = i;
                }
            }
            if (keyService[entry] == 0) {
                size++;
            } else if (expires[entry] > nowNanos) {
                evictions++;
            }
            keyHigh[entry] = high;
            keyLow[entry] = low;
            keyService[entry] = key;
        }
        value[entry] = (application & 0xffff) << 16 | nested & 0xffff;
        expires[entry] = nowNanos + ttlNanos;
        inserts++;
    }

    /** Empties the cache (counters stay). */
    public void clear() {
        java.util.Arrays.fill(keyService, 0);
        size = 0;
    }

    /** Entries ever used and not cleared (expired ones included until their way is reused). */
    public int size() {
        return size;
    }

    public int capacity() {
        return keyService.length;
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public long inserts() {
        return inserts;
    }

    public long evictions() {
        return evictions;
    }

    /** What {@link #forEach} gives for each live entry. */
    public interface EntryVisitor {
        void entry(long high, long low, int protocol, int port, int application, int nested, long expiresNanos);
    }

    /** Visits every entry still valid at {@code nowNanos}. */
    public void forEach(long nowNanos, EntryVisitor visitor) {
        for (int i = 0; i < keyService.length; i++) {
            if (keyService[i] != 0 && expires[i] > nowNanos) {
                int s = keyService[i] - 1;
                visitor.entry(keyHigh[i], keyLow[i], s >>> 16, s & 0xffff, application(i), nested(i), expires[i]);
            }
        }
    }
}
