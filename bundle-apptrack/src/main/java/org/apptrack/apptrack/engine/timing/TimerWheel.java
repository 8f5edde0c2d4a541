package org.apptrack.apptrack.engine.timing;

/**
 * Allocation-free hashed timer wheel over int ids {@code 0..capacity-1} (session indices), with
 * lazy re-scheduling: an id sits in the bucket of the deadline it had when it was (re)scheduled;
 * when the wheel reaches that bucket it asks {@link Deadlines#deadline(int)} for the id's current
 * deadline and either reports it due or moves it to the bucket of its new deadline. So a packet
 * that only pushes a deadline later (idle timeouts) costs nothing here; a deadline that moves
 * EARLIER must be re-scheduled with {@link #schedule}. Buckets are intrusive doubly linked lists
 * in int arrays (O(1) schedule, move and cancel). An id can be reported up to one tick after its
 * deadline (never before); the reported deadline is exact. A deadline more than one revolution
 * away stays in its bucket and is looked at once per revolution.
 *
 * <p>Times are nanoseconds from any origin (negative allowed); not thread-safe.
 */
public final class TimerWheel {

    /** The current deadline of a scheduled id. */
    public interface Deadlines {
        long deadline(int id);
    }

    private static final long UNSET = Long.MIN_VALUE;

    private final long tickNanos;
    private final int mask;
    private final int[] heads;
    private final int[] next;
    private final int[] prev;
    /** Bucket of an id, -1 when not scheduled. */
    private final int[] bucketOf;
    private long cursor = UNSET;
    /**
     * Start of the tick after the cursor, {@code (cursor + 1) * tickNanos}: a poll before it has
     * nothing to do, decided without a division. Long.MIN_VALUE (never taken) while the cursor is
     * unset or when the product does not fit a long.
     */
    private long nextTickNanos = Long.MIN_VALUE;
    private int scheduled;

    public TimerWheel(int capacity, int wheelSize, long tickNanos) {
        if (capacity < 1 || wheelSize < 1 || Integer.bitCount(wheelSize) != 1 || tickNanos <= 0) {
            throw new IllegalArgumentException("capacity " + capacity + ", wheelSize " + wheelSize + ", tick " + tickNanos);
        }
        this.tickNanos = tickNanos;
        this.mask = wheelSize - 1;
        this.heads = new int[wheelSize];
        java.util.Arrays.fill(heads, -1);
        this.next = new int[capacity];
        this.prev = new int[capacity];
        this.bucketOf = new int[capacity];
        java.util.Arrays.fill(bucketOf, -1);
    }

    /** Schedules (or moves) {@code id} for {@code deadlineNanos}. */
    public void schedule(int id, long deadlineNanos) {
        long t = Math.floorDiv(deadlineNanos, tickNanos);
        if (cursor == UNSET) {
            setCursor(t - 1);
        }
        if (bucketOf[id] >= 0) {
            unlink(id);
        }
        link(id, Math.max(t, cursor + 1));
    }

    /** Removes {@code id} if scheduled. */
    public void cancel(int id) {
        if (bucketOf[id] >= 0) {
            unlink(id);
        }
    }

    public boolean isScheduled(int id) {
        return bucketOf[id] >= 0;
    }

    /** Ids scheduled. */
    public int size() {
        return scheduled;
    }

    /**
     * Advances the wheel to {@code nowNanos} and removes the ids whose current deadline is
     * {@code <= nowNanos}, writing them to {@code dueIds} / {@code dueDeadlines} (capacity-sized)
     * sorted by deadline (ties by id).
     *
     * @return how many ids are due
     */
    public int poll(long nowNanos, Deadlines deadlines, int[] dueIds, long[] dueDeadlines) {
        if (nowNanos < nextTickNanos) {
            return 0; // still in the cursor's tick
        }
        return advanceTo(nowNanos, deadlines, dueIds, dueDeadlines);
    }

    private void setCursor(long tick) {
        cursor = tick;
        long next;
        try {
            next = Math.multiplyExact(Math.addExact(tick, 1L), tickNanos);
        } catch (ArithmeticException e) {
            next = Long.MIN_VALUE;
        }
        nextTickNanos = next;
    }

    private int advanceTo(long nowNanos, Deadlines deadlines, int[] dueIds, long[] dueDeadlines) {
        long nowTick = Math.floorDiv(nowNanos, tickNanos);
        if (cursor == UNSET) {
            setCursor(nowTick);
            return 0;
        }
        if (nowTick <= cursor) {
            return 0;
        }
        long from = cursor + 1;
        if (nowTick - from >= heads.length) {
            from = nowTick - heads.length + 1; // every bucket once
        }
        setCursor(nowTick);
        int n = 0;
        for (long t = from; t <= nowTick; t++) {
            int b = (int) (t & mask);
            int id = heads[b];
            heads[b] = -1;
            while (id >= 0) {
                int nx = next[id];
                bucketOf[id] = -1;
                scheduled--;
                long d = deadlines.deadline(id);
                if (d <= nowNanos) {
                    dueIds[n] = id;
                    dueDeadlines[n] = d;
                    n++;
                } else {
                    link(id, Math.max(Math.floorDiv(d, tickNanos), nowTick + 1));
                }
                id = nx;
            }
        }
        sortByDeadline(dueIds, dueDeadlines, n);
        return n;
    }

    private void link(int id, long tick) {
        int b = (int) (tick & mask);
        int h = heads[b];
        next[id] = h;
        prev[id] = -1;
        if (h >= 0) {
            prev[h] = id;
        }
        heads[b] = id;
        bucketOf[id] = b;
        scheduled++;
    }

    private void unlink(int id) {
        int b = bucketOf[id];
        int p = prev[id];
        int nx = next[id];
        if (p >= 0) {
            next[p] = nx;
        } else {
            heads[b] = nx;
        }
        if (nx >= 0) {
            prev[nx] = p;
        }
        bucketOf[id] = -1;
        scheduled--;
    }

    /** Sorts the first {@code n} pairs by (deadline, id), in place, allocation-free (heap sort). */
    public static void sortByDeadline(int[] ids, long[] deadlines, int n) {
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(ids, deadlines, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(ids, deadlines, 0, end);
            siftDown(ids, deadlines, 0, end);
        }
    }

    private static void siftDown(int[] ids, long[] d, int i, int n) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= n) {
                return;
            }
            int m = l;
            int r = l + 1;
            if (r < n && greater(ids, d, r, l)) {
                m = r;
            }
            if (!greater(ids, d, m, i)) {
                return;
            }
            swap(ids, d, i, m);
            i = m;
        }
    }

    private static boolean greater(int[] ids, long[] d, int a, int b) {
        return d[a] != d[b] ? d[a] > d[b] : ids[a] > ids[b];
    }

    private static void swap(int[] ids, long[] d, int a, int b) {
        int ti = ids[a];
        ids[a] = ids[b];
        ids[b] = ti;
        long td = d[a];
        d[a] = d[b];
        d[b] = td;
    }
}
