package org.apptrack.apptrack.engine.session;

import java.util.function.IntConsumer;
import org.apptrack.apptrack.api.IpAddresses;

/**
 * The AppTrack session table: flow tuple to session, with the per-session state, in primitive
 * arrays only (in the style of Agrona's {@code Long2LongHashMap}). Not thread-safe: one table per
 * packet-processing thread.
 *
 * <h2>Keys</h2>
 * A session key is the flow tuple: two endpoints (128-bit address as two longs, IPv4 as
 * IPv4-mapped {@code ::ffff:a.b.c.d}, see {@link #ipv4Lo(int)}; 16-bit port), the IP protocol
 * (8 bits) and a context int (the engine puts {@code zoneId << 12 | vlanId} there). The client
 * is the first sender: the source endpoint of the packet that created the session. The endpoints
 * are stored as client and server; the hash is symmetric in the two endpoints and the probe
 * compares the stored key with the packet's tuple in both directions, so that both directions of
 * a flow find the same session without first putting the endpoints in a canonical order (which
 * costs unpredictable branches per packet). After {@link #find} or {@link #findOrCreate},
 * {@link #lastLookupFromClient()} says whether that packet's source is the session's client.
 *
 * <h2>Layout</h2>
 * <ul>
 * <li>Hash index: {@code int[] slots}, open addressing with linear probing, power-of-two
 * capacity {@code nextPowerOfTwo(2 * maxSessions)} (load factor at most 0.5 when the table is
 * full), {@code 0} as the empty sentinel. A slot holds {@code tag | (session + 1)}: the low
 * {@code sessionBits} bits are the session, the bits above them a tag taken from the key's hash,
 * which filters most mismatches without touching the session data. Four bytes a slot keep the
 * index small enough to stay in the last-level cache much longer than eight would.</li>
 * <li>Session pool: one {@code long[] data} with {@value #STRIDE} longs (128 bytes, two cache
 * lines) per session, key and state interleaved, so that a lookup plus counter update touches one
 * slot and one 128-byte block, which the CPU fetches as one adjacent-line pair. The pool starts
 * {@value #ALIGN_PAD} longs into the array: a large array is a G1 humongous object, which begins
 * on a region boundary, so every session then starts on a 128-byte boundary (with another
 * collector it is merely 8-byte aligned, which is correct, only slower). The session's index hash
 * is kept in its block, so deletion knows every entry's home slot without re-hashing. Session
 * indices are stable: the hash slots move during deletion, the session data never does.</li>
 * <li>Live/free set: {@code int[] dense} holds a permutation of all session indices, the first
 * {@link #size()} being live and the rest free; {@code int[] position} is its inverse. Allocation,
 * removal and the liveness test are O(1), iteration is O(size).</li>
 * </ul>
 * Everything is allocated up front in the constructor (like an SRX session limit): no rehash or
 * copy pause on the packet path, a memory bound known at configuration time, and no
 * OutOfMemoryError half-way through a flood; when full, {@link #findOrCreate} refuses and counts.
 * Memory: 128 + 8 + 4 * capacity / maxSessions bytes per session, i.e. about 144 bytes per
 * session at 1,000,000 sessions (capacity 2^21); at most 152 bytes for any maxSessions (the
 * worst case, just above a power of two, approaches 128 + 8 + 16). State that packets do not touch
 * (application, parent) is in a {@link SessionSideTable} indexed by the same session index.
 *
 * <h2>Removal and iteration</h2>
 * {@link #remove(int)} is O(1) expected (stored hash of the removed key, probe, backward shift of the
 * following cluster). {@link #forEach(IntConsumer)} (and {@link #sessionAt(int)} walked from
 * {@code size() - 1} down to {@code 0}) visits live sessions from the most recent position down:
 * during the iteration the action may remove the session it is given (and sessions already
 * visited) and may create sessions (not visited in this pass); removing a session not yet
 * visited is allowed but may make the iteration visit an already visited session a second time
 * (never skip one). Session indices of removed sessions are reused by later creations: keep
 * {@link #sessionId(int)} alongside an index held across packets to detect reuse.
 */
public final class SessionTable {

    /** Longs per session in {@link #data}: 128 bytes, two cache lines. */
    static final int STRIDE = 16;
    /**
     * Longs before session 0: with the usual 16-byte array header and an array that starts on a
     * G1 region boundary, {@code 16 + 8 * 14 = 128}, so every session block is 128-byte aligned.
     */
    static final int ALIGN_PAD = 14;

    // Offsets in a session's stride. The key words the probe compares come first.
    private static final int CLIENT_HI = 0;
    private static final int CLIENT_LO = 1;
    private static final int SERVER_HI = 2;
    private static final int SERVER_LO = 3;
    /** clientPort << 48 | serverPort << 32 | context. */
    private static final int PORTS_CTX = 4;
    /** sessionId << 32 | policy << 16 | protocol. */
    private static final int META = 5;
    private static final int C2S_PACKETS = 6;
    private static final int C2S_BYTES = 7;
    private static final int S2C_PACKETS = 8;
    private static final int S2C_BYTES = 9;
    private static final int LAST_SEEN = 10;
    private static final int START = 11;
    private static final int DEADLINE = 12;
    /**
     * announcedIdentification << 32 | flags << 16 | tcpState, flags and TCP state 16 bits each
     * (the TCP tracker uses 10, the engine one flag).
     */
    private static final int TCP_FLAGS = 13;
    /**
     * Classification pool slot + 1 while the classifier inspects the session's packets (low 32
     * bits), else 0; high 32 bits: the server side's handshake time ({@link #serverRttRaw}).
     */
    private static final int CLASSIFY = 14;
    /**
     * The key's index hash (low 32 bits): its home slot, for backward-shift deletion. High 32
     * bits: the client side's handshake time ({@link #clientRttRaw}).
     */
    private static final int INDEX_HASH = 15;

    private static final long LOW32 = 0xFFFF_FFFFL;
    private static final int LOW16 = 0xFFFF;
    private static final int DSCP_SHIFT = 8;
    private static final int DSCP_MASK = 0x3F;

    /** Largest supported maxSessions (keeps every offset in {@link #data} an int). */
    public static final int MAX_SESSIONS_LIMIT = 1 << 26;

    private final int maxSessions;
    private final int mask;
    /** Low bits of a slot that hold session + 1; the bits above are the tag. */
    private final int sessionMask;
    private final int[] slots;
    private final long[] data;
    private final int[] dense;
    private final int[] position;
    // Hash keys, derived from the seed.
    private final long seedLo;
    private final long seedHi;
    private final long seedPort;
    private final long seedContext;
    private final long seedProtocol;
    private final long seedFinal;
    /** Test hooks to force collisions: hash = (hash & hashAnd) | hashOr, tag likewise. */
    private final int hashAnd;
    private final int hashOr;

    private int size;
    private long refused;
    private long created;
    /** The low bits of the next session id; the high bits are {@link #sessionIdPrefix}. */
    private int nextSessionId = 1;
    private int sessionIdPrefix;
    private int sessionIdLowMask = -1;

    private boolean lastFromClient;
    private boolean lastCreated;

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

    /** Test constructor: every hash (and tag) is {@code (hash & hashAnd) | hashOr}. */
    SessionTable(int maxSessions, long seed, int hashAnd, int hashOr) {
        if (maxSessions < 1 || maxSessions > MAX_SESSIONS_LIMIT) {
            throw new IllegalArgumentException("maxSessions must be 1.." + MAX_SESSIONS_LIMIT + ": " + maxSessions);
        }
        this.maxSessions = maxSessions;
        int capacity = Integer.highestOneBit(Math.max(2, maxSessions * 2 - 1)) << 1;
        this.mask = capacity - 1;
        int sessionBits = 32 - Integer.numberOfLeadingZeros(maxSessions); // session + 1 <= maxSessions
        this.sessionMask = (int) ((1L << sessionBits) - 1);
        this.slots = new int[capacity];
        this.data = new long[ALIGN_PAD + maxSessions * STRIDE];
        this.dense = new int[maxSessions];
        this.position = new int[maxSessions];
        for (int i = 0; i < maxSessions; i++) {
            dense[i] = i;
            position[i] = i;
        }
        long state = seed;
        this.seedLo = state = splitMix(state);
        this.seedHi = state = splitMix(state);
        this.seedPort = (state = splitMix(state)) | 1L;
        this.seedContext = state = splitMix(state);
        this.seedProtocol = state = splitMix(state);
        this.seedFinal = splitMix(state);
        this.hashAnd = hashAnd;
        this.hashOr = hashOr;
    }

    private static long splitMix(long state) {
        long z = state + 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** The IPv4-mapped high half of an IPv4 address (always 0). */
    public static long ipv4Hi(int ipv4) {
        return 0L;
    }

    /** The IPv4-mapped low half {@code ::ffff:a.b.c.d} of an IPv4 address given as an int. */
    public static long ipv4Lo(int ipv4) {
        return IpAddresses.ipv4Low(ipv4);
    }

    /** Index of session {@code s}'s first long in {@link #data}. */
    private static int base(int s) {
        return ALIGN_PAD + s * STRIDE;
    }

    // ---------------------------------------------------------------- lookup

    /**
     * The session of a packet, either direction.
     *
     * @return the session index, or -1 when there is none
     */
    public int find(long srcHi, long srcLo, int srcPort, long dstHi, long dstLo, int dstPort,
                    int protocol, int context) {
        int r = probe(srcHi, srcLo, srcPort & 0xFFFF, dstHi, dstLo, dstPort & 0xFFFF, protocol & 0xFF, context);
        lastCreated = false;
        return r >= 0 ? r : -1;
    }

    /**
     * The session of a packet, created when absent with the packet's source as client, the
     * start and last-seen time {@code nowNanos}, counters and states 0, no classification slot and
     * deadline 0. The packet itself is not counted: call {@link #addClientPacket} or
     * {@link #addPacket}.
     *
     * @return the session index, or -1 (refusal counted) when the table already holds
     *     {@link #maxSessions()} sessions
     */
    public int findOrCreate(long srcHi, long srcLo, int srcPort, long dstHi, long dstLo, int dstPort,
                            int protocol, int context, long nowNanos) {
        int r = probe(srcHi, srcLo, srcPort & 0xFFFF, dstHi, dstLo, dstPort & 0xFFFF, protocol & 0xFF, context);
        if (r >= 0) {
            lastCreated = false;
            return r;
        }
        return create(~r, srcHi, srcLo, srcPort, dstHi, dstLo, dstPort, protocol, context, nowNanos);
    }

    /** Creates the session of a packet that {@link #probe} did not find, in the empty {@code slot}. */
    private int create(int slot, long srcHi, long srcLo, int srcPort, long dstHi, long dstLo, int dstPort,
                       int protocol, int context, long nowNanos) {
        if (size == maxSessions) {
            refused++;
            lastCreated = false;
            lastFromClient = false;
            return -1;
        }
        long h = hash(srcHi, srcLo, srcPort & 0xFFFF, dstHi, dstLo, dstPort & 0xFFFF, protocol & 0xFF, context);
        int s = dense[size++];
        int b = base(s);
        long[] d = data;
        d[CLIENT_HI + b] = srcHi;
        d[CLIENT_LO + b] = srcLo;
        d[SERVER_HI + b] = dstHi;
        d[SERVER_LO + b] = dstLo;
        d[PORTS_CTX + b] = portsAndContext(srcPort & 0xFFFF, dstPort & 0xFFFF, context);
        int low = nextSessionId;
        nextSessionId = low == sessionIdLowMask ? 1 : low + 1;
        int id = sessionIdPrefix | low;
        d[META + b] = ((long) id << 32) | (protocol & 0xFF);
        d[C2S_PACKETS + b] = 0L;
        d[C2S_BYTES + b] = 0L;
        d[S2C_PACKETS + b] = 0L;
        d[S2C_BYTES + b] = 0L;
        d[LAST_SEEN + b] = nowNanos;
        d[START + b] = nowNanos;
        d[DEADLINE + b] = 0L;
        d[TCP_FLAGS + b] = 0L;
        d[CLASSIFY + b] = 0L;
        d[INDEX_HASH + b] = indexHash(h) & LOW32;
        slots[slot] = (tag(h) & ~sessionMask) | (s + 1);
        created++;
        lastCreated = true;
        lastFromClient = true;
        return s;
    }

    /**
     * Reads, and changes nothing, the memory that a lookup of this packet's session starts with:
     * its home slot and, when that slot's tag matches, the session's block. For a caller that
     * holds a few packets at a time: touching all their sessions first lets their cache misses
     * overlap, instead of each lookup waiting for two misses of its own.
     *
     * @return a value derived from what was read (it has no meaning; it keeps the reads alive)
     */
    public int prefetch(long srcHi, long srcLo, int srcPort, long dstHi, long dstLo, int dstPort,
                        int protocol, int context) {
        long h = hash(srcHi, srcLo, srcPort & 0xFFFF, dstHi, dstLo, dstPort & 0xFFFF, protocol & 0xFF, context);
        int tag = tag(h);
        int home = indexHash(h) & mask;
        int first = slots[home];
        int second = slots[(home + 1) & mask];
        // Most sessions are in their home slot or the next one: touch the one with the tag, picked
        // without a branch (a mispredicted one would wait for the slot's cache miss and stall the
        // prefetches of the following packets).
        int pickFirst = -tagMatches(first, tag);
        int entry = (first & pickFirst) | (second & ~pickFirst);
        int s = (entry & sessionMask) - 1;
        s &= ~(s >> 31); // empty: touch session 0, harmlessly
        return (int) data[META + base(s)];
    }

    /** 1 if the slot entry is occupied and has the tag, else 0, without a branch. */
    private int tagMatches(int entry, int tag) {
        int tagDiff = (entry ^ tag) & ~sessionMask;
        int occupied = (entry | -entry) >>> 31;
        return (((tagDiff | -tagDiff) >>> 31) ^ 1) & occupied;
    }

    /** Whether the source of the packet of the last {@link #find}/{@link #findOrCreate} is its session's client. */
    public boolean lastLookupFromClient() {
        return lastFromClient;
    }

    /** Whether the last {@link #findOrCreate} created its session. */
    public boolean lastLookupCreated() {
        return lastCreated;
    }

    private static long portsAndContext(int firstPort, int secondPort, int context) {
        return ((long) firstPort << 48) | ((long) secondPort << 32) | (context & LOW32);
    }

    /**
     * Session index if found (and {@link #lastFromClient} set), else ~(empty slot where the key
     * would go). Ports and protocol must already be masked to 16 and 8 bits. The key comparison
     * is part of this one small method, so that the whole lookup is compiled into the packet path
     * even when a burst of creations makes every probe a miss.
     *
     * <p>The key is compared with xor and or, without a branch per word or per direction (the
     * direction of a packet is as unpredictable as a coin toss, and a mispredicted branch that
     * waits for the session's cache line also throws away the work already started on the next
     * packet): {@code isZero(x) = 1 - ((x | -x) >>> 63)}.
     */
    private int probe(long srcHi, long srcLo, int srcPort, long dstHi, long dstLo, int dstPort,
                      int protocol, int context) {
        long h = hash(srcHi, srcLo, srcPort, dstHi, dstLo, dstPort, protocol, context);
        int tag = tag(h);
        int[] sl = slots;
        long[] d = data;
        int m = mask;
        int i = indexHash(h) & m;
        long forward = portsAndContext(srcPort, dstPort, context);
        long reverse = portsAndContext(dstPort, srcPort, context);
        while (true) {
            int e = sl[i];
            if (e == 0) {
                lastFromClient = false;
                return ~i;
            }
            if (((e ^ tag) & ~sessionMask) == 0) {
                int s = (e & sessionMask) - 1;
                int b = base(s);
                long clientLo = d[CLIENT_LO + b];
                long serverLo = d[SERVER_LO + b];
                long clientHi = d[CLIENT_HI + b];
                long serverHi = d[SERVER_HI + b];
                long portsCtx = d[PORTS_CTX + b];
                long protocolDiff = (d[META + b] ^ protocol) & 0xFF;
                long fromClient = (clientLo ^ srcLo) | (serverLo ^ dstLo) | (clientHi ^ srcHi)
                        | (serverHi ^ dstHi) | (portsCtx ^ forward) | protocolDiff;
                long fromServer = (clientLo ^ dstLo) | (serverLo ^ srcLo) | (clientHi ^ dstHi)
                        | (serverHi ^ srcHi) | (portsCtx ^ reverse) | protocolDiff;
                long clientMatch = ((fromClient | -fromClient) >>> 63) ^ 1;
                if ((clientMatch | ((fromServer | -fromServer) >>> 63) ^ 1) != 0) {
                    lastFromClient = clientMatch != 0; // both: same endpoints, counted as from the client
                    return s;
                }
            }
            i = (i + 1) & m;
        }
    }

    /**
     * 64-bit keyed hash of a flow tuple, symmetric in its two endpoints (the sum of the
     * endpoints' hashes). Every word goes through a 64 x 64 -> 128-bit multiply, both halves
     * folded ({@link #fold}), with its own secret seed, so that the products are independent
     * (short latency) and a change of one word cannot be cancelled by a change of another
     * without knowing the seeds; a last fold mixes the result. Low 32 bits: index; high: tag.
     */
    private long hash(long srcHi, long srcLo, int srcPort, long dstHi, long dstLo, int dstPort, int protocol,
                      int context) {
        long endpoints = endpointHash(srcHi, srcLo, srcPort) + endpointHash(dstHi, dstLo, dstPort);
        long rest = fold(((long) context << 8 | protocol) ^ seedContext, seedProtocol);
        return fold(endpoints ^ rest ^ seedFinal, 0x9E37_79B9_7F4A_7C15L);
    }

    /** The port goes into the multiply too: added outside it, ports could be traded between endpoints. */
    private long endpointHash(long hi, long lo, int port) {
        return fold(lo ^ seedLo, hi ^ seedHi ^ port * seedPort);
    }

    /** Both halves of the 128-bit product, xored (the "mum" step of wyhash). */
    private static long fold(long x, long y) {
        return x * y ^ Math.multiplyHigh(x, y);
    }

    /** The part of a hash that picks the home slot (test hooks applied). */
    private int indexHash(long h) {
        return ((int) h & hashAnd) | hashOr;
    }

    /** The part of a hash kept in the slot above the session bits (test hooks applied). */
    private int tag(long h) {
        return ((int) (h >>> 32) & hashAnd) | hashOr;
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
        long[] d = data;
        int[] sl = slots;
        int m = mask;
        int sm = sessionMask;
        int i = (int) d[INDEX_HASH + base(session)] & m;
        while ((sl[i] & sm) != session + 1) {
            i = (i + 1) & m;
        }
        // Backward-shift deletion: move back every following entry of the cluster whose home
        // slot is not cyclically in (hole, j].
        int j = i;
        while (true) {
            j = (j + 1) & m;
            int e = sl[j];
            if (e == 0) {
                break;
            }
            int home = (int) d[INDEX_HASH + base((e & sm) - 1)] & m;
            boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!stays) {
                sl[i] = e;
                i = j;
            }
        }
        sl[i] = 0;
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
        java.util.Arrays.fill(slots, 0);
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
        return 16L + 4L * slots.length + 16L + 8L * data.length + 2 * (16L + 4L * maxSessions);
    }

    // ---------------------------------------------------------------- per-session state

    /** Counts a client-to-server packet of {@code l3Bytes} and sets the last-seen time. */
    public void addClientPacket(int s, int l3Bytes, long nowNanos) {
        int b = base(s);
        long[] d = data;
        d[C2S_PACKETS + b]++;
        d[C2S_BYTES + b] += l3Bytes & LOW32;
        d[LAST_SEEN + b] = nowNanos;
    }

    /** Counts a server-to-client packet of {@code l3Bytes} and sets the last-seen time. */
    public void addServerPacket(int s, int l3Bytes, long nowNanos) {
        int b = base(s);
        long[] d = data;
        d[S2C_PACKETS + b]++;
        d[S2C_BYTES + b] += l3Bytes & LOW32;
        d[LAST_SEEN + b] = nowNanos;
    }

    /** {@link #addClientPacket} or {@link #addServerPacket} as {@code fromClient} says. */
    public void addPacket(int s, boolean fromClient, int l3Bytes, long nowNanos) {
        int b = base(s) + (fromClient ? C2S_PACKETS : S2C_PACKETS);
        long[] d = data;
        d[b]++;
        d[b + 1] += l3Bytes & LOW32;
        d[LAST_SEEN + base(s)] = nowNanos;
    }

    /**
     * Adds packets and bytes counted elsewhere (a switch's flow statistics) to one direction,
     * without touching the last-seen time; negative amounts are ignored (counters never go back).
     */
    public void addCounts(int s, boolean fromClient, long packets, long bytes) {
        int b = base(s) + (fromClient ? C2S_PACKETS : S2C_PACKETS);
        long[] d = data;
        d[b] += Math.max(0L, packets);
        d[b + 1] += Math.max(0L, bytes);
    }

    /**
     * Gives a session just created by {@link #findOrCreate} the identity and counts it had on
     * another node (a session taken over with its device): its id, start time and counters.
     *
     * @param sessionId the session's id there (not 0)
     */
    /**
     * Gives this table's session ids their own range: the top {@code bits} bits are
     * {@code partition}, so that nodes of a cluster never hand out the same id, and a session
     * one node adopts from another (with the id its logs already carry) meets no local session
     * of that id. Ids count on from 1 within the range; {@code bits} 0 is the whole 32-bit range.
     *
     * @throws IllegalArgumentException for bits outside 0..8 or a partition outside 0..2^bits-1
     */
    public void partitionSessionIds(int partition, int bits) {
        if (bits < 0 || bits > 8) {
            throw new IllegalArgumentException("session id partition bits out of range 0..8: " + bits);
        }
        if (partition < 0 || partition >= 1 << bits) {
            throw new IllegalArgumentException("session id partition out of range 0.." + ((1 << bits) - 1) + ": "
                    + partition);
        }
        sessionIdPrefix = bits == 0 ? 0 : partition << (32 - bits);
        sessionIdLowMask = bits == 0 ? -1 : (1 << (32 - bits)) - 1;
        nextSessionId = 1;
    }

    public void restore(int s, int sessionId, long startNanos, long c2sPackets, long c2sBytes, long s2cPackets,
                        long s2cBytes) {
        if (sessionId == 0) {
            throw new IllegalArgumentException("session id 0 is not a session id");
        }
        int b = base(s);
        long[] d = data;
        d[META + b] = ((long) sessionId << 32) | (d[META + b] & LOW32);
        d[START + b] = startNanos;
        d[C2S_PACKETS + b] = c2sPackets;
        d[C2S_BYTES + b] = c2sBytes;
        d[S2C_PACKETS + b] = s2cPackets;
        d[S2C_BYTES + b] = s2cBytes;
    }

    public long clientPackets(int s) {
        return data[C2S_PACKETS + base(s)];
    }

    public long clientBytes(int s) {
        return data[C2S_BYTES + base(s)];
    }

    public long serverPackets(int s) {
        return data[S2C_PACKETS + base(s)];
    }

    public long serverBytes(int s) {
        return data[S2C_BYTES + base(s)];
    }

    public long startNanos(int s) {
        return data[START + base(s)];
    }

    public long lastSeenNanos(int s) {
        return data[LAST_SEEN + base(s)];
    }

    public void setLastSeenNanos(int s, long nowNanos) {
        data[LAST_SEEN + base(s)] = nowNanos;
    }

    /** The 32-bit session id: monotonic per table, wrapping, never 0 (session-id-32 in logs). */
    public int sessionId(int s) {
        return (int) (data[META + base(s)] >>> 32);
    }

    /** The TCP tracker's state, 16 bits. */
    public int tcpState(int s) {
        return (int) data[TCP_FLAGS + base(s)] & LOW16;
    }

    public void setTcpState(int s, int state) {
        int b = TCP_FLAGS + base(s);
        data[b] = (data[b] & ~LOW16) | (state & LOW16);
    }

    /** The engine's flags, 16 bits. */
    public int flags(int s) {
        return (int) (data[TCP_FLAGS + base(s)] >>> 16) & LOW16;
    }

    public void setFlags(int s, int flags) {
        int b = TCP_FLAGS + base(s);
        data[b] = (data[b] & ~((long) LOW16 << 16)) | ((long) (flags & LOW16) << 16);
    }

    /**
     * The DSCP of the session's first packet, kept in bits 8..13 of the flags (the engine's flags
     * use the low byte).
     */
    public int dscp(int s) {
        return (flags(s) >>> DSCP_SHIFT) & DSCP_MASK;
    }

    public void setDscp(int s, int dscp) {
        setFlags(s, (flags(s) & ~(DSCP_MASK << DSCP_SHIFT)) | ((dscp & DSCP_MASK) << DSCP_SHIFT));
    }

    /**
     * What the session's listeners were last told of its application ({@code application << 16 |
     * nestedApplication}; 0 at creation): kept in the block the packet that may change the
     * application has just touched.
     */
    public int announcedIdentification(int s) {
        return (int) (data[TCP_FLAGS + base(s)] >>> 32);
    }

    public void setAnnouncedIdentification(int s, int value) {
        int b = TCP_FLAGS + base(s);
        data[b] = (data[b] & LOW32) | ((long) value << 32);
    }

    /** A handshake time that cannot be measured (a retransmitted SYN or SYN-ACK). */
    public static final int RTT_AMBIGUOUS = Integer.MIN_VALUE;

    /**
     * SYN to SYN-ACK in microseconds; 0: not seen; {@link #RTT_AMBIGUOUS}: not measurable
     * (0 at creation; written by the engine's handshake timing).
     */
    public int serverRttRaw(int s) {
        return (int) (data[CLASSIFY + base(s)] >>> 32);
    }

    public void setServerRttRaw(int s, int value) {
        int b = CLASSIFY + base(s);
        data[b] = (data[b] & LOW32) | ((long) value << 32);
    }

    /**
     * SYN-ACK to the client's ACK in microseconds once measured; while the ACK is awaited
     * {@code -(microseconds from the session's start to the SYN-ACK) - 1}; 0: not seen;
     * {@link #RTT_AMBIGUOUS}: not measurable.
     */
    public int clientRttRaw(int s) {
        return (int) (data[INDEX_HASH + base(s)] >>> 32);
    }

    public void setClientRttRaw(int s, int value) {
        int b = INDEX_HASH + base(s);
        data[b] = (data[b] & LOW32) | ((long) value << 32);
    }

    /** SYN to SYN-ACK in microseconds, 0 when not measured. */
    public int serverRttMicros(int s) {
        return Math.max(0, serverRttRaw(s));
    }

    /** SYN-ACK to the client's ACK in microseconds, 0 when not measured (or not yet). */
    public int clientRttMicros(int s) {
        return Math.max(0, clientRttRaw(s));
    }

    /**
     * The session's policy index (0..65535; 0 at creation): which zone pair, policy and logical
     * system the session belongs to, an index into the caller's own table. Kept in spare bits of
     * the session's metadata word, so it costs no memory.
     */
    public int policy(int s) {
        return (int) (data[META + base(s)] >>> 16) & 0xFFFF;
    }

    public void setPolicy(int s, int policy) {
        if ((policy & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("policy index out of range 0..65535: " + policy);
        }
        int b = META + base(s);
        data[b] = (data[b] & ~0xFFFF_0000L) | ((long) policy << 16);
    }

    /** The classification pool slot of a session under inspection, or -1. */
    public int classificationSlot(int s) {
        return (int) data[CLASSIFY + base(s)] - 1;
    }

    public void setClassificationSlot(int s, int slot) {
        int b = CLASSIFY + base(s);
        data[b] = (data[b] & ~LOW32) | ((slot + 1) & LOW32);
    }

    public long nextUpdateDeadline(int s) {
        return data[DEADLINE + base(s)];
    }

    public void setNextUpdateDeadline(int s, long deadlineNanos) {
        data[DEADLINE + base(s)] = deadlineNanos;
    }

    // ---------------------------------------------------------------- endpoints

    public long clientAddrHi(int s) {
        return data[CLIENT_HI + base(s)];
    }

    public long clientAddrLo(int s) {
        return data[CLIENT_LO + base(s)];
    }

    public int clientPort(int s) {
        return (int) (data[PORTS_CTX + base(s)] >>> 48);
    }

    public long serverAddrHi(int s) {
        return data[SERVER_HI + base(s)];
    }

    public long serverAddrLo(int s) {
        return data[SERVER_LO + base(s)];
    }

    public int serverPort(int s) {
        return (int) (data[PORTS_CTX + base(s)] >>> 32) & 0xFFFF;
    }

    public int protocol(int s) {
        return (int) (data[META + base(s)] & 0xFF);
    }

    /** The context int given at creation ({@code zoneId << 12 | vlanId} for the engine). */
    public int context(int s) {
        return (int) data[PORTS_CTX + base(s)];
    }
}
