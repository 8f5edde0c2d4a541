package org.apptrack.apptrack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Test;

class AppTrackEngineAllocationTest {

    private static final class Counting implements SessionEventListener {
        long created;
        long updated;
        long closed;

        @Override
        public void sessionCreated(SessionTable table, int session) {
            created++;
        }

        @Override
        public void sessionUpdated(SessionTable table, int session) {
            updated++;
        }

        @Override
        public void sessionClosed(SessionTable table, int session, CloseReason reason) {
            closed++;
        }
    }

    @Test
    void noAllocationPerPacketOnExistingSessions() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) mx;
        assumeTrue(tmx.isThreadAllocatedMemorySupported());
        tmx.setThreadAllocatedMemoryEnabled(true);

        Counting l = new Counting();
        AppTrackEngine e = new AppTrackEngine(EngineSettings.builder().maxSessions(1024)
                .sessionUpdateInterval(Duration.ofSeconds(1)).build(), l);
        ByteBuffer[] frames = {
            ByteBuffer.wrap(Frames.tcp(Packets.A, 40000, Packets.B, 80, Packets.SYN)),
            ByteBuffer.wrap(Frames.tcp(Packets.B, 80, Packets.A, 40000, Packets.SYN | Packets.ACK)),
            ByteBuffer.wrap(Frames.tcp(Packets.A, 40000, Packets.B, 80, Packets.ACK, 100)),
            ByteBuffer.wrap(Frames.tcp(Packets.B, 80, Packets.A, 40000, Packets.ACK | Packets.PSH, 1400)),
            ByteBuffer.wrap(Frames.udp(Packets.A, 5000, Packets.B, 7000, 100)),
            ByteBuffer.wrap(Frames.udp(Packets.B, 7000, Packets.A, 5000, 100)),
            ByteBuffer.wrap(Frames.dns(Packets.A, 5353, Packets.C, 53, false)),
        };
        long t = 1_000_000_000_000L;
        int n = 200_000;
        for (int round = 0; round < 2; round++) {
            long before = tmx.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < n; i++) {
                t += 50_000; // 50 us per packet: crosses wheel ticks and update intervals
                e.onFrame(frames[i % frames.length], 0, t);
            }
            long allocated = tmx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            if (round == 1) {
                // A per-packet allocation would show as >= n bytes; a few dozen bytes are the JVM's
                // own (JIT deoptimisation, thread-local bookkeeping), seen now and then.
                assertTrue(allocated < 1024, allocated + " bytes allocated for " + n + " packets");
            }
        }
        assertEquals(3, e.active());
        assertEquals(3, l.created);
        assertEquals(true, l.updated > 0);
    }
}
