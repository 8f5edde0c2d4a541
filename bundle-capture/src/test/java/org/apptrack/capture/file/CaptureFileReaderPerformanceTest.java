package org.apptrack.capture.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apptrack.capture.frame.FrameHandler;
import org.apptrack.testsupport.data.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * No allocation per frame, and the speed of readAll (printed, not asserted) over files made by
 * repeating nDPI captures with mergecap.
 */
class CaptureFileReaderPerformanceTest {

    private static final int MEASURED_FRAMES = 100_000;
    /** Allowed for the whole measured run, not per frame: one allocated object per frame is 1.6 MB. */
    private static final long ALLOWED_BYTES = 2048;

    @TempDir
    static Path dir;

    @BeforeAll
    static void needTools() {
        Assumptions.assumeTrue(Files.isDirectory(Reference.NDPI), TestData.missing(Reference.NDPI));
        Reference.assumeTshark();
    }

    /** Doubles the capture with {@code mergecap -a} until it has at least minFrames frames. */
    static Path repeat(String name, long minFrames, String format) throws Exception {
        Path current = Reference.NDPI.resolve(name);
        long frames = Reference.capinfosCount(current);
        int step = 0;
        while (frames < minFrames || step == 0) {
            Path next = dir.resolve(name + "." + minFrames + "." + format + "." + (++step));
            Reference.run("mergecap", "-a", "-F", format, "-w", next.toString(), current.toString(), current.toString());
            if (step > 1) {
                Files.delete(current);
            }
            current = next;
            frames *= 2;
        }
        assertEquals(frames, Reference.capinfosCount(current));
        return current;
    }

    /** Uses every argument so that the JIT cannot drop the reads. */
    static final class Sink implements FrameHandler {
        long sum;

        @Override
        public void onFrame(int interfaceIndex, long timestampNanos, ByteBuffer frame, int wireLength) {
            sum += interfaceIndex + timestampNanos + frame.remaining() + wireLength + frame.get(frame.position() + 13);
        }
    }

    @Test
    void noAllocationPerFrame() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long thread = Thread.currentThread().getId();
        long probe = threads.getThreadAllocatedBytes(thread);
        byte[] known = new byte[100_000];
        assertTrue(threads.getThreadAllocatedBytes(thread) - probe >= known.length, "allocation measurement works");
        Path[] files = {
            repeat("telegram.pcap", 120_000, "pcap"),          // Ethernet: slices of the mapping
            repeat("KakaoTalk_chat.pcap", 120_000, "pcap"),    // SLL: copied behind a new header
            repeat("telegram.pcap", 120_000, "pcapng"),        // Enhanced Packet Blocks
            repeat("ocs.pcap", 120_000, "pcapng"),             // raw IP in pcapng
        };
        Sink sink = new Sink();
        for (int pass = 0; pass < 4; pass++) {
            for (Path f : files) {
                try (CaptureFileReader reader = CaptureFileReader.open(f)) {
                    reader.readAll(sink);
                }
            }
        }
        for (Path f : files) {
            try (CaptureFileReader reader = CaptureFileReader.open(f)) {
                for (int k = 0; k < 1000; k++) {
                    reader.next(sink);
                }
                long before = threads.getThreadAllocatedBytes(thread);
                for (int k = 0; k < MEASURED_FRAMES; k++) {
                    if (!reader.next(sink)) {
                        fail("too few frames");
                    }
                }
                long allocated = threads.getThreadAllocatedBytes(thread) - before;
                System.out.println(f.getFileName() + ": " + allocated + " bytes allocated for " + MEASURED_FRAMES + " frames");
                assertTrue(allocated <= ALLOWED_BYTES, f.getFileName() + ": " + allocated + " bytes allocated for "
                        + MEASURED_FRAMES + " frames");
            }
        }
        assertTrue(sink.sum != 0);
    }

    @Test
    void speed() throws Exception {
        String[][] cases = {{"telegram.pcap", "pcap"}, {"telegram.pcap", "pcapng"}, {"KakaoTalk_chat.pcap", "pcap"}};
        for (String[] c : cases) {
            Path f = repeat(c[0], 1_000_000, c[1]);
            Sink sink = new Sink();
            double best = 0;
            long frames = 0;
            for (int pass = 0; pass < 5; pass++) {
                long start = System.nanoTime();
                try (CaptureFileReader reader = CaptureFileReader.open(f)) {
                    frames = reader.readAll(sink);
                }
                best = Math.max(best, frames / ((System.nanoTime() - start) / 1e9));
            }
            System.out.printf("speed: %s x%d as %s: %d frames, %d MB: best %.2f Mframes/s (%.0f MB/s)%n", c[0],
                    frames / Reference.capinfosCount(Reference.NDPI.resolve(c[0])), c[1], frames, Files.size(f) >> 20,
                    best / 1e6, best * Files.size(f) / frames / 1e6);
            Files.delete(f);
        }
    }

    /**
     * A file over 2 GiB (three 1 GiB windows, records across window ends, offsets beyond int).
     * Slow and 3 GB of disk: run with -Dapptrack.bigfile=true.
     */
    @Test
    @EnabledIfSystemProperty(named = "apptrack.bigfile", matches = "true")
    void fileOverTwoGiB() throws Exception {
        Path f = repeat("telegram.pcap", 10_000_000, "pcap");
        assertTrue(Files.size(f) > 2L << 30, "size " + Files.size(f));
        long expected = Reference.capinfosCount(f);
        long[] last = new long[1];
        try (CaptureFileReader reader = CaptureFileReader.open(f)) {
            long start = System.nanoTime();
            assertEquals(expected, reader.readAll((i, t, frame, w) -> last[0] = t));
            System.out.printf("big file: %d frames, %d MB, %.1f s%n", expected, Files.size(f) >> 20,
                    (System.nanoTime() - start) / 1e9);
            assertEquals(0, reader.truncatedRecords());
            assertEquals(reader.fileSize(), reader.bytesRead());
        }
        String lastEpoch = Reference.run("capinfos", "-e", "-M", "-T", "-r", "-S", f.toString()).trim().split("\t")[1];
        assertEquals(lastEpoch, Reference.epoch(last[0]).substring(0, lastEpoch.length()));
        Files.delete(f);
    }
}
