package org.apptrack.capture.onos;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import org.apptrack.capture.frame.FrameHandler;

/**
 * What one delivering thread (a capture source's reader) keeps while it hands frames to the
 * packet processors: the packet context it reuses for every frame, and its frame counters.
 *
 * <p>Why per thread: the packet path then allocates nothing and executes no atomic instruction
 * per frame (a context, an inbound packet and a buffer duplicate per frame, plus two
 * {@code LongAdder} increments, cost a third of the time of a fast processor). The counters have
 * one writer, the owning thread, which publishes them with opaque stores; readers sum them over
 * all deliveries ({@link CapturePacketService#frames()}).
 */
final class FrameDelivery implements FrameHandler {

    private static final VarHandle FRAMES;
    private static final VarHandle FILTERED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FRAMES = lookup.findVarHandle(FrameDelivery.class, "frames", long.class);
            FILTERED = lookup.findVarHandle(FrameDelivery.class, "filtered", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The thread this delivery belongs to; once it has died, its counts are final. */
    final Thread owner;
    private final CapturePacketService service;
    /** The context every frame of this thread is delivered in, reset per frame. */
    final CapturePacketContext context;
    /** True while {@link #context} is being delivered (a processor that delivers a frame itself gets a new one). */
    boolean busy;
    /** Frames handed to the service, including those a filter dropped; written by {@link #owner} only. */
    private long frames;
    /** Frames a packet-in filter dropped; written by {@link #owner} only. */
    private long filtered;
    /** Picks the frames whose processor calls are timed. */
    private int sampleClock;

    FrameDelivery(Thread owner, CapturePacketService service) {
        this.owner = owner;
        this.service = service;
        this.context = new CapturePacketContext(service);
    }

    /** Delivers a frame of {@link #owner}'s (see {@link CapturePacketService#handlerForThisThread()}). */
    @Override
    public void onFrame(int interfaceIndex, long timestampNanos, ByteBuffer frame, int wireLength) {
        service.deliver(this, interfaceIndex, timestampNanos, frame, wireLength);
    }

    /** Counts a frame (owner thread only). */
    void frameArrived() {
        FRAMES.setOpaque(this, frames + 1);
    }

    /** Counts a frame a filter dropped (owner thread only). */
    void frameFiltered() {
        FILTERED.setOpaque(this, filtered + 1);
    }

    /** Whether to time the processor calls of this frame: one frame in {@value ProcessorEntry#SAMPLE_EVERY}. */
    boolean sampleNow() {
        return (++sampleClock & (ProcessorEntry.SAMPLE_EVERY - 1)) == 1;
    }

    long frames() {
        return (long) FRAMES.getOpaque(this);
    }

    long filtered() {
        return (long) FILTERED.getOpaque(this);
    }
}
