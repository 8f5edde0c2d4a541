package org.apptrack.tool.accuracy;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report in Markdown: the three figures per set and in all, the top disagreements of
 * {@code application} and {@code nested-application}, the confident names we gave flows nDPI
 * calls Unknown, the missing flows by cause, and optionally a line per capture. The same input
 * gives the same text, so two runs compare with diff.
 */
final class MarkdownReport {

    private final Evaluation evaluation;
    private final int top;
    private final boolean perCapture;

    /**
     * @param top how many pairs each confusion table lists
     * @param perCapture whether to add a table with a line per capture
     */
    MarkdownReport(Evaluation evaluation, int top, boolean perCapture) {
        this.evaluation = evaluation;
        this.top = top;
        this.perCapture = perCapture;
    }

    String render(String namesSource, String configurationSource) {
        StringBuilder b = new StringBuilder();
        b.append("# Application identification against nDPI's labels\n\n");
        for (Evaluation.SetResult s : evaluation.sets()) {
            b.append("- set `").append(s.name()).append("`: ").append(s.directory()).append('\n');
        }
        b.append("- names: ").append(namesSource).append('\n');
        b.append("- configuration: ").append(configurationSource).append("\n\n");
        b.append("Master: `application` as expected, of the flows nDPI labels. Nested: `nested-application` as\n"
                + "expected, of the flows where nDPI names an application inside a protocol (`M.A`, A mapping to a\n"
                + "nested application). Both count a flow we have no session for as a disagreement; the figure of\n"
                + "matched flows leaves those out. Confident on Unknown: of the flows nDPI calls Unknown that we\n"
                + "have a session for, those we gave a confident name (lower is better). A flow we split into\n"
                + "several sessions is judged by the one with the most packets.\n\n");
        figures(b);
        byConfidence(b);
        confusion(b, "Master disagreements (expected -> ours)", Measure.MASTER);
        confusion(b, "Nested disagreements (expected -> ours)", Measure.NESTED);
        confidentOnUnknown(b);
        missing(b);
        warnings(b);
        if (perCapture) {
            captures(b);
        }
        return b.toString();
    }

    private void figures(StringBuilder b) {
        b.append("## Figures\n\n");
        b.append("| set | captures | flows | missing | split | master | master, matched | nested | nested, matched"
                + " | confident on Unknown |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Evaluation.SetResult s : evaluation.sets()) {
            row(b, "`" + s.name() + "`", s.captures().size(), s.tally());
        }
        if (evaluation.sets().size() > 1) {
            int captures = 0;
            for (Evaluation.SetResult s : evaluation.sets()) {
                captures += s.captures().size();
            }
            row(b, "**all**", captures, evaluation.total());
        }
        b.append('\n');
    }

    private static void row(StringBuilder b, String name, int captures, Tally t) {
        b.append("| ").append(name).append(" | ").append(captures).append(" | ").append(t.flows()).append(" | ")
                .append(t.missing()).append(" | ").append(t.split()).append(" | ")
                .append(share(t.count(Measure.MASTER, Verdict.AGREE), t.measured(Measure.MASTER))).append(" | ")
                .append(share(t.count(Measure.MASTER, Verdict.AGREE), t.matched(Measure.MASTER))).append(" | ")
                .append(share(t.count(Measure.NESTED, Verdict.AGREE), t.measured(Measure.NESTED))).append(" | ")
                .append(share(t.count(Measure.NESTED, Verdict.AGREE), t.matched(Measure.NESTED))).append(" | ")
                .append(share(t.count(Measure.UNKNOWN, Verdict.DISAGREE), t.matched(Measure.UNKNOWN))).append(" |\n");
    }

    /**
     * The figures by nDPI's confidence in its label (from the result files): a label nDPI only
     * guessed from a port or an address is weaker ground truth than one its dissectors found.
     */
    private void byConfidence(StringBuilder b) {
        Map<String, Tally> tallies = new TreeMap<>();
        for (FlowOutcome o : evaluation.outcomes()) {
            String c = o.flow().confidence().isEmpty() ? "(no result file)" : o.flow().confidence();
            tallies.computeIfAbsent(c, k -> new Tally()).add(o);
        }
        b.append("### By nDPI's confidence in its label\n\n");
        b.append("| nDPI confidence | flows | missing | master | nested | confident on Unknown |\n");
        b.append("|---|---:|---:|---:|---:|---:|\n");
        tallies.forEach((c, t) -> b.append("| ").append(c).append(" | ").append(t.flows()).append(" | ")
                .append(t.missing()).append(" | ")
                .append(share(t.count(Measure.MASTER, Verdict.AGREE), t.measured(Measure.MASTER))).append(" | ")
                .append(share(t.count(Measure.NESTED, Verdict.AGREE), t.measured(Measure.NESTED))).append(" | ")
                .append(share(t.count(Measure.UNKNOWN, Verdict.DISAGREE), t.matched(Measure.UNKNOWN))).append(" |\n"));
        b.append('\n');
    }

    /** {@code 12.5% (1/8)}, or {@code -} without flows. */
    static String share(long part, long whole) {
        if (whole == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * part / whole, part, whole);
    }

    private void confusion(StringBuilder b, String title, Measure measure) {
        Tabulation t = new Tabulation();
        for (FlowOutcome o : evaluation.outcomes()) {
            if (o.verdict(measure) == Verdict.DISAGREE) {
                boolean master = measure == Measure.MASTER;
                t.add(master ? o.expected().application() : o.expected().nested(),
                        master ? o.application() : o.nestedApplication(), o.flow().label(), where(o.flow()));
            }
        }
        b.append("## ").append(title).append("\n\n");
        if (t.total() == 0) {
            b.append("None.\n\n");
            return;
        }
        b.append(t.total()).append(" flows in ").append(t.size()).append(" pairs");
        b.append(t.size() > top ? ", the " + top + " largest:" : ":").append("\n\n");
        b.append("| expected | ours | flows | nDPI labels | captures |\n|---|---|---:|---|---|\n");
        for (Tabulation.Row r : t.top(top)) {
            b.append("| ").append(r.first()).append(" | ").append(r.second()).append(" | ").append(r.flows())
                    .append(" | ").append(String.join(", ", r.labels())).append(" | ")
                    .append(String.join(", ", r.files())).append(" |\n");
        }
        b.append('\n');
    }

    private void confidentOnUnknown(StringBuilder b) {
        Tabulation t = new Tabulation();
        for (FlowOutcome o : evaluation.outcomes()) {
            if (o.verdict(Measure.UNKNOWN) == Verdict.DISAGREE) {
                t.add(o.application(), o.nestedApplication(), o.flow().l4(), where(o.flow()));
            }
        }
        b.append("## Confident names on flows nDPI calls Unknown\n\n");
        if (t.total() == 0) {
            b.append("None.\n\n");
            return;
        }
        b.append("| ours | nested | flows | layer 4 | captures |\n|---|---|---:|---|---|\n");
        for (Tabulation.Row r : t.top(top)) {
            b.append("| ").append(r.first()).append(" | ").append(r.second()).append(" | ").append(r.flows())
                    .append(" | ").append(String.join(", ", r.labels())).append(" | ")
                    .append(String.join(", ", r.files())).append(" |\n");
        }
        b.append('\n');
    }

    private void missing(StringBuilder b) {
        Tabulation t = new Tabulation();
        for (FlowOutcome o : evaluation.outcomes()) {
            if (o.match().missing()) {
                t.add(o.missingCause(), "", o.flow().label(), where(o.flow()));
            }
        }
        b.append("## Missing flows by cause\n\n");
        if (t.total() == 0) {
            b.append("None.\n\n");
            return;
        }
        b.append("| cause | flows | nDPI labels | captures |\n|---|---:|---|---|\n");
        for (Tabulation.Row r : t.top(Integer.MAX_VALUE)) {
            b.append("| ").append(r.first()).append(" | ").append(r.flows()).append(" | ")
                    .append(String.join(", ", r.labels())).append(" | ").append(String.join(", ", r.files()))
                    .append(" |\n");
        }
        b.append('\n');
    }

    private void warnings(StringBuilder b) {
        StringBuilder w = new StringBuilder();
        for (Evaluation.SetResult s : evaluation.sets()) {
            for (String warning : s.warnings()) {
                w.append("- ").append(warning).append('\n');
            }
            for (Evaluation.CaptureResult c : s.captures()) {
                if (c.error() != null) {
                    w.append("- `").append(s.name()).append('/').append(c.file()).append("`: ").append(c.error())
                            .append('\n');
                }
            }
        }
        if (w.length() > 0) {
            b.append("## Captures with problems\n\n").append(w).append('\n');
        }
    }

    private void captures(StringBuilder b) {
        b.append("## Per capture\n\n");
        b.append("| capture | flows | sessions | missing | split | master | nested | confident on Unknown |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Evaluation.SetResult s : evaluation.sets()) {
            for (Evaluation.CaptureResult c : s.captures()) {
                Tally t = c.tally();
                b.append("| ").append(s.name()).append('/').append(c.file()).append(" | ").append(t.flows())
                        .append(" | ").append(c.sessions()).append(" | ").append(t.missing()).append(" | ")
                        .append(t.split()).append(" | ")
                        .append(share(t.count(Measure.MASTER, Verdict.AGREE), t.measured(Measure.MASTER)))
                        .append(" | ")
                        .append(share(t.count(Measure.NESTED, Verdict.AGREE), t.measured(Measure.NESTED)))
                        .append(" | ")
                        .append(share(t.count(Measure.UNKNOWN, Verdict.DISAGREE), t.matched(Measure.UNKNOWN)))
                        .append(" |\n");
            }
        }
        b.append('\n');
    }

    private static String where(LabelledFlow f) {
        return f.set() + "/" + f.file();
    }
}
