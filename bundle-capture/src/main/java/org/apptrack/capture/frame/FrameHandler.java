package org.apptrack.capture.frame;

import java.nio.ByteBuffer;

/**
 * Receives the frames a source reads. Sources call it on their own thread, one frame at a time,
 * without allocating: the buffer is reused and valid only during the call.
 */
@FunctionalInterface
public interface FrameHandler {

    /**
     * @param interfaceIndex the capture interface the frame came from (pcapng interface id, or
     *     the index of a live interface in the source's list)
     * @param timestampNanos capture time, nanoseconds since the epoch
     * @param frame an Ethernet frame between the buffer's position and limit (other link types
     *     are given a synthesized Ethernet header, see {@link LinkType})
     * @param wireLength the frame's length on the wire, which exceeds the captured bytes when the
     *     snap length cut it
     */
    void onFrame(int interfaceIndex, long timestampNanos, ByteBuffer frame, int wireLength);
}
