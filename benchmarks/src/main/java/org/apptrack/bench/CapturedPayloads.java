package org.apptrack.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.packets.CaptureReader;

/**
 * The transport payloads of a capture of the shared nDPI sets (Ethernet frames only), grouped by
 * flow and direction in capture order: real hellos for the hello-parsing benchmarks.
 */
final class CapturedPayloads {

    private CapturedPayloads() {
    }

    /** Per flow direction (key "proto src:sp > dst:dp"), its payloads in order. */
    static Map<String, List<byte[]>> read(String set, String file) throws IOException {
        Path capture = TestData.path(set, "pcap", file);
        if (!Files.isRegularFile(capture)) {
            throw new IOException(TestData.missing(capture));
        }
        FrameDecoder decoder = new FrameDecoder();
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        for (CaptureReader.Frame f : CaptureReader.read(capture)) {
            if (f.linkType() != CaptureReader.LINK_ETHERNET || !decoder.decode(ByteBuffer.wrap(f.data()))
                    || decoder.payloadLength() <= 0) {
                continue;
            }
            String key = decoder.protocol() + " " + Long.toHexString(decoder.srcLow()) + ":" + decoder.srcPort() + " > "
                    + Long.toHexString(decoder.dstLow()) + ":" + decoder.dstPort();
            byte[] payload = new byte[decoder.payloadLength()];
            System.arraycopy(f.data(), decoder.payloadOffset(), payload, 0, payload.length);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(payload);
        }
        return out;
    }
}
