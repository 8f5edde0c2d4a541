package org.apptrack.appqoe.probe.stamp;

/**
 * The probes of one path that wait for their reply, in primitive arrays indexed by sequence
 * number modulo the capacity: the bound on outstanding probes is the table itself (a probe whose
 * slot is still taken is not sent). Used from one thread only.
 */
final class OutstandingProbes {

    static final int MAX_CAPACITY = 65536;

    /** Receives expired probes. */
    interface LostProbe {
        void lost(long sequence);
    }

    private final int capacity;
    private final boolean[] used;
    private final long[] sequences;
    private final long[] sentNanos;
    private final long[] sentNtp;
    private final long[] deadlines;
    private int size;

    OutstandingProbes(int capacity) {
        this.capacity = capacity;
        used = new boolean[capacity];
        sequences = new long[capacity];
        sentNanos = new long[capacity];
        sentNtp = new long[capacity];
        deadlines = new long[capacity];
    }

    private int slot(long sequence) {
        return (int) (sequence % capacity);
    }

    /** Records a probe about to be sent; false when its slot still holds an unresolved probe. */
    boolean add(long sequence, long sentAtNanos, long sentAtNtp, long deadlineNanos) {
        int slot = slot(sequence);
        if (used[slot]) {
            return false;
        }
        used[slot] = true;
        sequences[slot] = sequence;
        sentNanos[slot] = sentAtNanos;
        sentNtp[slot] = sentAtNtp;
        deadlines[slot] = deadlineNanos;
        size++;
        return true;
    }

    /**
     * Resolves the probe a reply answers: its send time in nanoseconds, or -1 when no such probe
     * waits (late, duplicate or foreign reply) or the echoed timestamp is not the one sent.
     */
    long take(long sequence, long echoedNtp) {
        int slot = slot(sequence);
        if (!used[slot] || sequences[slot] != sequence || sentNtp[slot] != echoedNtp) {
            return -1;
        }
        used[slot] = false;
        size--;
        return sentNanos[slot];
    }

    /** Removes every probe whose deadline is at or before {@code nowNanos} and reports it. */
    void expire(long nowNanos, LostProbe lost) {
        if (size == 0) {
            return;
        }
        for (int slot = 0; slot < capacity; slot++) {
            if (used[slot] && deadlines[slot] - nowNanos <= 0) {
                used[slot] = false;
                size--;
                lost.lost(sequences[slot]);
            }
        }
    }

    int size() {
        return size;
    }
}
