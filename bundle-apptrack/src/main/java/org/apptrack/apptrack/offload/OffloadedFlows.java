package org.apptrack.apptrack.offload;

import java.util.Arrays;
import org.apptrack.apptrack.engine.AppTrackEngine;

/**
 * The flow rules that count offloaded sessions: flow id to session, direction and the rule's last
 * totals, in primitive arrays indexed by a slot ({@link FlowIdMap} finds the slot of a flow id).
 * A session has up to two rules (one per direction), linked as partners, so that it closes when
 * the last of them is gone and its rules can be found from the session.
 *
 * <p>Statistics: {@link #observe} turns a rule's absolute totals into what it counted since the
 * last look (a rule that was replaced starts again from 0: a total below the last one is all new)
 * and queues that; {@link #applyTo} reports the queue to the engine in one turn. Allocation-free
 * once sized; grows by doubling. Confined to one thread (the offload worker). Public for the
 * benchmarks only: the package is private to the bundle.
 */
public final class OffloadedFlows {

    private static final int FROM_CLIENT = 1;
    private static final int OURS = 2;

    private final FlowIdMap index;
    private long[] flowId;
    private int[] device;
    private int[] session;
    private int[] sessionId;
    private byte[] flags;
    private long[] lastPackets;
    private long[] lastBytes;
    private int[] partner;
    private int[] free;
    private int freeCount;
    private int used;
    /** Live slots linked to a partner, halved: sessions with both directions tracked. */
    private int pairs;
    /** Slot + 1 of a rule of each session index, 0: none; sized on demand. */
    private int[] bySession = new int[0];

    // The queue of statistics to report: the slots with news, and each slot's news.
    private int[] batchSlot;
    private long[] batchPackets;
    private long[] batchBytes;
    private boolean[] queued;
    private int batchSize;
    private int[] gone;
    private int goneCount;

    public OffloadedFlows(int initialRules) {
        int n = Math.max(4, initialRules);
        index = new FlowIdMap(n);
        flowId = new long[n];
        device = new int[n];
        session = new int[n];
        sessionId = new int[n];
        flags = new byte[n];
        lastPackets = new long[n];
        lastBytes = new long[n];
        partner = new int[n];
        free = new int[n];
        batchSlot = new int[n];
        batchPackets = new long[n];
        batchBytes = new long[n];
        queued = new boolean[n];
        gone = new int[n];
    }

    /**
     * Starts tracking rule {@code id} of one direction of session {@code s} (id {@code sid}) on
     * device {@code dev}; its totals so far count as new at the first look.
     *
     * @param ours whether AppTrack installed the rule (else it is the forwarding's own 5-tuple rule)
     * @return the rule's slot
     */
    public int track(long id, int dev, int s, int sid, boolean fromClient, boolean ours) {
        int existing = index.get(id);
        if (existing != FlowIdMap.MISSING) {
            forget(existing);
        }
        int slot = freeCount > 0 ? free[--freeCount] : nextSlot();
        flowId[slot] = id;
        device[slot] = dev;
        session[slot] = s;
        sessionId[slot] = sid;
        flags[slot] = (byte) ((fromClient ? FROM_CLIENT : 0) | (ours ? OURS : 0));
        lastPackets[slot] = 0;
        lastBytes[slot] = 0;
        partner[slot] = -1;
        int other = slotOfSession(s, sid);
        if (other >= 0) {
            int oldPartner = partner[other];
            if (oldPartner >= 0) {
                partner[oldPartner] = -1; // a replaced rule of the same direction keeps no link
            } else {
                pairs++;
            }
            partner[other] = slot;
            partner[slot] = other;
        }
        ensureSession(s);
        bySession[s] = slot + 1;
        index.put(id, slot);
        return slot;
    }

    private int nextSlot() {
        if (used == flowId.length) {
            int n = used * 2;
            flowId = Arrays.copyOf(flowId, n);
            device = Arrays.copyOf(device, n);
            session = Arrays.copyOf(session, n);
            sessionId = Arrays.copyOf(sessionId, n);
            flags = Arrays.copyOf(flags, n);
            lastPackets = Arrays.copyOf(lastPackets, n);
            lastBytes = Arrays.copyOf(lastBytes, n);
            partner = Arrays.copyOf(partner, n);
            free = Arrays.copyOf(free, n);
            batchSlot = Arrays.copyOf(batchSlot, n);
            batchPackets = Arrays.copyOf(batchPackets, n);
            batchBytes = Arrays.copyOf(batchBytes, n);
            queued = Arrays.copyOf(queued, n);
            gone = Arrays.copyOf(gone, n);
        }
        return used++;
    }

    private void ensureSession(int s) {
        if (s >= bySession.length) {
            bySession = Arrays.copyOf(bySession, Math.max(s + 1, bySession.length * 2));
        }
    }

    /** The slot of rule {@code id}, or -1. */
    int slotOf(long id) {
        return index.get(id);
    }

    /** A slot of session {@code s} as id {@code sid}, or -1. */
    int slotOfSession(int s, int sid) {
        if (s < 0 || s >= bySession.length || bySession[s] == 0) {
            return -1;
        }
        int slot = bySession[s] - 1;
        return sessionId[slot] == sid && session[slot] == s ? slot : -1;
    }

    /** Stops tracking the rule in {@code slot}; its partner stays (and is then the session's last rule). */
    void forget(int slot) {
        index.remove(flowId[slot]);
        int p = partner[slot];
        if (p >= 0) {
            partner[p] = -1;
            pairs--;
        }
        int s = session[slot];
        if (s < bySession.length && bySession[s] == slot + 1) {
            bySession[s] = p >= 0 ? p + 1 : 0;
        }
        partner[slot] = -1;
        session[slot] = -1;
        queued[slot] = false;
        free[freeCount++] = slot;
    }

    /**
     * The rule's absolute totals as the switch reports them: queues what it counted since the
     * last look, when anything.
     *
     * @return false when the rule is not tracked
     */
    public boolean observe(long id, long packets, long bytes) {
        int slot = index.get(id);
        if (slot == FlowIdMap.MISSING) {
            return false;
        }
        long dp = packets >= lastPackets[slot] ? packets - lastPackets[slot] : packets;
        long db = bytes >= lastBytes[slot] ? bytes - lastBytes[slot] : bytes;
        lastPackets[slot] = packets;
        lastBytes[slot] = bytes;
        if (dp > 0 || db > 0) {
            if (!queued[slot]) {
                queued[slot] = true;
                batchSlot[batchSize++] = slot;
                batchPackets[slot] = 0;
                batchBytes[slot] = 0;
            }
            batchPackets[slot] += dp;
            batchBytes[slot] += db;
        }
        return true;
    }

    /**
     * Reports the queued counts to the engine (call in its turn) and empties the queue. Rules
     * whose session is no longer open are forgotten.
     *
     * @return sessions' directions updated
     */
    public int applyTo(AppTrackEngine engine, long nowNanos) {
        int updated = 0;
        goneCount = 0;
        for (int i = 0; i < batchSize; i++) {
            int slot = batchSlot[i];
            if (!queued[slot] || session[slot] < 0) {
                continue; // reported with its partner, or forgotten meanwhile
            }
            // Both directions' news in one report, so that a volume update it makes due has both.
            long cp = 0;
            long cb = 0;
            long sp = 0;
            long sb = 0;
            int other = partner[slot];
            for (int k = 0, x = slot; k < 2; k++, x = other) {
                if (x >= 0 && queued[x]) {
                    queued[x] = false;
                    if ((flags[x] & FROM_CLIENT) != 0) {
                        cp += batchPackets[x];
                        cb += batchBytes[x];
                    } else {
                        sp += batchPackets[x];
                        sb += batchBytes[x];
                    }
                }
            }
            if (engine.externalCounters(session[slot], sessionId[slot], cp, cb, sp, sb, nowNanos)) {
                updated++;
            } else {
                gone[goneCount++] = slot;
                if (other >= 0) {
                    gone[goneCount++] = other;
                }
            }
        }
        batchSize = 0;
        for (int i = 0; i < goneCount; i++) {
            if (session[gone[i]] >= 0) {
                forget(gone[i]);
            }
        }
        return updated;
    }

    /** Rules tracked. */
    public int size() {
        return index.size();
    }

    /** Sessions tracked (one or both of their directions). */
    public int sessions() {
        return index.size() - pairs;
    }

    /** Slots handed out so far (live or free): iterate 0..highWater and skip {@link #isLive} false. */
    int highWater() {
        return used;
    }

    boolean isLive(int slot) {
        return slot >= 0 && slot < used && session[slot] >= 0;
    }

    long flowId(int slot) {
        return flowId[slot];
    }

    int device(int slot) {
        return device[slot];
    }

    int session(int slot) {
        return session[slot];
    }

    int sessionId(int slot) {
        return sessionId[slot];
    }

    boolean fromClient(int slot) {
        return (flags[slot] & FROM_CLIENT) != 0;
    }

    boolean ours(int slot) {
        return (flags[slot] & OURS) != 0;
    }

    /** The other direction's rule of the same session, or -1. */
    int partner(int slot) {
        return partner[slot];
    }

    void clear() {
        index.clear();
        Arrays.fill(bySession, 0);
        used = 0;
        freeCount = 0;
        batchSize = 0;
        pairs = 0;
    }

    /** Bytes of the bookkeeping's arrays per tracked-rule capacity (headers aside), for sizing. */
    public long memoryBytes() {
        return index.memoryBytes() + (long) flowId.length * (8 + 4 + 4 + 4 + 1 + 8 + 8 + 4 + 4 + 4 + 8 + 8 + 1 + 4)
                + 4L * bySession.length;
    }
}
