package org.apptrack.capture.file;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apptrack.capture.frame.EthernetFramer;
import org.apptrack.capture.frame.FrameHandler;
import org.apptrack.capture.frame.LinkType;

/**
 * Hands frames located by the pcap and pcapng readers to the {@link FrameHandler} as Ethernet,
 * and counts what was delivered and what was skipped.
 */
final class FrameHandoff {

    private static final int MAX_CAPTURED = CaptureFileReader.MAX_PCAP_CAPTURED_LENGTH;

    private final MappedFile in;
    private EthernetFramer framer;
    private int framerCapacity;

    private long framesDelivered;
    private long bytesDelivered;
    private long shortFrames;
    private long skippedFrames;

    FrameHandoff(MappedFile in) {
        this.in = in;
    }

    /** Sizes the framer for the largest snap length of the interfaces known when opening. */
    void allocateFramer(InterfaceTable interfaces) {
        int largest = 0;
        for (int i = 0; i < interfaces.size(); i++) {
            largest = Math.max(largest, framerSize(interfaces.get(i).snapLength));
        }
        framerCapacity = largest == 0 ? MAX_CAPTURED : largest;
        framer = new EthernetFramer(framerCapacity);
    }

    private static int framerSize(int snapLength) {
        return snapLength <= 0 || snapLength > MAX_CAPTURED ? MAX_CAPTURED : snapLength;
    }

    /**
     * Delivers the frame at [start, start + capturedLength) of the current window, or counts it
     * as skipped; returns whether it was delivered.
     */
    boolean deliver(FrameHandler handler, InterfaceState from, long timestamp, int start, int capturedLength,
                    int wireLength) {
        LinkType type = from.linkType;
        if (type == null) {
            from.unsupportedFrames++;
            skippedFrames++;
            return false;
        }
        if (capturedLength > framerCapacity && type != LinkType.ETHERNET) {
            // Only when a frame exceeds every snap length known at open (allowed, but rare).
            framerCapacity = capturedLength;
            framer = new EthernetFramer(capturedLength);
        }
        ByteBuffer view = in.frames();
        view.order(ByteOrder.BIG_ENDIAN); // in case a handler changed it
        view.limit(start + capturedLength);
        view.position(start);
        ByteBuffer ethernet = framer.toEthernet(type, view);
        if (ethernet == null) {
            shortFrames++;
            skippedFrames++;
            return false;
        }
        int wire = wireLength;
        int delta = from.headerDelta;
        if (delta != 0) {
            long adjusted = (wireLength & 0xffffffffL) + delta;
            wire = adjusted < 0 ? 0 : adjusted > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) adjusted;
        }
        framesDelivered++;
        bytesDelivered += ethernet.remaining();
        handler.onFrame(from.index, timestamp, ethernet, wire);
        return true;
    }

    long framesDelivered() {
        return framesDelivered;
    }

    long bytesDelivered() {
        return bytesDelivered;
    }

    /** Frames too short for their link-layer header. */
    long shortFrames() {
        return shortFrames;
    }

    /** Short frames and frames of unsupported link types. */
    long skippedFrames() {
        return skippedFrames;
    }
}
