package org.apptrack.bench;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.capture.replay.OfflineReplay;
import org.onosproject.net.packet.PacketProcessor;

/**
 * Capture-file replay into a no-op ONOS packet processor, single-threaded, from a warm page
 * cache: the whole source path (memory-mapped reader, link-type framing, packet context, ONOS
 * processor dispatch). Prints frames/s of each run; the first runs warm the JIT and page cache.
 *
 * <p>Usage: {@code ReplayBenchmark FILE [RUNS]} (default 5 runs, the best and the median reported).
 */
public final class ReplayBenchmark {

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ReplayBenchmark FILE [RUNS]");
            System.exit(2);
        }
        Path file = Paths.get(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        OfflineReplay packets = new OfflineReplay();
        long[] seen = new long[1];
        packets.packetService().addProcessor(context -> seen[0]++, PacketProcessor.observer(1));
        double[] rates = new double[runs];
        long frames = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            CaptureSourceStatus s = packets.replay(file, false, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            frames = s.frames();
            rates[i] = frames / seconds;
            System.out.printf(Locale.ROOT, "run %d: %,d frames in %.3f s: %,.0f frames/s%n", i + 1, frames, seconds,
                    rates[i]);
        }
        java.util.Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "apptrack replay (no-op processor): %,d frames, best %,.0f frames/s, median %,.0f"
                + " frames/s%n", frames, rates[runs - 1], rates[runs / 2]);
        if (seen[0] != frames * runs) {
            throw new IllegalStateException("processor saw " + seen[0] + " frames, expected " + frames * runs);
        }
    }
}
