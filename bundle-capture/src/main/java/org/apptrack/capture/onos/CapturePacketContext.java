package org.apptrack.capture.onos;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.packet.DefaultOutboundPacket;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.OutboundPacket;
import org.onosproject.net.packet.PacketContext;

/**
 * ONOS packet context of a captured frame. Unlike ONOS's {@code DefaultPacketContext} it builds
 * the outbound packet and treatment builder only when a processor asks for them, so that
 * observing a frame costs a few small objects and no copy.
 */
final class CapturePacketContext implements PacketContext {

    private final long timeMillis;
    private final long timestampNanos;
    private final CaptureInboundPacket inPacket;
    private final CapturePacketService service;
    private static final AtomicIntegerFieldUpdater<CapturePacketContext> HANDLED =
            AtomicIntegerFieldUpdater.newUpdater(CapturePacketContext.class, "handled");
    /** 1 once blocked; a field with an updater, not an AtomicBoolean: one object less per frame. */
    private volatile int handled;
    private TrafficTreatment.Builder treatment;
    private OutboundPacket outPacket;

    CapturePacketContext(long timestampNanos, CaptureInboundPacket inPacket, CapturePacketService service) {
        this.timestampNanos = timestampNanos;
        this.timeMillis = Math.floorDiv(timestampNanos, 1_000_000L);
        this.inPacket = inPacket;
        this.service = service;
    }

    /** Capture time in milliseconds since the epoch (the capture file's, in a replay). */
    @Override
    public long time() {
        return timeMillis;
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
            ByteBuffer data = inPacket.unparsed();
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
