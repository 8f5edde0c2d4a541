package org.apptrack.tool.accuracy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apptrack.tool.Pipeline;

/**
 * The accuracy report of application identification: replays labelled captures through the
 * AppTrack pipeline (the distribution's configuration, whatever classifier it runs) and compares
 * each session's {@code application} and {@code nested-application} with nDPI's label of the flow,
 * through the naming table. Markdown on standard output; progress and problems on standard error.
 */
public final class AccuracyReport {

    static final int DEFAULT_TOP = 15;

    private static final String USAGE = String.join("\n",
            "usage: appid-accuracy --names FILE [options] DIR...",
            "  DIR              labelled captures: DIR/flows.tsv (the columns of the nDPI sets), the captures",
            "                   in DIR/pcap/ or DIR/, and optionally ndpiReader's DIR/result/NAME.out",
            "                   (tunnels and nDPI's confidence)",
            "  --names FILE     nDPI name -> Junos name table (application-names.tsv)",
            "  --etc DIR        the configuration (default: the distribution's etc/)",
            "  --flows FILE     also write one tab-separated line per flow to FILE (to diff two runs)",
            "  --per-capture    add a table with one line per capture",
            "  --top N          pairs in each table of disagreements (default " + DEFAULT_TOP + ")");

    private AccuracyReport() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("appid-accuracy: " + e.getMessage());
            System.err.println(USAGE);
            status = 2;
        }
        System.exit(status);
    }

    /** Runs the report; returns the exit status (0 done, 1 an input could not be read). */
    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        Options o = Options.parse(args);
        if (o.help) {
            stdout.println(USAGE);
            return 0;
        }
        try {
            ApplicationNames names = ApplicationNames.read(o.names);
            Evaluation evaluation = new Evaluation(names, new CaptureReplay(o.etc));
            for (Path dir : o.sets) {
                LabelledSet set = LabelledSet.read(dir);
                long start = System.nanoTime();
                Evaluation.SetResult r = evaluation.evaluate(set);
                stderr.printf(Locale.ROOT, "%s: %d captures, %d flows, %d missing (%.1f s)%n", r.name(),
                        r.captures().size(), r.tally().flows(), r.tally().missing(),
                        (System.nanoTime() - start) / 1e9);
            }
            stdout.print(new MarkdownReport(evaluation, o.top, o.perCapture).render(
                    o.names.toAbsolutePath().normalize().toString(),
                    o.etc == null ? "the component's defaults" : o.etc.toAbsolutePath().normalize().toString()));
            stdout.flush();
            if (o.flows != null) {
                try (Writer w = Files.newBufferedWriter(o.flows, StandardCharsets.UTF_8)) {
                    FlowsTable.write(evaluation.outcomes(), w);
                }
            }
            return 0;
        } catch (IOException e) {
            stderr.println("appid-accuracy: " + e.getMessage());
            return 1;
        }
    }

    /** Command-line options. */
    static final class Options {
        final List<Path> sets = new ArrayList<>();
        Path names;
        Path etc;
        Path flows;
        boolean perCapture;
        int top = DEFAULT_TOP;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--names" -> o.names = Paths.get(value(args, ++i, a));
                    case "--etc" -> {
                        o.etc = Paths.get(value(args, ++i, a));
                        if (!Files.isDirectory(o.etc)) {
                            throw new IllegalArgumentException("--etc: not a directory: " + o.etc);
                        }
                    }
                    case "--flows" -> o.flows = Paths.get(value(args, ++i, a));
                    case "--per-capture" -> o.perCapture = true;
                    case "--top" -> {
                        String v = value(args, ++i, a);
                        try {
                            o.top = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            o.top = 0;
                        }
                        if (o.top < 1) {
                            throw new IllegalArgumentException("--top: a number >= 1, not " + v);
                        }
                    }
                    case "-h", "--help" -> o.help = true;
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        o.sets.add(Paths.get(a));
                    }
                }
            }
            if (o.help) {
                return o;
            }
            if (o.names == null) {
                throw new IllegalArgumentException("--names FILE is required (the shared reference application-names.tsv)");
            }
            if (o.sets.isEmpty()) {
                throw new IllegalArgumentException("name at least one directory of labelled captures");
            }
            if (o.etc == null) {
                o.etc = Pipeline.distributionEtc();
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
