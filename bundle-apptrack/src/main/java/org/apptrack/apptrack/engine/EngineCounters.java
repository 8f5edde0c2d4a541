package org.apptrack.apptrack.engine;

/**
 * The engine's counters by name ({@link EngineCounter}) and sessions closed by reason. Written
 * by the engine's thread only; plain longs, as the engine is single-threaded.
 */
public final class EngineCounters {

    private final long[] counts = new long[EngineCounter.count()];
    private final long[] closed = new long[CloseReason.count()];

    void increment(EngineCounter c) {
        counts[c.ordinal()]++;
    }

    void closed(CloseReason reason) {
        closed[reason.ordinal()]++;
    }

    public long get(EngineCounter c) {
        return counts[c.ordinal()];
    }

    /** Sessions closed with {@code reason}. */
    public long closedBy(CloseReason reason) {
        return closed[reason.ordinal()];
    }

    /** Sessions closed, every reason. */
    public long closed() {
        long sum = 0;
        for (long c : closed) {
            sum += c;
        }
        return sum;
    }
}
