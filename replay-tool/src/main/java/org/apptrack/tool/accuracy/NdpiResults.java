package org.apptrack.tool.accuracy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ndpiReader's result file ({@code result/NAME.out}) says of each flow beyond
 * {@code flows.tsv}: the tunnel it was decapsulated from and nDPI's confidence. The rows of
 * {@code flows.tsv} are the flow lines of the {@code .out}, in order, so the two are joined by
 * position, and only when every position agrees on the protocol and the ports.
 */
final class NdpiResults {

    /** A flow line (the JA3 host table's lines do not match). */
    private static final Pattern FLOW = Pattern.compile("^\\t(\\d+)\\t(\\S+) (\\S+) (<->|->) (\\S+) \\[");
    private static final Pattern PROTO = Pattern.compile("\\[proto: (?:([A-Za-z]+):)?[0-9.]+/");
    private static final Pattern CONFIDENCE = Pattern.compile("\\[Confidence: ([^\\]]*)\\]");
    private static final Pattern PORT = Pattern.compile(":(\\d+)$");

    /** One flow line: its layer 4, the ports of both ends, tunnel and confidence. */
    record Line(String l4, int srcPort, int dstPort, String tunnel, String confidence) {
    }

    private NdpiResults() {
    }

    /** The flow lines of {@code out}, in order. */
    static List<Line> read(Path out) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String text : Files.readAllLines(out, StandardCharsets.ISO_8859_1)) {
            Matcher m = FLOW.matcher(text);
            if (!m.find()) {
                continue;
            }
            Matcher proto = PROTO.matcher(text);
            Matcher confidence = CONFIDENCE.matcher(text);
            lines.add(new Line(m.group(2), port(m.group(3)), port(m.group(5)),
                    proto.find() && proto.group(1) != null ? proto.group(1) : "",
                    confidence.find() ? confidence.group(1) : ""));
        }
        return lines;
    }

    private static int port(String endpoint) {
        Matcher m = PORT.matcher(endpoint);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * The flows of one capture with their result lines, when the two agree line by line;
     * otherwise null (the flows then go without tunnel and confidence).
     */
    static List<LabelledFlow> join(List<LabelledFlow> flows, List<Line> lines) {
        if (flows.size() != lines.size()) {
            return null;
        }
        List<LabelledFlow> joined = new ArrayList<>(flows.size());
        for (int i = 0; i < flows.size(); i++) {
            LabelledFlow f = flows.get(i);
            Line l = lines.get(i);
            if (!f.l4().equals(l.l4()) || f.srcPort() != l.srcPort() || f.dstPort() != l.dstPort()) {
                return null;
            }
            joined.add(f.withResult(l.tunnel(), l.confidence()));
        }
        return joined;
    }
}
