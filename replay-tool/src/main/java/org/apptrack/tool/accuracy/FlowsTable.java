package org.apptrack.tool.accuracy;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One tab-separated line per judged flow ({@code --flows FILE}), in set, capture and
 * {@code flows.tsv} order, so that two runs compare with diff: the flow, nDPI's label and
 * confidence, what it expects, what we said, and the verdicts.
 */
final class FlowsTable {

    static final List<String> COLUMNS = List.of("set", "file", "line", "l4", "src_ip", "src_port", "dst_ip",
            "dst_port", "vlan", "tunnel", "ndpi_label", "ndpi_confidence", "ndpi_packets", "expected_application",
            "expected_nested", "application", "nested_application", "sessions", "session_packets", "master",
            "nested", "unknown", "missing_cause");

    private FlowsTable() {
    }

    static void write(List<FlowOutcome> outcomes, Writer out) throws IOException {
        out.write(String.join("\t", COLUMNS));
        out.write('\n');
        for (FlowOutcome o : outcomes) {
            LabelledFlow f = o.flow();
            Expectation e = o.expected();
            SessionRecord s = o.match().session();
            List<Object> v = List.of(f.set(), f.file(), f.line(), f.l4(), f.srcIp(), f.srcPort(), f.dstIp(),
                    f.dstPort(), f.vlan() == 0 ? "" : f.vlan(), f.tunnel(), f.label(), f.confidence(), f.packets(),
                    e.application() == null ? "" : e.application(), e.nested() == null ? "" : e.nested(),
                    o.application(), o.nestedApplication(), o.match().sessions(), s == null ? "" : s.packets(),
                    verdict(o.verdict(Measure.MASTER)), verdict(o.verdict(Measure.NESTED)),
                    verdict(o.verdict(Measure.UNKNOWN)), o.missingCause() == null ? "" : o.missingCause());
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    out.write('\t');
                }
                out.write(clean(String.valueOf(v.get(i))));
            }
            out.write('\n');
        }
    }

    private static String verdict(Verdict v) {
        return v == Verdict.NOT_MEASURED ? "" : v.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Tabs and line breaks would shift the columns. */
    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
