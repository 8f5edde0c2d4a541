package org.apptrack.apptrack.appid.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.apptrack.apptrack.api.IpAddresses;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** After warm-up, address lookups over the whole bundled catalog allocate nothing (per-thread allocation counter). */
class AddressMatcherAllocationTest {

    private static final int LOOKUPS = 200_000;

    @Test
    void lookupsDoNotAllocate() {
        java.lang.management.ThreadMXBean std = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(std instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) std;
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported());
        mx.setThreadAllocatedMemoryEnabled(true);

        AddressMatcher matcher = AppIdCatalog.bundled().addresses();
        long[] high = {0, 0, 0, 0x2001_0b28_f23d_0000L, 0x2a03_2880_0000_0000L};
        long[] low = {IpAddresses.ipv4Low(0x959aa733), IpAddresses.ipv4Low(0x0a000001), IpAddresses.ipv4Low(0x9df0c33c),
            1, 1};
        long sink = run(matcher, high, low, 300_000);
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        sink += run(matcher, high, low, LOOKUPS);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        System.out.println("allocated bytes for " + LOOKUPS + " lookups: " + allocated + " (sink " + sink + ")");
        assertTrue(allocated < 1024, "lookups allocated " + allocated + " bytes");
    }

    private static long run(AddressMatcher m, long[] high, long[] low, int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            int k = i % high.length;
            sink += m.match(high[k], low[k]);
        }
        return sink;
    }
}
