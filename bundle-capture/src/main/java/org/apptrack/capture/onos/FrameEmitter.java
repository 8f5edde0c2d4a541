package org.apptrack.capture.onos;

import java.nio.ByteBuffer;

/** Sends frames out of the capture interfaces of a packet source, where the source can. */
public interface FrameEmitter {

    /**
     * Sends one Ethernet frame out of the interface the ConnectPoint port number names.
     *
     * @throws UnsupportedOperationException when the source cannot send (a capture file, the
     *     {@code any} pseudo-interface), with a message that says so
     */
    void emit(int interfaceIndex, ByteBuffer frame);
}
