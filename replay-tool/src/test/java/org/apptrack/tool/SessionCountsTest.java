package org.apptrack.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-session packet and byte counts of the replay tool's APPTRACK_SESSION_CLOSE logs equal
 * tshark's independent count on every capture of the shared nDPI test set (the comparison and its
 * explicit, counted exclusions: {@link TsharkSessionCounts}).
 */
class SessionCountsTest {

    private static final Path PCAPS = Paths.get("..", "..", "shared", "testdata", "ndpi", "pcap");

    @TempDir
    Path dir;

    @Test
    void sessionCountsMatchTshark() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(PCAPS), "no captures at " + PCAPS.toAbsolutePath());
        Assumptions.assumeTrue(TsharkSessionCounts.tsharkAvailable(), "tshark is not installed");
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("org.apptrack.apptrack.cfg"),
                "logSessionCreate = true\nlogSessionClose = true\nnoVolumeUpdates = true\n");
        List<Path> files;
        try (Stream<Path> s = Files.list(PCAPS)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".pcap") || n.endsWith(".pcapng") || n.endsWith(".cap");
            }).sorted().collect(Collectors.toList());
        }
        Assumptions.assumeFalse(files.isEmpty(), "no captures in " + PCAPS);

        TsharkSessionCounts counts = new TsharkSessionCounts(dir);
        long start = System.nanoTime();
        long compared = 0;
        Map<String, Long> excluded = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        for (Path file : files) {
            TsharkSessionCounts.FileResult r = counts.check(file, etc);
            compared += r.compared();
            r.excluded.forEach((k, v) -> excluded.merge(k, v, Long::sum));
            mismatches.addAll(r.mismatches);
        }
        System.out.printf(Locale.ROOT, "TOTAL: %d files, %d keys compared, excluded %s, %d mismatches, %.1f s%n",
                files.size(), compared, excluded, mismatches.size(), (System.nanoTime() - start) / 1e9);
        mismatches.forEach(m -> System.out.println("MISMATCH " + m));
        // 79 small captures (4.3 MB): about 600 keys, not thousands
        assertTrue(compared >= 500, "too few keys compared: " + compared);
        assertEquals(0, mismatches.size(), "mismatches:\n" + String.join("\n", mismatches));
    }
}
