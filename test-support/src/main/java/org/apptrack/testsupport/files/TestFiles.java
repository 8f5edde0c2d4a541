package org.apptrack.testsupport.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files and folders that tests make: removing them, waiting for a writer to finish. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * Waits (at most {@code timeout}) until {@code file} has kept its size for a second: a
     * recorder such as tcpdump, which may lag behind the traffic on a busy machine, has written
     * what there is before it is stopped.
     */
    public static void awaitStableSize(Path file, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long size = -1;
        int stable = 0;
        while (stable < 5 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            long now = Files.size(file);
            stable = now == size ? stable + 1 : 0;
            size = now;
        }
    }

    /** Deletes {@code dir} and everything below it, as far as it can; a folder already gone is fine. */
    public static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }
}
