package org.apptrack.capture.onos;

import java.util.concurrent.atomic.LongAdder;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketProcessorEntry;

/** A registered processor with its priority and timing, as ONOS's PacketManager keeps it. */
final class ProcessorEntry implements PacketProcessorEntry {

    private final PacketProcessor processor;
    private final int priority;
    private final long order;
    private final LongAdder invocations = new LongAdder();
    private final LongAdder nanos = new LongAdder();
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

    @Override
    public long totalNanos() {
        return nanos.sum();
    }

    @Override
    public long averageNanos() {
        long n = invocations.sum();
        return n == 0 ? 0 : nanos.sum() / n;
    }

    /** Exceptions the processor threw (caught and counted; they never stop the other processors). */
    long failures() {
        return failures.sum();
    }

    void invoked(long elapsedNanos) {
        invocations.increment();
        nanos.add(elapsedNanos);
    }

    void failed() {
        failures.increment();
    }
}
