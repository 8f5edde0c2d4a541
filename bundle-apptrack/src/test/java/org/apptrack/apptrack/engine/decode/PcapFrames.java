package org.apptrack.apptrack.engine.decode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apptrack.testsupport.data.TestData;

/** Minimal classic-pcap reader for tests (Ethernet link type only; pcapng is not supported). */
final class PcapFrames {

    static final Path DIR = TestData.path("ndpi", "pcap");

    private PcapFrames() {
    }

    /** Classic pcap files of {@link #DIR} (by magic, whatever the extension), sorted; empty if absent. */
    static List<Path> files() throws IOException {
        if (!Files.isDirectory(DIR)) {
            return Collections.emptyList();
        }
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    /** The frames of an Ethernet (link type 1) classic pcap; null if not such a file. */
    static List<byte[]> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < 24) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        if (magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1) {
            b.order(ByteOrder.BIG_ENDIAN);
        } else if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            return null; // pcapng or unknown
        }
        int linkType = b.getInt(20) & 0x0fffffff;
        if (linkType != 1) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        int off = 24;
        while (off + 16 <= all.length) {
            int incl = b.getInt(off + 8);
            if (incl < 0 || off + 16 + incl > all.length) {
                break;
            }
            byte[] f = new byte[incl];
            System.arraycopy(all, off + 16, f, 0, incl);
            frames.add(f);
            off += 16 + incl;
        }
        return frames;
    }
}
