package org.apptrack.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apptrack.capture.replay.OfflineReplay;
import org.apptrack.syslog.format.FormatSettings;
import org.apptrack.syslog.format.LogFormat;
import org.apptrack.syslog.format.SyslogFormatter;
import org.apptrack.testsupport.packets.Frames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's whole per-packet path, frame source to session counters: packet service
 * (context, dispatch, counters), the AppTrack processor, the runtime and the engine allocate
 * nothing per packet once the sessions exist (the engine alone is checked in bundle-apptrack).
 */
class PacketPathAllocationTest {

    @TempDir
    Path dir;

    @Test
    void noAllocationPerPacketFromPacketServiceToSessionCounters() throws Exception {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) mx;
        assumeTrue(tmx.isThreadAllocatedMemorySupported());
        tmx.setThreadAllocatedMemoryEnabled(true);

        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("org.apptrack.apptrack.cfg"), "noVolumeUpdates = true\n");
        OfflineReplay packets = new OfflineReplay();
        PrintingSecurityLog log = new PrintingSecurityLog(SyslogFormatter.create(
                FormatSettings.of(LogFormat.SD_SYSLOG, "apptrack")),
                OutputStream.nullOutputStream());
        Pipeline pipeline = Pipeline.create(etc, packets, log);
        ByteBuffer[] frames = {
            frame(6, 0x0a000001, 40000, 0xc0a80102, 443, 0x02),
            frame(6, 0xc0a80102, 443, 0x0a000001, 40000, 0x12),
            frame(6, 0x0a000001, 40000, 0xc0a80102, 443, 0x18),
            frame(17, 0x0a000001, 5000, 0xc0a80103, 7000, 0),
            frame(17, 0xc0a80103, 7000, 0x0a000001, 5000, 0),
        };
        long t = 1_700_000_000_000_000_000L;
        int n = 200_000;
        for (int round = 0; round < 2; round++) {
            long before = tmx.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < n; i++) {
                t += 50_000;
                packets.deliver(0, t, frames[i % frames.length], 100);
            }
            long allocated = tmx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            if (round == 1) {
                // One object per packet would be >= 16 * n bytes; the JVM's own bookkeeping is a few dozen.
                assertTrue(allocated < 1024, allocated + " bytes allocated for " + n + " packets");
            }
        }
        assertEquals(2L * n, packets.packetService().getProcessors().get(0).invocations());
        assertTrue(pipeline.summary().contains("sessions: 2 created, 0 closed"), pipeline.summary());
    }

    /** Ethernet + IPv4 + TCP (flags) or UDP, 20 bytes of payload. */
    private static ByteBuffer frame(int protocol, int src, int sport, int dst, int dport, int tcpFlags) {
        return ByteBuffer.wrap(protocol == 6 ? Frames.tcp(src, sport, dst, dport, tcpFlags, 20)
                : Frames.udp(src, sport, dst, dport, 20));
    }
}
