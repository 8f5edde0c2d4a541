package org.apptrack.apptrack.appid.flows;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.testsupport.data.TestData;

/** The nDPI labels of a test set ({@code flows.tsv}: see the set's README), one row per flow. */
public final class GroundTruth {

    /** One labelled flow. */
    public static final class Row {
        public final String file;
        public final String l4;
        public final InetAddress src;
        public final int srcPort;
        public final InetAddress dst;
        public final int dstPort;
        public final String master;
        public final String app;
        public final String hostname;

        Row(String[] f) throws IOException {
            file = f[0];
            l4 = f[1];
            src = InetAddress.getByName(f[2]);
            srcPort = Integer.parseInt(f[3]);
            dst = InetAddress.getByName(f[5]);
            dstPort = Integer.parseInt(f[6]);
            master = f[8];
            app = f[9];
            hostname = f.length > 15 ? f[15] : "";
        }

        /** The flow of {@code flows} with this row's end points and protocol, or null. */
        public Flow find(List<Flow> flows) {
            int proto = "TCP".equals(l4) ? 6 : "UDP".equals(l4) ? 17 : -1;
            for (Flow f : flows) {
                if (f.protocol() == proto && f.joins(src, srcPort, dst, dstPort)) {
                    return f;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return file + " " + l4 + " " + src.getHostAddress() + ":" + srcPort + " " + dst.getHostAddress() + ":"
                    + dstPort + " " + master + "." + app + " [" + hostname + "]";
        }
    }

    private GroundTruth() {
    }

    /** An IPv4 or IPv6 literal that parses (never a name to look up). */
    private static boolean literal(String text) {
        if (text.indexOf(':') < 0) {
            return text.matches("[0-9.]+");
        }
        return text.indexOf("::") == text.lastIndexOf("::");
    }

    /** The set's folder ({@code ndpi} or {@code ndpi-extended}) below the test data. */
    public static Path set(String name) {
        return TestData.path(name);
    }

    /** The capture {@code file} of set {@code name}. */
    public static Path capture(String name, String file) {
        return TestData.path(name, "pcap", file);
    }

    /** Every row of the set's flows.tsv (IP literals only: no name lookups). */
    public static List<Row> rows(String name) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(TestData.path(name, "flows.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length < 15 || !literal(f[2]) || !literal(f[5])) {
                continue; // one row keeps ndpiReader's invalid IPv6 text (see the set's README)
            }
            rows.add(new Row(f));
        }
        return rows;
    }
}
