package org.apptrack.capture.file;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Assumptions;

/** What the capture-file tests read and write: the nDPI captures, and small frames for hand-built files. */
final class CaptureSamples {

    private CaptureSamples() {
    }

    /** One of the nDPI captures of the shared test data; the test is skipped when it is absent. */
    static Path ndpi(String name) {
        Path p = Reference.NDPI.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), TestData.missing(p));
        return p;
    }

    /** Ethernet + IPv4 + UDP from 10.0.0.{src} to 10.0.0.99, {@code length} bytes in all (at least 42). */
    static byte[] ethernetIpv4(int src, int length) {
        return Frames.udp(Packets.ip4(10, 0, 0, src), 1234, Packets.ip4(10, 0, 0, 99), 5678, length - 42);
    }
}
