package org.apptrack.apptrack.engine.session;

import java.util.function.IntConsumer;

/**
 * The AppTrack session table: flow tuple to session, with the per-session state, in primitive
 * arrays only (in the style of Agrona's {@code Long2LongHashMap}). Not thread-safe: one table per
 * packet-processing thread.
 *
 * <h2>Keys</h2>
 * A session key is the canonical flow tuple: two endpoints (128-bit address as two longs, IPv4 as
 * IPv4-mapped {@code ::ffff:a.b.c.d}, see {@link #ipv4Lo(int)}; 16-bit port), the IP protocol
 * (8 bits) and a context int (the engine puts {@code zoneId << 12 | vlanId} there). The two
 * endpoints are stored ordered by (high, low, port) (signed comparison; any total order works) so
 * that both directions of a flow find the same session. The client is the first sender: the
 * source endpoint of the packet that created the session. After {@link #find} or
 * {@link #findOrCreate}, {@link #lastLookupFromClient()} says whether that packet's source is the
 * session's client.
 *
 * <h2>Layout</h2>
 * <ul>
 * <li>Hash index: {@code long[] slots}, open addressing with linear probing, power-of-two
 * capacity {@code nextPowerOfTwo(2 * maxSessions)} (load factor at most 0.5 when the table is
 * full), {@code 0} as the empty sentinel. A slot holds {@code hash32 << 32 | (session + 1)}: the
 * stored hash gives the home slot (for backward-shift deletion, no tombstones) and filters most
 * mismatches without touching the session data.</li>
 * <li>Session pool: one {@code long[] data} with {@value #STRIDE} longs (120 bytes) per session,
 * key and state interleaved so that a lookup plus counter update touches the slot and two or three
 * adjacent cache lines. Session indices are stable: the hash slots move during deletion, the
 * session data never does.</li>
 * <li>Live/free set: {@code int[] dense} holds a permutation of all session indices, the first
 * {@link #size()} being live and the rest free; {@code int[] position} is its inverse. Allocation,
 * removal and the liveness test are O(1), iteration is O(size).</li>
 * </ul>
 * Everything is allocated up front in the constructor (like an SRX session limit): no rehash or
 * copy pause on the packet path, a memory bound known at configuration time, and no
 * OutOfMemoryError half-way through a flood; when full, {@link #findOrCreate} refuses and counts.
 * Memory: 120 + 8 + 8 * capacity / maxSessions bytes per session, i.e. about 145 bytes per
 * session at 1,000,000 sessions (capacity 2^21); below 160 bytes for any maxSessions (the
 * worst case, just above a power of two, approaches 128 + 32).
 *
 * <h2>Removal and iteration</h2>
 * {@link #remove(int)} is O(1) expected (re-hash of the removed key, probe, backward shift of the
 * following cluster). {@link #forEach(IntConsumer)} (and {@link #sessionAt(int)} walked from
 * {@code size() - 1} down to {@code 0}) visits live sessions from the most recent position down:
 * during the iteration the action may remove the session it is given (and sessions already
 * visited) and may create sessions (not visited in this pass); removing a session not yet
 * visited is allowed but may make the iteration visit an already visited session a second time
 * (never skip one). Session indices of removed sessions are reused by later creations: keep
 * {@link #sessionId(int)} alongside an index held across packets to detect reuse.
 */
public final class SessionTable {

    /** Longs per session in {@link #data}. */
    static final int STRIDE = 15;

    // Offsets in a session's stride.
    private static final int A_HI = 0;
    private static final int A_LO = 1;
    private static final int B_HI = 2;
    private static final int B_LO = 3;
    /** portA << 48 | portB << 32 | context. */
    private static final int PORTS_CTX = 4;
    /** sessionId << 32 | policy << 16 | clientIsB << 8 | protocol. */
    private static final int META = 5;
    private static final int C2S_PACKETS = 6;
    private static final int C2S_BYTES = 7;
    private static final int S2C_PACKETS = 8;
    private static final int S2C_BYTES = 9;
    private static final int LAST_SEEN = 10;
    private static final int START = 11;
    private static final int DEADLINE = 12;
    /** flags << 32 | tcpState. */
    private static final int TCP_FLAGS = 13;
    /** nestedApplicationId << 32 | applicationId. */
    private static final int APPS = 14;

    private static final long CLIENT_IS_B = 1L << 8;
    private static final long LOW32 = 0xFFFF_FFFFL;
    private static final long IPV4_MAPPED_PREFIX = 0x0000_FFFF_0000_0000L;

    /** Largest supported maxSessions (keeps {@code session * STRIDE} an int). */
    public static final int MAX_SESSIONS_LIMIT = 1 << 27;

    private final int maxSessions;
    private final int mask;
    private final long[] slots;
    private final long[] data;
    private final int[] dense;
    private final int[] position;
    private final long seed;
    /** Test hooks to force collisions: hash = (hash & hashAnd) | hashOr. */
    private final int hashAnd;
    private final int hashOr;

    private int size;
    private long refused;
    private long created;
    private int nextSessionId = 1;

    private boolean lastFromClient;
    private boolean lastCreated;

    // Canonical key of the last probe (fields, so that probing allocates nothing).
    private long pAHi;
    private long pALo;
    private long pBHi;
    private long pBLo;
    private long pPortsCtx;
    private int pProtocol;
    private boolean pSrcIsA;
    private boolean pSameEndpoints;
    private int pHash;

    /**
     * A table for at most {@code maxSessions} sessions, all memory allocated now, hashing seeded
     * randomly (so that crafted tuples cannot predict collisions).
     *
     * @param maxSessions 1 to {@link #MAX_SESSIONS_LIMIT}
     */
    public SessionTable(int maxSessions) {
        this(maxSessions, System.nanoTime() * 0x9E37_79B9_7F4A_7C15L ^ System.identityHashCode(new Object()));
    }

    /** A table with a fixed hash seed (reproducible layout, for tests and benchmarks). */
    public SessionTable(int maxSessions, long seed) {
        this(maxSessions, seed, -1, 0);
    }

    /** Test constructor: every hash is {@code (hash & hashAnd) | hashOr}. */
    SessionTable(int maxSessions, long seed, int hashAnd, int hashOr) {
        if (maxSessions < 1 || maxSessions > MAX_SESSIONS_LIMIT) {
            throw new IllegalArgumentException("maxSessions must be 1.." + MAX_SESSIONS_LIMIT + ": " + maxSessions);
        }
        this.maxSessions = maxSessions;
        int capacity = Integer.highestOneBit(Math.max(2, maxSessions * 2 - 1)) << 1;
        this.mask = capacity - 1;
        this.slots = new long[capacity];
        this.data = new long[maxSessions * STRIDE];
        this.dense = new int[maxSessions];
        this.position = new int[maxSessions];
        for (int i = 0; i < maxSessions; i++) {
            dense[i] = i;
            position[i] = i;
        }
        this.seed = seed;
        this.hashAnd = hashAnd;
        this.hashOr = hashOr;
    }

    /** The IPv4-mapped high half of an IPv4 address (always 0). */
    public static long ipv4Hi(int ipv4) {
        return 0L;
    }

    /** The IPv4-mapped low half {@code ::ffff:a.b.c.d} of an IPv4 address given as an int. */
    public static long ipv4Lo(int ipv4) {
        return IPV4_MAPPED_PREFIX | (ipv4 & LOW32);
    }

    /** Whether a 128-bit address is IPv4-mapped; the IPv4 address is then {@code (int) lo}. */
    public static boolean isIpv4Mapped(long hi, long lo) {
        return hi == 0L && (lo & 0xFFFF_FFFF_0000_0000L) == IPV4_MAPPED_PREFIX;
    }

    // ---------------------------------------------------------------- lookup

    /**
     * The session of a packet, either direction.
     *
     * @return the session index, or -1 when there is none
     */
    public int find(long srcHi, long srcLo, int srcPort, long dstHi, long dstLo, int dstPort,
                    int protocol, int context) {
        int r = probe(srcHi, srcLo, srcPort, dstHi, dstLo, dstPort, protocol, context);
        lastCreated = false;
        return r >= 0 ? r : -1;
    }

    /**
     * The session of a packet, created when absent with the packet's source as client, the
     * start and last-seen time {@code nowNanos}, counters, states and application ids 0 and
     * deadline 0. The packet itself is not counted: call {@link #addClientPacket} or
     * {@link #addPacket}.
     *
     * @return the session index, or -1 (refusal counted) when the table already holds
     *     {@link #maxSessions()} sessions
     */
    public int findOrCreate(long srcHi, long srcLo, int srcPort, long dstHi, long dstLo, int dstPort,
                            int protocol, int context, long nowNanos) {
        int r = probe(srcHi, srcLo, srcPort, dstHi, dstLo, dstPort, protocol, context);
        if (r >= 0) {
            lastCreated = false;
            return r;
        }
        if (size == maxSessions) {
            refused++;
            lastCreated = false;
            lastFromClient = false;
            return -1;
        }
        int slot = ~r;
        int s = dense[size++];
        int b = s * STRIDE;
        long[] d = data;
        d[A_HI + b] = pAHi;
        d[A_LO + b] = pALo;
        d[B_HI + b] = pBHi;
        d[B_LO + b] = pBLo;
        d[PORTS_CTX + b] = pPortsCtx;
        int id = nextSessionId;
        nextSessionId = id == -1 ? 1 : id + 1;
        d[META + b] = ((long) id << 32) | (pSrcIsA ? 0L : CLIENT_IS_B) | pProtocol;
        d[C2S_PACKETS + b] = 0L;
        d[C2S_BYTES + b] = 0L;
        d[S2C_PACKETS + b] = 0L;
        d[S2C_BYTES + b] = 0L;
        d[LAST_SEEN + b] = nowNanos;
        d[START + b] = nowNanos;
        d[DEADLINE + b] = 0L;
        d[TCP_FLAGS + b] = 0L;
        d[APPS + b] = 0L;
        slots[slot] = ((long) pHash << 32) | (s + 1);
        created++;
        lastCreated = true;
        lastFromClient = true;
        return s;
    }

    /** Whether the source of the packet of the last {@link #find}/{@link #findOrCreate} is its session's client. */
    public boolean lastLookupFromClient() {
        return lastFromClient;
    }

    /** Whether the last {@link #findOrCreate} created its session. */
    public boolean lastLookupCreated() {
        return lastCreated;
    }

    /** Session index if found, else ~(empty slot where the key would go). Sets the p* fields. */
    private int probe(long srcHi, long srcLo, int srcPort, long dstHi, long dstLo, int dstPort,
                      int protocol, int context) {
        srcPort &= 0xFFFF;
        dstPort &= 0xFFFF;
        protocol &= 0xFF;
        boolean srcIsA;
        if (srcHi != dstHi) {
            srcIsA = srcHi < dstHi;
        } else if (srcLo != dstLo) {
            srcIsA = srcLo < dstLo;
        } else {
            srcIsA = srcPort <= dstPort;
        }
        long aHi;
        long aLo;
        long bHi;
        long bLo;
        long portsCtx;
        if (srcIsA) {
            aHi = srcHi;
            aLo = srcLo;
            bHi = dstHi;
            bLo = dstLo;
            portsCtx = ((long) srcPort << 48) | ((long) dstPort << 32) | (context & LOW32);
        } else {
            aHi = dstHi;
            aLo = dstLo;
            bHi = srcHi;
            bLo = srcLo;
            portsCtx = ((long) dstPort << 48) | ((long) srcPort << 32) | (context & LOW32);
        }
        int h = hash(aHi, aLo, bHi, bLo, portsCtx, protocol);
        pAHi = aHi;
        pALo = aLo;
        pBHi = bHi;
        pBLo = bLo;
        pPortsCtx = portsCtx;
        pProtocol = protocol;
        pSrcIsA = srcIsA;
        pHash = h;
        boolean same = aHi == bHi && aLo == bLo && srcPort == dstPort;
        pSameEndpoints = same;

        long[] sl = slots;
        long[] d = data;
        int m = mask;
        int i = h & m;
        while (true) {
            long e = sl[i];
            if (e == 0L) {
                lastFromClient = false;
                return ~i;
            }
            if ((int) (e >>> 32) == h) {
                int s = (int) e - 1;
                int b = s * STRIDE;
                long meta = d[META + b];
                if (d[A_LO + b] == aLo && d[B_LO + b] == bLo && d[PORTS_CTX + b] == portsCtx
                        && d[A_HI + b] == aHi && d[B_HI + b] == bHi && (int) (meta & 0xFF) == protocol) {
                    boolean clientIsB = (meta & CLIENT_IS_B) != 0;
                    lastFromClient = same || (srcIsA != clientIsB);
                    return s;
                }
            }
            i = (i + 1) & m;
        }
    }

    private int hash(long aHi, long aLo, long bHi, long bLo, long portsCtx, int protocol) {
        final long k = 0x9E37_79B9_7F4A_7C15L;
        long h = seed ^ protocol;
        h = (h ^ aHi) * k;
        h = (h ^ aLo) * k;
        h = (h ^ bHi) * k;
        h = (h ^ bLo) * k;
        h = (h ^ portsCtx) * k;
        // murmur3 fmix64
        h ^= h >>> 33;
        h *= 0xFF51_AFD7_ED55_8CCDL;
        h ^= h >>> 33;
        h *= 0xC4CE_B9FE_1A85_EC53L;
        h ^= h >>> 33;
        return ((int) h & hashAnd) | hashOr;
    }

    // ---------------------------------------------------------------- removal

    /**
     * Removes a live session; its index may be reused by the next creation. O(1) expected.
     *
     * @return false (and nothing done) when {@code session} is not a live session index
     */
    public boolean remove(int session) {
        if (!isLive(session)) {
            return false;
        }
        int b = session * STRIDE;
        long[] d = data;
        int h = hash(d[A_HI + b], d[A_LO + b], d[B_HI + b], d[B_LO + b], d[PORTS_CTX + b],
                (int) (d[META + b] & 0xFF));
        long[] sl = slots;
        int m = mask;
        long wanted = ((long) h << 32) | (session + 1);
        int i = h & m;
        while (sl[i] != wanted) {
            i = (i + 1) & m;
        }
        // Backward-shift deletion: move back every following entry of the cluster whose home
        // slot is not cyclically in (hole, j].
        int j = i;
        while (true) {
            j = (j + 1) & m;
            long e = sl[j];
            if (e == 0L) {
                break;
            }
            int home = (int) (e >>> 32) & m;
            boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!stays) {
                sl[i] = e;
                i = j;
            }
        }
        sl[i] = 0L;
        // Swap-remove from the live part of the dense set.
        int p = position[session];
        int last = --size;
        int moved = dense[last];
        dense[p] = moved;
        position[moved] = p;
        dense[last] = session;
        position[session] = last;
        return true;
    }

    /** Removes every session (counters of refusals and creations are kept). */
    public void clear() {
        java.util.Arrays.fill(slots, 0L);
        size = 0;
    }

    // ---------------------------------------------------------------- iteration

    /** Whether {@code session} is the index of a live session. */
    public boolean isLive(int session) {
        return session >= 0 && session < maxSessions && position[session] < size;
    }

    /** The live session at {@code pos}, {@code 0 <= pos < size()} (see the class comment for the order). */
    public int sessionAt(int pos) {
        return dense[pos];
    }

    /** Calls {@code action} with every live session index; allocation-free; see the class comment for removal. */
    public void forEach(IntConsumer action) {
        for (int p = size - 1; p >= 0; p--) {
            if (p >= size) {
                // The action removed more than the current session; re-visits are documented.
                p = size;
                continue;
            }
            action.accept(dense[p]);
        }
    }

    // ---------------------------------------------------------------- counters

    /** Live sessions. */
    public int size() {
        return size;
    }

    /** The fixed session limit. */
    public int maxSessions() {
        return maxSessions;
    }

    /** Hash slots (a power of two, at least 2 * maxSessions). */
    public int capacity() {
        return mask + 1;
    }

    /** Creations refused because the table was full. */
    public long refused() {
        return refused;
    }

    /** Sessions created since construction. */
    public long created() {
        return created;
    }

    /** Bytes held by the table's arrays (headers included, compressed-oops 16-byte headers). */
    public long memoryBytes() {
        return 16L + 8L * slots.length + 16L + 8L * data.length + 2 * (16L + 4L * maxSessions);
    }

    // ---------------------------------------------------------------- per-session state

    /** Counts a client-to-server packet of {@code l3Bytes} and sets the last-seen time. */
    public void addClientPacket(int s, int l3Bytes, long nowNanos) {
        int b = s * STRIDE;
        long[] d = data;
        d[C2S_PACKETS + b]++;
        d[C2S_BYTES + b] += l3Bytes & LOW32;
        d[LAST_SEEN + b] = nowNanos;
    }

    /** Counts a server-to-client packet of {@code l3Bytes} and sets the last-seen time. */
    public void addServerPacket(int s, int l3Bytes, long nowNanos) {
        int b = s * STRIDE;
        long[] d = data;
        d[S2C_PACKETS + b]++;
        d[S2C_BYTES + b] += l3Bytes & LOW32;
        d[LAST_SEEN + b] = nowNanos;
    }

    /** {@link #addClientPacket} or {@link #addServerPacket} as {@code fromClient} says. */
    public void addPacket(int s, boolean fromClient, int l3Bytes, long nowNanos) {
        int b = s * STRIDE + (fromClient ? C2S_PACKETS : S2C_PACKETS);
        long[] d = data;
        d[b]++;
        d[b + 1] += l3Bytes & LOW32;
        d[LAST_SEEN + s * STRIDE] = nowNanos;
    }

    public long clientPackets(int s) {
        return data[C2S_PACKETS + s * STRIDE];
    }

    public long clientBytes(int s) {
        return data[C2S_BYTES + s * STRIDE];
    }

    public long serverPackets(int s) {
        return data[S2C_PACKETS + s * STRIDE];
    }

    public long serverBytes(int s) {
        return data[S2C_BYTES + s * STRIDE];
    }

    public long startNanos(int s) {
        return data[START + s * STRIDE];
    }

    public long lastSeenNanos(int s) {
        return data[LAST_SEEN + s * STRIDE];
    }

    public void setLastSeenNanos(int s, long nowNanos) {
        data[LAST_SEEN + s * STRIDE] = nowNanos;
    }

    /** The 32-bit session id: monotonic per table, wrapping, never 0 (session-id-32 in logs). */
    public int sessionId(int s) {
        return (int) (data[META + s * STRIDE] >>> 32);
    }

    public int tcpState(int s) {
        return (int) data[TCP_FLAGS + s * STRIDE];
    }

    public void setTcpState(int s, int state) {
        int b = TCP_FLAGS + s * STRIDE;
        data[b] = (data[b] & ~LOW32) | (state & LOW32);
    }

    public int flags(int s) {
        return (int) (data[TCP_FLAGS + s * STRIDE] >>> 32);
    }

    public void setFlags(int s, int flags) {
        int b = TCP_FLAGS + s * STRIDE;
        data[b] = (data[b] & LOW32) | ((long) flags << 32);
    }

    /**
     * The session's policy index (0..65535; 0 at creation): which zone pair, policy and logical
     * system the session belongs to, an index into the caller's own table. Kept in spare bits of
     * the session's metadata word, so it costs no memory.
     */
    public int policy(int s) {
        return (int) (data[META + s * STRIDE] >>> 16) & 0xFFFF;
    }

    public void setPolicy(int s, int policy) {
        if ((policy & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("policy index out of range 0..65535: " + policy);
        }
        int b = META + s * STRIDE;
        data[b] = (data[b] & ~0xFFFF_0000L) | ((long) policy << 16);
    }

    public int applicationId(int s) {
        return (int) data[APPS + s * STRIDE];
    }

    public void setApplicationId(int s, int applicationId) {
        int b = APPS + s * STRIDE;
        data[b] = (data[b] & ~LOW32) | (applicationId & LOW32);
    }

    public int nestedApplicationId(int s) {
        return (int) (data[APPS + s * STRIDE] >>> 32);
    }

    public void setNestedApplicationId(int s, int nestedApplicationId) {
        int b = APPS + s * STRIDE;
        data[b] = (data[b] & LOW32) | ((long) nestedApplicationId << 32);
    }

    public long nextUpdateDeadline(int s) {
        return data[DEADLINE + s * STRIDE];
    }

    public void setNextUpdateDeadline(int s, long deadlineNanos) {
        data[DEADLINE + s * STRIDE] = deadlineNanos;
    }

    // ---------------------------------------------------------------- endpoints

    private boolean clientIsB(int s) {
        return (data[META + s * STRIDE] & CLIENT_IS_B) != 0;
    }

    public long clientAddrHi(int s) {
        return data[(clientIsB(s) ? B_HI : A_HI) + s * STRIDE];
    }

    public long clientAddrLo(int s) {
        return data[(clientIsB(s) ? B_LO : A_LO) + s * STRIDE];
    }

    public int clientPort(int s) {
        long pc = data[PORTS_CTX + s * STRIDE];
        return (int) (clientIsB(s) ? (pc >>> 32) & 0xFFFF : pc >>> 48);
    }

    public long serverAddrHi(int s) {
        return data[(clientIsB(s) ? A_HI : B_HI) + s * STRIDE];
    }

    public long serverAddrLo(int s) {
        return data[(clientIsB(s) ? A_LO : B_LO) + s * STRIDE];
    }

    public int serverPort(int s) {
        long pc = data[PORTS_CTX + s * STRIDE];
        return (int) (clientIsB(s) ? pc >>> 48 : (pc >>> 32) & 0xFFFF);
    }

    public int protocol(int s) {
        return (int) (data[META + s * STRIDE] & 0xFF);
    }

    /** The context int given at creation ({@code zoneId << 12 | vlanId} for the engine). */
    public int context(int s) {
        return (int) data[PORTS_CTX + s * STRIDE];
    }
}
