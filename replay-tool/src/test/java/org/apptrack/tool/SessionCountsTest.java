package org.apptrack.tool;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apptrack.testsupport.data.TestData;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every session of the replay tool's APPTRACK_SESSION_CLOSE logs against tshark's independent
 * count, on every capture of both nDPI developer sets: at least 97 % of the reference flows
 * ({@link ReferenceFlows}) have a session with exactly their per-endpoint packets and bytes
 * ({@link TsharkSessionCounts}). Captures made of one-packet flows (scans) are left out of the
 * figure, so that they do not inflate it.
 */
class SessionCountsTest {

    /** The share of reference flows that must agree. */
    private static final double REQUIRED = 0.97;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ndpi", "ndpi-extended"})
    void sessionsMatchTshark(String set) throws Exception {
        Path pcaps = TestData.path(set, "pcap");
        Assumptions.assumeTrue(Files.isDirectory(pcaps), TestData.missing(pcaps));
        Prerequisites.require("tshark", TsharkSessionCounts.tsharkAvailable());
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("org.apptrack.apptrack.cfg"),
                "logSessionCreate = true\nlogSessionClose = true\nnoVolumeUpdates = true\n");
        List<Path> files;
        try (Stream<Path> s = Files.list(pcaps)) {
            files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        Assumptions.assumeFalse(files.isEmpty(), "no captures in " + pcaps);

        TsharkSessionCounts counts = new TsharkSessionCounts(dir);
        long start = System.nanoTime();
        List<TsharkSessionCounts.FileResult> results = new ArrayList<>();
        // tshark (a process) and the replay tool of different files overlap on two threads
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<TsharkSessionCounts.FileResult>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> counts.check(file, etc)));
            }
            for (Future<TsharkSessionCounts.FileResult> f : futures) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        long flows = 0;
        long agreed = 0;
        Map<String, Long> excluded = new TreeMap<>();
        List<String> scans = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (TsharkSessionCounts.FileResult r : results) {
            if (r.madeOfOnePacketFlows()) {
                scans.add(r.name + " (" + r.flows + " flows)");
                continue;
            }
            flows += r.flows;
            agreed += r.compared();
            r.excluded.forEach((k, v) -> excluded.merge(k, v, Long::sum));
            mismatches.addAll(r.mismatches);
        }
        double share = flows == 0 ? 0 : (double) agreed / flows;
        mismatches.forEach(m -> System.out.println("MISMATCH " + m));
        System.out.printf(Locale.ROOT, "SESSIONS %s: %d captures, %d of %d reference flows agree (%.2f %%), "
                + "%d do not; left out: %d captures of one-packet flows %s; excluded %s; %.1f s%n",
                set, files.size() - scans.size(), agreed, flows, 100 * share, flows - agreed, scans.size(), scans,
                excluded, (System.nanoTime() - start) / 1e9);
        // the captures that are not scans hold about 600 and 3,000 flows
        assertTrue(flows >= ("ndpi".equals(set) ? 500 : 2500), "too few flows compared: " + flows);
        assertTrue(share >= REQUIRED, String.format(Locale.ROOT, "%.2f %% of %d flows agree, %.0f %% required",
                100 * share, flows, 100 * REQUIRED));
    }
}
