package org.apptrack.syslog.recent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apptrack.syslog.api.LogRecord;

/**
 * The last {@code capacity} records, the oldest overwritten. Its array grows to the capacity
 * as records come, so a session that logs three records holds a small one. Not thread-safe.
 */
final class RecordRing {

    private static final int INITIAL_SLOTS = 4;

    private final int capacity;
    private LogRecord[] slots;
    /** Where the next record goes once the ring is full (the oldest record's slot). */
    private int next;
    private int size;

    RecordRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.slots = new LogRecord[Math.min(capacity, INITIAL_SLOTS)];
    }

    void add(LogRecord record) {
        if (size < capacity) {
            if (size == slots.length) {
                LogRecord[] grown = new LogRecord[Math.min(capacity, slots.length * 2)];
                System.arraycopy(slots, 0, grown, 0, size);
                slots = grown;
            }
            slots[size++] = record;
            next = size % capacity;
        } else {
            slots[next] = record;
            next = (next + 1) % capacity;
        }
    }

    int size() {
        return size;
    }

    /** Forgets every record, keeping the array for reuse. */
    void clear() {
        Arrays.fill(slots, 0, size, null);
        size = 0;
        next = 0;
    }

    /** Adds the records, oldest first, to {@code out}. */
    void addOldestFirst(List<LogRecord> out) {
        int oldest = size < capacity ? 0 : next;
        for (int i = 0; i < size; i++) {
            out.add(slots[(oldest + i) % capacity]);
        }
    }

    /** The newest {@code limit} records, newest first. */
    List<LogRecord> newestFirst(int limit) {
        int n = Math.max(0, Math.min(limit, size));
        List<LogRecord> out = new ArrayList<>(n);
        int newest = (size < capacity ? size : next) - 1;
        for (int i = 0; i < n; i++) {
            out.add(slots[Math.floorMod(newest - i, capacity)]);
        }
        return out;
    }
}
