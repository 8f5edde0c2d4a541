package org.apptrack.capture.onos;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketProcessorEntry;

/**
 * A registered processor with its priority and timing, as ONOS's PacketManager keeps it. Only
 * the processor calls of every {@value #SAMPLE_EVERY}th frame are timed: two clock reads per
 * frame and processor cost more than a fast processor itself (clock_gettime is 20-40 ns); the
 * averages stay unbiased and the total is estimated from them. Invocations are not counted per
 * call (an atomic increment per frame): every processor sees every frame that passes the filters,
 * so its invocations are the frames that passed while it was registered.
 *
 * <p>The processor's readable name and bundle ({@link ProcessorName}) are worked out once, at
 * registration.
 */
public final class ProcessorEntry implements PacketProcessorEntry {

    private final PacketProcessor processor;
    private final String name;
    private final String bundle;
    private final int priority;
    private final long order;
    static final int SAMPLE_EVERY = 64;
    /** Frames that have passed the filters so far, over all delivering threads. */
    private final LongSupplier passedFrames;
    /** {@link #passedFrames} when the processor was registered. */
    private final long passedAtRegistration;
    /** {@link #passedFrames} when the processor was removed, -1 while registered. */
    private volatile long passedAtRemoval = -1;

    private final LongAdder nanos = new LongAdder();
    private final LongAdder timed = new LongAdder();
    private final LongAdder failures = new LongAdder();

    ProcessorEntry(PacketProcessor processor, int priority, long order, LongSupplier passedFrames) {
        this.processor = processor;
        this.name = ProcessorName.of(processor);
        this.bundle = ProcessorName.bundleOf(processor);
        this.priority = priority;
        this.order = order;
        this.passedFrames = passedFrames;
        this.passedAtRegistration = passedFrames.getAsLong();
    }

    @Override
    public PacketProcessor processor() {
        return processor;
    }

    /** The processor's class, or the class that declares it for a lambda (see {@link ProcessorName#of}). */
    public String name() {
        return name;
    }

    /** The symbolic name of the bundle the processor comes from; null outside OSGi. */
    public String bundle() {
        return bundle;
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
        long end = passedAtRemoval;
        return (end >= 0 ? end : passedFrames.getAsLong()) - passedAtRegistration;
    }

    /** The processor was removed: its invocation count stops. */
    void removed() {
        passedAtRemoval = passedFrames.getAsLong();
    }

    /** Estimated from the timed invocations. */
    @Override
    public long totalNanos() {
        long t = timed.sum();
        return t == 0 ? 0 : (long) ((double) nanos.sum() * invocations() / t);
    }

    /** Over the timed invocations. */
    @Override
    public long averageNanos() {
        long t = timed.sum();
        return t == 0 ? 0 : nanos.sum() / t;
    }

    /** Exceptions the processor threw (caught and counted; they never stop the other processors). */
    public long failures() {
        return failures.sum();
    }

    void timed(long elapsedNanos) {
        timed.increment();
        nanos.add(elapsedNanos);
    }

    void failed() {
        failures.increment();
    }

    /** For logs: {@code NAME at observer(1)}. */
    @Override
    public String toString() {
        return name + " at " + ProcessorName.priority(priority);
    }
}
