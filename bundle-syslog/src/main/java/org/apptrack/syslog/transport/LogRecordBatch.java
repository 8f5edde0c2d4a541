package org.apptrack.syslog.transport;

import org.apptrack.syslog.api.LogRecord;

/**
 * Records written to a channel together, so that a batch costs one pipeline pass, one buffer and
 * one promise instead of one per record. Reused by its transport: it is only ever written from
 * the channel's event loop, where the encoders consume it before {@code write} returns.
 */
public final class LogRecordBatch {

    private final LogRecord[] records;
    private final int[] maxBytes;
    private int size;

    public LogRecordBatch(int capacity) {
        this.records = new LogRecord[capacity];
        this.maxBytes = new int[capacity];
    }

    /** Adds a record; returns false when the batch is full. */
    public boolean add(LogRecord record) {
        if (size == records.length) {
            return false;
        }
        records[size++] = record;
        return true;
    }

    public int size() {
        return size;
    }

    public boolean isFull() {
        return size == records.length;
    }

    public LogRecord get(int index) {
        return records[index];
    }

    /** Space kept by the encoder for the bound of one record's bytes. */
    int maxBytes(int index) {
        return maxBytes[index];
    }

    void maxBytes(int index, int bytes) {
        maxBytes[index] = bytes;
    }

    /** Empties the batch, releasing the references to its records. */
    public void clear() {
        java.util.Arrays.fill(records, 0, size, null);
        size = 0;
    }
}
