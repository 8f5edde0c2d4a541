package org.apptrack.capture.onos;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.onlab.packet.DeserializationException;
import org.onlab.packet.Ethernet;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.packet.InboundPacket;

/**
 * A captured frame as ONOS presents an inbound packet. The frame's bytes are not copied: like a
 * Netty buffer in {@code channelRead}, they are valid while the processors run. {@link #parsed()}
 * runs ONOS's {@code Ethernet} deserializer only when a processor asks for it.
 */
final class CaptureInboundPacket implements InboundPacket {

    private final ConnectPoint receivedFrom;
    private final ByteBuffer frame;
    private Ethernet parsed;
    private boolean parseAttempted;

    CaptureInboundPacket(ConnectPoint receivedFrom, ByteBuffer frame) {
        this.receivedFrom = receivedFrom;
        this.frame = frame;
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
            try {
                if (frame.hasArray()) {
                    parsed = Ethernet.deserializer().deserialize(frame.array(),
                            frame.arrayOffset() + frame.position(), frame.remaining());
                } else {
                    byte[] bytes = new byte[frame.remaining()];
                    frame.duplicate().get(bytes);
                    parsed = Ethernet.deserializer().deserialize(bytes, 0, bytes.length);
                }
            } catch (DeserializationException | RuntimeException e) {
                parsed = null;
            }
        }
        return parsed;
    }

    /** A view of the frame bytes (position 0 to limit), as ONOS returns a duplicate. */
    @Override
    public ByteBuffer unparsed() {
        return frame.duplicate();
    }

    @Override
    public Optional<Long> cookie() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "CaptureInboundPacket{" + receivedFrom + ", " + frame.remaining() + " bytes}";
    }
}
