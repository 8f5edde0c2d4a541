package org.apptrack.apptrack.engine.classify;

/**
 * The state of the sessions the classifier is still inspecting (reassembly buffer, dissector
 * words), in a bounded number of slots: a session takes a slot when inspection starts and gives
 * it back when the classifier has its answer or the session closes, so memory follows the
 * sessions being classified, not the sessions open. When every slot is taken a new session is
 * not inspected (it keeps what its first packet and port tell) and {@link #full()} counts it.
 *
 * <p>A slot's buffer is allocated the first time the slot is used and kept for reuse: at most
 * {@link #capacity()} allocations in the pool's life, none per packet. Not thread-safe.
 */
public final class ClassificationPool {

    private final ClassificationState[] states;
    private final int bufferBytes;
    /** Free slots as a stack. */
    private final int[] free;
    private int freeCount;
    private long full;

    /**
     * @param slots sessions inspected at once, at least 1
     * @param bufferBytes each slot's buffer for payload the classifier keeps (e.g. a TLS
     *     ClientHello spanning segments)
     */
    public ClassificationPool(int slots, int bufferBytes) {
        if (slots < 1 || bufferBytes < 0) {
            throw new IllegalArgumentException("slots must be at least 1 and bufferBytes not negative: " + slots
                    + ", " + bufferBytes);
        }
        this.states = new ClassificationState[slots];
        this.bufferBytes = bufferBytes;
        this.free = new int[slots];
        for (int i = 0; i < slots; i++) {
            free[i] = slots - 1 - i; // slot 0 on top
        }
        this.freeCount = slots;
    }

    /** A free slot, cleared, or -1 (counted in {@link #full()}) when every slot is taken. */
    public int acquire() {
        if (freeCount == 0) {
            full++;
            return -1;
        }
        int slot = free[--freeCount];
        ClassificationState s = states[slot];
        if (s == null) {
            states[slot] = new ClassificationState(bufferBytes);
        } else {
            s.clear();
        }
        return slot;
    }

    /** Gives a slot back; its state is no longer the session's. */
    public void release(int slot) {
        free[freeCount++] = slot;
    }

    /** The state of an acquired slot. */
    public ClassificationState state(int slot) {
        return states[slot];
    }

    public int capacity() {
        return states.length;
    }

    /** Slots taken now. */
    public int inUse() {
        return states.length - freeCount;
    }

    /** Sessions not inspected because every slot was taken. */
    public long full() {
        return full;
    }
}
