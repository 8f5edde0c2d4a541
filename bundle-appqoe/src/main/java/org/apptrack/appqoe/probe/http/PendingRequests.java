package org.apptrack.appqoe.probe.http;

/**
 * The probes of one connection in request order (HTTP/1.1 answers in that order): a ring of
 * primitive arrays, so that the bound on outstanding probes is the ring itself. A probe is added
 * when due and marked sent once its request is written (it may wait for the connection first).
 * Used from the prober's event loop only.
 */
final class PendingRequests {

    private final long[] sequences;
    private final long[] deadlines;
    private final long[] sentNanos;
    private final boolean[] sent;
    private int head;
    private int size;

    PendingRequests(int capacity) {
        sequences = new long[capacity];
        deadlines = new long[capacity];
        sentNanos = new long[capacity];
        sent = new boolean[capacity];
    }

    boolean isFull() {
        return size == sequences.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(long sequence, long deadlineNanos) {
        if (isFull()) {
            throw new IllegalStateException("no room for probe " + sequence);
        }
        int slot = slot(size);
        sequences[slot] = sequence;
        deadlines[slot] = deadlineNanos;
        sent[slot] = false;
        size++;
    }

    /** The position (0 = oldest) of the first probe whose request is not written yet, or size(). */
    int firstUnsent() {
        for (int i = 0; i < size; i++) {
            if (!sent[slot(i)]) {
                return i;
            }
        }
        return size;
    }

    long sequenceAt(int position) {
        return sequences[slot(position)];
    }

    void markSent(int position, long nanoTime) {
        int slot = slot(position);
        sent[slot] = true;
        sentNanos[slot] = nanoTime;
    }

    boolean headSent() {
        return sent[head];
    }

    long headSequence() {
        return sequences[head];
    }

    long headSentNanos() {
        return sentNanos[head];
    }

    long headDeadline() {
        return deadlines[head];
    }

    void removeHead() {
        head = slot(1);
        size--;
    }

    private int slot(int position) {
        return (head + position) % sequences.length;
    }
}
