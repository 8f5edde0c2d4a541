package org.apptrack.capture.onos;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.packet.DefaultOutboundPacket;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.OutboundPacket;
import org.onosproject.net.packet.PacketContext;

/**
 * ONOS packet context of a captured frame. One per delivering thread, reset for every frame
 * (see {@link FrameDelivery}): like the frame's bytes, the context is valid while the processors
 * run, which is how the distribution's processors use it (a processor that wants a packet later
 * copies what it needs, as it would copy a Netty buffer). Unlike ONOS's
 * {@code DefaultPacketContext} it builds the outbound packet and treatment builder only when a
 * processor asks for them; the outbound packet owns a copy of the frame.
 */
final class CapturePacketContext implements PacketContext {

    private static final AtomicIntegerFieldUpdater<CapturePacketContext> HANDLED =
            AtomicIntegerFieldUpdater.newUpdater(CapturePacketContext.class, "handled");

    private final CaptureInboundPacket inPacket = new CaptureInboundPacket();
    private final CapturePacketService service;
    private long timestampNanos;
    /** 1 once blocked; a field with an updater, not an AtomicBoolean: no object per context. */
    private volatile int handled;
    private TrafficTreatment.Builder treatment;
    private OutboundPacket outPacket;

    CapturePacketContext(CapturePacketService service) {
        this.service = service;
    }

    /** Makes this the context of a new frame. */
    void reset(long frameTimestampNanos, ConnectPoint receivedFrom, ByteBuffer frame) {
        this.timestampNanos = frameTimestampNanos;
        inPacket.reset(receivedFrom, frame);
        treatment = null;
        outPacket = null;
        HANDLED.lazySet(this, 0); // a release store: no fence per frame
    }

    /** Capture time in milliseconds since the epoch (the capture file's, in a replay). */
    @Override
    public long time() {
        return Math.floorDiv(timestampNanos, 1_000_000L);
    }

    /** Capture time in nanoseconds since the epoch. */
    long timestampNanos() {
        return timestampNanos;
    }

    @Override
    public InboundPacket inPacket() {
        return inPacket;
    }

    @Override
    public OutboundPacket outPacket() {
        if (outPacket == null) {
            ByteBuffer view = inPacket.unparsed();
            ByteBuffer data = ByteBuffer.allocate(view.remaining());
            data.put(view).flip();
            outPacket = new DefaultOutboundPacket(inPacket.receivedFrom().deviceId(),
                    DefaultTrafficTreatment.emptyTreatment(), data, inPacket.receivedFrom().port());
        }
        return outPacket;
    }
    @Override
    public TrafficTreatment.Builder treatmentBuilder() {
        if (treatment == null) {
            treatment = DefaultTrafficTreatment.builder();
        }
        return treatment;
    }

    /** Sends the frame with the built treatment through the capture interface, as ONOS would. */
    @Override
    public void send() {
        if (block()) {
            OutboundPacket out = outPacket();
            service.emit(new DefaultOutboundPacket(out.sendThrough(), treatmentBuilder().build(), out.data(),
                    out.inPort()));
        }
    }

    @Override
    public boolean block() {
        return HANDLED.compareAndSet(this, 0, 1);
    }

    @Override
    public boolean isHandled() {
        return handled != 0;
    }
}
