package org.apptrack.apptrack.impl;

import java.util.Arrays;
import org.apptrack.apptrack.api.SessionOrder;
import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * The first sessions of a table in a {@link SessionOrder}, in primitive arrays (the JDK's sorts
 * need boxed indices or a comparator over objects: at 1,000,000 sessions, 40 MB and up to 90 ms
 * under the packet lock). Two uses:
 * <ul>
 * <li>with a capacity (the first {@code k} of the sessions offered are kept): a bounded heap whose
 * root is the last of those kept, so that most offers cost one comparison: O(n log k), memory
 * for k sessions;</li>
 * <li>without one, every session offered is kept, and the first is found only when asked for:
 * O(n) to build the heap, O(log n) per session taken, for a caller that cannot tell in
 * advance how many it will take.</li>
 * </ul>
 * {@link #next()} then hands the sessions kept out in order.
 *
 * <p>Order: the order's key descending (ID: no key), then the session id ascending. Ids are
 * unique among live sessions, so the order is total and does not depend on the order of offers.
 */
final class SessionRanking {

    private static final int INITIAL = 1024;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final SessionOrder order;
    private final int capacity;
    private long[] keys;
    private long[] ids;
    private int[] sessions;
    private int size;
    /** While offering with a capacity, the root is the last kept; once taking, the first. */
    private boolean lastOnTop;
    private boolean taking;

    /**
     * @param capacity how many sessions to keep at most (Integer.MAX_VALUE: all)
     * @param expected how many offers to expect at most (sizes the first arrays)
     */
    SessionRanking(SessionOrder order, int capacity, int expected) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.order = order;
        this.capacity = capacity;
        this.lastOnTop = capacity < Integer.MAX_VALUE;
        int initial = Math.max(1, Math.min(INITIAL, Math.min(capacity, expected)));
        keys = new long[initial];
        ids = new long[initial];
        sessions = new int[initial];
    }

    /** The key {@code order} ranks session {@code s} by (higher first). */
    private static long key(SessionOrder order, SessionTable t, int s) {
        switch (order) {
            case BYTES:
                return t.clientBytes(s) + t.serverBytes(s);
            case PACKETS:
                return t.clientPackets(s) + t.serverPackets(s);
            case DURATION:
                // In milliseconds, as the description reports it and the order's comparator reads it:
                // sessions equal to the millisecond then go by id.
                return Math.floorDiv(t.lastSeenNanos(s), NANOS_PER_MILLI)
                        - Math.floorDiv(t.startNanos(s), NANOS_PER_MILLI);
            default:
                return 0L; // ID: the session id decides
        }
    }

    /** Offers live session {@code s} of {@code t}; only before the first {@link #next()}. */
    void offer(SessionTable t, int s) {
        if (taking) {
            throw new IllegalStateException("a session offered after the ranking was taken from");
        }
        long key = key(order, t, s);
        long id = t.sessionId(s) & 0xffff_ffffL;
        if (size < capacity) {
            if (size == keys.length) {
                grow();
            }
            keys[size] = key;
            ids[size] = id;
            sessions[size] = s;
            size++;
            if (lastOnTop) {
                siftUp(size - 1);
            }
        } else if (before(key, id, keys[0], ids[0])) {
            keys[0] = key;
            ids[0] = id;
            sessions[0] = s;
            siftDown(0);
        }
    }

    /** Whether sessions remain to be taken. */
    boolean hasNext() {
        return size > 0;
    }

    /** The first of the sessions kept and not yet taken. */
    int next() {
        if (!taking) {
            taking = true;
            lastOnTop = false;
            for (int i = (size >>> 1) - 1; i >= 0; i--) {
                siftDown(i);
            }
        }
        int first = sessions[0];
        size--;
        keys[0] = keys[size];
        ids[0] = ids[size];
        sessions[0] = sessions[size];
        siftDown(0);
        return first;
    }

    private static boolean before(long keyA, long idA, long keyB, long idB) {
        return keyA != keyB ? keyA > keyB : idA < idB;
    }

    /** Whether entry i belongs above entry j in the heap. */
    private boolean above(int i, int j) {
        return lastOnTop ? before(keys[j], ids[j], keys[i], ids[i]) : before(keys[i], ids[i], keys[j], ids[j]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!above(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        int n = size;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && above(child + 1, child)) {
                child++;
            }
            if (!above(child, i)) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private void swap(int i, int j) {
        long k = keys[i];
        keys[i] = keys[j];
        keys[j] = k;
        long d = ids[i];
        ids[i] = ids[j];
        ids[j] = d;
        int s = sessions[i];
        sessions[i] = sessions[j];
        sessions[j] = s;
    }

    private void grow() {
        int n = (int) Math.min(capacity, 2L * keys.length);
        keys = Arrays.copyOf(keys, n);
        ids = Arrays.copyOf(ids, n);
        sessions = Arrays.copyOf(sessions, n);
    }
}
