package org.apptrack.apptrack.appid.expect;

/**
 * Sessions a control session announced (FTP's PORT, EPRT, PASV and EPSV): the responder's address
 * and port of a data connection to come, with the application it will be and the announcing
 * session, so that the data session is named from its first packet and linked under its parent.
 * Bounded (a new expectation replaces the oldest of its bucket), each valid for a limited time and
 * used once. Not thread-safe: the engine's thread owns it.
 */
public final class ExpectedSessions {

    private static final int WAYS = 4;

    private final int mask;
    private final long[] high;
    private final long[] low;
    /** protocol << 16 | port, + 1; 0: free. */
    private final int[] service;
    private final int[] application;
    /** Parent session + 1; 0: announced but not to be linked. */
    private final int[] parent;
    private final int[] parentId;
    private final long[] expires;
    private final long ttlNanos;
    private long added;
    private long used;
    private long replaced;

    public ExpectedSessions(int capacity, long ttlNanos) {
        int n = Math.max(WAYS, Integer.highestOneBit(Math.max(1, capacity) - 1) << 1);
        this.mask = n / WAYS - 1;
        this.high = new long[n];
        this.low = new long[n];
        this.service = new int[n];
        this.application = new int[n];
        this.parent = new int[n];
        this.parentId = new int[n];
        this.expires = new long[n];
        this.ttlNanos = ttlNanos;
    }

    private int bucket(long h, long l, int key) {
        long x = h * 0x9E3779B97F4A7C15L ^ l * 0xC2B2AE3D27D4EB4FL ^ key * 0x165667B19E3779F9L;
        return ((int) (x ^ x >>> 31) & mask) * WAYS;
    }

    /**
     * Expects a session to {@code [h, l]:port} over {@code protocol}, announced by session
     * {@code parentSession} (id {@code parentSessionId}), which it is linked under; -1: not linked.
     */
    public void expect(long h, long l, int protocol, int port, int app, int parentSession, int parentSessionId,
                       long nowNanos) {
        int key = (protocol << 16 | port) + 1;
        int b = bucket(h, l, key);
        int slot = b;
        for (int i = b; i < b + WAYS; i++) {
            if (service[i] == 0 || expires[i] <= nowNanos || service[i] == key && high[i] == h && low[i] == l) {
                slot = i;
                break;
            }
            if (expires[i] < expires[slot]) {
                slot = i;
            }
        }
        if (service[slot] != 0 && expires[slot] > nowNanos
                && !(service[slot] == key && high[slot] == h && low[slot] == l)) {
            replaced++;
        }
        high[slot] = h;
        low[slot] = l;
        service[slot] = key;
        application[slot] = app;
        parent[slot] = parentSession + 1;
        parentId[slot] = parentSessionId;
        expires[slot] = nowNanos + ttlNanos;
        added++;
    }

    /**
     * The expectation a new session to {@code [h, l]:port} meets, or -1; it is used up. Its
     * application and parent are {@link #application(int)}, {@link #parent(int)} and
     * {@link #parentId(int)} until the next call.
     */
    public int take(long h, long l, int protocol, int port, long nowNanos) {
        int key = (protocol << 16 | port) + 1;
        int b = bucket(h, l, key);
        for (int i = b; i < b + WAYS; i++) {
            if (service[i] == key && high[i] == h && low[i] == l && expires[i] > nowNanos) {
                service[i] = 0;
                used++;
                return i;
            }
        }
        return -1;
    }

    public int application(int entry) {
        return application[entry];
    }

    /** The session that announced it, or -1 when the announced session is not linked under it. */
    public int parent(int entry) {
        return parent[entry] - 1;
    }

    public int parentId(int entry) {
        return parentId[entry];
    }

    public long added() {
        return added;
    }

    public long used() {
        return used;
    }

    /** Expectations replaced before they were met or expired (the table was full there). */
    public long replaced() {
        return replaced;
    }
}
