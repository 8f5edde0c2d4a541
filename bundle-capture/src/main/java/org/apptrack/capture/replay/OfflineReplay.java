package org.apptrack.capture.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apptrack.api.time.Clock;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.capture.onos.CapturePacketService;
import org.apptrack.capture.source.CaptureClock;
import org.apptrack.capture.source.FileReplay;
import org.onosproject.net.packet.PacketService;

/**
 * The distribution's packet path without OSGi: ONOS's {@link PacketService} as the capture bundle
 * provides it, fed from capture files on the caller's thread, and the capture {@link Clock} that
 * follows each file's timestamps while it is replayed. Register packet processors on
 * {@link #packetService()}, give {@link #clock()} to whatever times sessions, then
 * {@link #replay} files one after the other.
 *
 * <p>For one thread at a time; each instance has its own packet service and clock.
 */
public final class OfflineReplay {

    private final CapturePacketService packets = new CapturePacketService();
    private final CaptureClock clock = new CaptureClock();
    private FileReplay latest;

    /** Where packet processors register, as with ONOS's own packet service. */
    public PacketService packetService() {
        return packets;
    }

    /** Capture time while a file is replayed (or frames are delivered), wall time otherwise. */
    public Clock clock() {
        return clock;
    }

    /**
     * Replays a pcap or pcapng file through the registered processors, at full speed or at the
     * pace it was captured, and returns its final status.
     *
     * @param progress called about once a second with the status so far; may be null
     * @throws IOException when the file cannot be opened, is not a capture file, or turns out
     *     corrupt part-way ({@link #status()} then tells what was read until then)
     */
    public CaptureSourceStatus replay(Path file, boolean originalPace, Consumer<CaptureSourceStatus> progress)
            throws IOException {
        latest = new FileReplay(file, originalPace, packets, clock);
        return latest.run(progress);
    }

    /**
     * The status of the latest replay, also after {@link #replay} threw: its interfaces are empty
     * when the file was not a capture file at all. Null before the first replay.
     */
    public CaptureSourceStatus status() {
        FileReplay r = latest;
        return r == null ? null : r.status();
    }

    /** Exceptions the packet processors threw, summed (each is logged and the others still run). */
    public long processorFailures() {
        return packets.processorFailures();
    }

    /**
     * Delivers one frame that the caller built, on the caller's thread, as a replay delivers the
     * frames it reads: from the first such frame on, {@link #clock()} follows their timestamps
     * (until a {@link #replay} ends). Allocates nothing.
     *
     * @param interfaceIndex index of the capture interface (the ConnectPoint's port is the index + 1)
     * @param timestampNanos capture time, nanoseconds since the epoch
     * @param frame an Ethernet frame between position and limit, valid only during the call
     * @param wireLength the frame's length on the wire
     */
    public void deliver(int interfaceIndex, long timestampNanos, ByteBuffer frame, int wireLength) {
        if (!clock.followsCapture()) {
            clock.followCapture(timestampNanos);
        }
        clock.advance(timestampNanos);
        packets.onFrame(interfaceIndex, timestampNanos, frame, wireLength);
    }
}
