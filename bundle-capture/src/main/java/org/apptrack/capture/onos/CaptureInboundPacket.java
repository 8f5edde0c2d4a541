package org.apptrack.capture.onos;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.onlab.packet.DeserializationException;
import org.onlab.packet.Ethernet;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.packet.InboundPacket;

/**
 * A captured frame as ONOS presents an inbound packet, reset for every frame with its context.
 * The frame's bytes are not copied: like a Netty buffer in {@code channelRead}, they are valid
 * while the processors run. {@link #unparsed()} returns the source's own view of the frame, put
 * back to the frame's bounds on every call (no duplicate per frame), so a processor that moves
 * its position does not disturb the next one. {@link #parsed()} runs ONOS's {@code Ethernet}
 * deserializer only when a processor asks for it.
 */
final class CaptureInboundPacket implements InboundPacket {

    private ConnectPoint receivedFrom;
    private ByteBuffer frame;
    private int start;
    private int end;
    private Ethernet parsed;
    private boolean parseAttempted;

    void reset(ConnectPoint from, ByteBuffer newFrame) {
        this.receivedFrom = from;
        this.frame = newFrame;
        this.start = newFrame.position();
        this.end = newFrame.limit();
        this.parsed = null;
        this.parseAttempted = false;
    }

    @Override
    public ConnectPoint receivedFrom() {
        return receivedFrom;
    }

    /** The parsed frame, or null when ONOS's deserializer rejects it (as ONOS's providers do). */
    @Override
    public Ethernet parsed() {
        if (!parseAttempted) {
            parseAttempted = true;
            ByteBuffer view = unparsed();
            try {
                if (view.hasArray()) {
                    parsed = Ethernet.deserializer().deserialize(view.array(),
                            view.arrayOffset() + view.position(), view.remaining());
                } else {
                    byte[] bytes = new byte[view.remaining()];
                    view.get(bytes);
                    parsed = Ethernet.deserializer().deserialize(bytes, 0, bytes.length);
                }
            } catch (DeserializationException | RuntimeException e) {
                parsed = null;
            }
        }
        return parsed;
    }

    /** The frame, position to limit, in network byte order; valid while the processors run. */
    @Override
    public ByteBuffer unparsed() {
        ByteBuffer b = frame;
        b.order(ByteOrder.BIG_ENDIAN);
        b.limit(end);
        b.position(start);
        return b;
    }

    @Override
    public Optional<Long> cookie() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "CaptureInboundPacket{" + receivedFrom + ", " + (end - start) + " bytes}";
    }
}
