package org.apptrack.apptrack.engine.decode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** After warm-up, decoding allocates nothing (measured with the per-thread allocation counter). */
class FrameDecoderAllocationTest {

    private static final int FRAMES = 100_000;

    @Test
    void decodeDoesNotAllocate() {
        java.lang.management.ThreadMXBean std = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(std instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) std;
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported());
        mx.setThreadAllocatedMemoryEnabled(true);

        List<ByteBuffer> list = new ArrayList<>();
        for (byte[] f : FrameDecoderFuzzTest.handBuilt()) {
            list.add(ByteBuffer.wrap(f));
            ByteBuffer direct = ByteBuffer.allocateDirect(f.length);
            direct.put(f).flip();
            list.add(direct);
        }
        list.add(ByteBuffer.wrap(new byte[10])); // malformed
        ByteBuffer[] frames = list.toArray(new ByteBuffer[0]);
        FrameDecoder d = new FrameDecoder();
        long sink = run(d, frames, 300_000); // warm-up (JIT)
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        sink += run(d, frames, FRAMES);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        System.out.println("allocated bytes for " + FRAMES + " decodes: " + allocated + " (sink " + sink + ")");
        assertTrue(allocated < 1024, "decode allocated " + allocated + " bytes for " + FRAMES + " frames");
    }

    private static long run(FrameDecoder d, ByteBuffer[] frames, int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            if (d.decode(frames[i % frames.length])) {
                sink += d.srcPort() + d.srcLow() + d.payloadLength();
            }
        }
        return sink;
    }
}
