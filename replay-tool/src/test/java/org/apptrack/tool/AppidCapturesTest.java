package org.apptrack.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apptrack.testsupport.data.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The repository's captures of classic protocols ({@code testdata/appid}, recorded by
 * {@code scripts/record-appid-captures.sh}) and their labels file agree: every row of
 * {@code flows.tsv} is a flow of its capture with exactly the packets and bytes, direction and
 * first sender that the repository's capture reader counts ({@link CaptureFlowCounts}), and no
 * flow of a capture is without a row. A capture re-recorded without its labels, or labels edited
 * by hand, fail here.
 */
class AppidCapturesTest {

    /** The columns of the nDPI labels files (../shared/testdata/ndpi/README.md). */
    static final List<String> COLUMNS = List.of("file", "l4", "src_ip", "src_port", "dir", "dst_ip", "dst_port", "vlan",
            "master_proto", "app_proto", "category", "c2s_pkts", "c2s_bytes", "s2c_pkts", "s2c_bytes", "hostname");
    private static final Map<String, Integer> L4 = Map.of("TCP", 6, "UDP", 17, "ICMP", 1, "ICMPV6", 58);

    @Test
    void everyRowHasTheCountsOfItsCaptureAndEveryFlowHasARow() throws IOException {
        Path dir = TestData.appid();
        Path tsv = dir.resolve("flows.tsv");
        assertTrue(Files.isRegularFile(tsv), "missing " + tsv);
        List<String> lines = Files.readAllLines(tsv);
        assertEquals(COLUMNS, Arrays.asList(lines.get(0).split("\t", -1)), "header of " + tsv);

        Map<String, List<String[]>> rowsByFile = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] row = lines.get(i).split("\t", -1);
            if (row.length != COLUMNS.size()) {
                problems.add("line " + (i + 1) + ": " + row.length + " columns");
                continue;
            }
            rowsByFile.computeIfAbsent(row[0], f -> new ArrayList<>()).add(row);
        }
        List<String> captures;
        try (Stream<Path> s = Files.list(dir.resolve("pcap"))) {
            captures = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertFalse(captures.isEmpty(), "no captures in " + dir.resolve("pcap"));
        assertEquals(new TreeSet<>(captures), new TreeSet<>(rowsByFile.keySet()),
                "the captures in pcap/ and the files named in flows.tsv");

        int rows = 0;
        for (String capture : captures) {
            Map<CaptureFlowCounts.Key, CaptureFlowCounts.Flow> flows =
                    new LinkedHashMap<>(CaptureFlowCounts.of(dir.resolve("pcap").resolve(capture)).flows());
            for (String[] row : rowsByFile.get(capture)) {
                rows++;
                String where = capture + " " + row[1] + " " + row[2] + ":" + row[3] + " " + row[4] + " " + row[5] + ":"
                        + row[6];
                labels(row, where, problems);
                Integer protocol = L4.get(row[1]);
                if (protocol == null) {
                    problems.add(where + ": unknown l4 " + row[1]);
                    continue;
                }
                CaptureFlowCounts.Endpoint src = endpoint(row[2], row[3]);
                CaptureFlowCounts.Flow flow =
                        flows.remove(new CaptureFlowCounts.Key(protocol, src, endpoint(row[5], row[6])));
                if (flow == null) {
                    problems.add(where + ": no such flow in the capture");
                    continue;
                }
                String counted = flow.src + " " + (flow.s2cPackets > 0 ? "<->" : "->") + " " + flow.dst + " " + flow.c2sPackets
                        + " pkts/" + flow.c2sBytes + " bytes, " + flow.s2cPackets + " pkts/" + flow.s2cBytes + " bytes";
                String listed = src + " " + row[4] + " " + endpoint(row[5], row[6]) + " " + row[11] + " pkts/" + row[12]
                        + " bytes, " + row[13] + " pkts/" + row[14] + " bytes";
                if (!counted.equals(listed)) {
                    problems.add(where + ": flows.tsv says " + listed + ", the capture has " + counted);
                }
            }
            flows.values().forEach(f -> problems.add(capture + ": flow without a row: " + f));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(rows >= captures.size(), "every capture has a flow");
    }

    @Test
    void theColumnsAreThoseOfTheNdpiLabelsFile() throws IOException {
        Path shared = TestData.path("ndpi", "flows.tsv");
        Assumptions.assumeTrue(Files.isRegularFile(shared), TestData.missing(shared));
        try (Stream<String> lines = Files.lines(shared)) {
            assertEquals(COLUMNS, Arrays.asList(lines.findFirst().orElseThrow().split("\t", -1)));
        }
    }

    /** A label is one protocol name, in both name columns as ndpiReader prints a single name, with its category. */
    private static void labels(String[] row, String where, List<String> problems) {
        if (row[8].isEmpty() || !row[8].equals(row[9]) || row[10].isEmpty()) {
            problems.add(where + ": label '" + row[8] + "', '" + row[9] + "', category '" + row[10] + "'");
        }
        if (!row[7].isEmpty()) {
            problems.add(where + ": VLAN " + row[7] + " in captures without tags");
        }
    }

    private static CaptureFlowCounts.Endpoint endpoint(String address, String port) {
        try {
            return new CaptureFlowCounts.Endpoint(InetAddress.getByName(address), Integer.parseInt(port));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an address: " + address, e);
        }
    }
}
