package org.apptrack.apptrack.appid.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** After warm-up, host-name lookups over the whole bundled catalog allocate nothing (per-thread allocation counter). */
class HostNameMatcherAllocationTest {

    private static final int LOOKUPS = 200_000;

    @Test
    void lookupsDoNotAllocate() {
        java.lang.management.ThreadMXBean std = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(std instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) std;
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported());
        mx.setThreadAllocatedMemoryEnabled(true);

        HostNameMatcher matcher = AppIdCatalog.bundled().hostNames();
        String[] names = {"r3---sn-4g5e6nzz.googlevideo.com", "www.google.co.uk", "WWW.NETFLIX.COM.",
            "unknown-host.example.net", "a.b.c.d.e.f.example", "www..bad", "x"};
        byte[][] arrays = new byte[names.length][];
        ByteBuffer[] direct = new ByteBuffer[names.length];
        for (int i = 0; i < names.length; i++) {
            arrays[i] = names[i].getBytes(StandardCharsets.US_ASCII);
            direct[i] = ByteBuffer.allocateDirect(arrays[i].length).put(arrays[i]);
        }
        long sink = run(matcher, arrays, direct, 300_000);
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        sink += run(matcher, arrays, direct, LOOKUPS);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        System.out.println("allocated bytes for " + LOOKUPS + " lookups: " + allocated + " (sink " + sink + ")");
        assertTrue(allocated < 1024, "lookups allocated " + allocated + " bytes");
    }

    private static long run(HostNameMatcher m, byte[][] arrays, ByteBuffer[] direct, int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            int k = i % arrays.length;
            sink += m.match(arrays[k], 0, arrays[k].length) + m.match(direct[k], 0, arrays[k].length);
        }
        return sink;
    }
}
