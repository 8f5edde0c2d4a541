package org.apptrack.capture.onos;

import java.util.concurrent.atomic.LongAdder;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketProcessorEntry;

/**
 * A registered processor with its priority and timing, as ONOS's PacketManager keeps it. Only
 * every {@value #SAMPLE_EVERY}th invocation is timed: two clock reads per frame and processor
 * cost more than a fast processor itself (clock_gettime is 20-40 ns); the averages stay
 * unbiased and the total is estimated from them.
 */
final class ProcessorEntry implements PacketProcessorEntry {

    private final PacketProcessor processor;
    private final int priority;
    private final long order;
    private final LongAdder invocations = new LongAdder();
    static final int SAMPLE_EVERY = 64;

    private final LongAdder nanos = new LongAdder();
    private final LongAdder timed = new LongAdder();
    /** Picks the invocations to time; unsynchronized on purpose (a lost update only shifts the sample). */
    private int sampleClock;
    private final LongAdder failures = new LongAdder();

    ProcessorEntry(PacketProcessor processor, int priority, long order) {
        this.processor = processor;
        this.priority = priority;
        this.order = order;
    }

    @Override
    public PacketProcessor processor() {
        return processor;
    }

    @Override
    public int priority() {
        return priority;
    }

    /** Registration order, which breaks ties between equal priorities. */
    long order() {
        return order;
    }

    @Override
    public long invocations() {
        return invocations.sum();
    }

    /** Estimated from the timed invocations. */
    @Override
    public long totalNanos() {
        long t = timed.sum();
        return t == 0 ? 0 : (long) ((double) nanos.sum() * invocations.sum() / t);
    }

    /** Over the timed invocations. */
    @Override
    public long averageNanos() {
        long t = timed.sum();
        return t == 0 ? 0 : nanos.sum() / t;
    }

    /** Whether to time this invocation. */
    boolean sampleNow() {
        return (++sampleClock & (SAMPLE_EVERY - 1)) == 1;
    }

    /** Exceptions the processor threw (caught and counted; they never stop the other processors). */
    long failures() {
        return failures.sum();
    }

    void invoked() {
        invocations.increment();
    }

    void timed(long elapsedNanos) {
        timed.increment();
        nanos.add(elapsedNanos);
    }

    void failed() {
        failures.increment();
    }
}
