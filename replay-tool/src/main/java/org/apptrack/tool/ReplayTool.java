package org.apptrack.tool;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.capture.replay.OfflineReplay;
import org.apptrack.syslog.format.FormatSettings;
import org.apptrack.syslog.format.LogFormat;
import org.apptrack.syslog.format.SyslogFormatter;
import org.apptrack.syslog.format.TimestampPrecision;

/**
 * Offline replay: the whole pipeline on a capture file, outside Karaf, with the distribution's
 * configuration. Prints the logs to stdout (or {@code --output FILE}) and then a summary to stderr,
 * with or without {@code --output}: standard output carries nothing but logs, so it can be piped
 * into a parser. Shows progress on the terminal for long files.
 */
public final class ReplayTool {

    private static final String USAGE = String.join("\n",
            "usage: replay [options] FILE.pcap|FILE.pcapng",
            "  --format F        sd-syslog (default), structured-syslog or syslog",
            "  --output FILE     write the logs to FILE instead of standard output (the summary",
            "                    goes to standard error either way)",
            "  --etc DIR         the distribution's etc/ directory to take the configuration from",
            "                    (default: the source tree's karaf-assembly/src/main/resources/etc)",
            "  --hostname H      HOSTNAME in the log headers (default: apptrack)",
            "  --sd-id ID        SD-ID (default junos@2636.1.1.1.2.129)",
            "  --time-zone Z     Z (default), +hh:mm or a region id",
            "  --original-pace   deliver frames at the pace they were captured",
            "  --quiet           no progress and no summary",
            "  --repeat N        benchmarking: replay the file N times in this process, each time with a",
            "                    new pipeline (logs of every run are written); the summary is the last",
            "                    run's, preceded by each run's time (the first includes JIT compilation)");

    private ReplayTool() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out, System.err));
        } catch (IllegalArgumentException e) {
            System.err.println("replay: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    /** Runs the tool; returns the exit status (0 done, 1 the file could not be replayed). */
    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        Options o = Options.parse(args);
        FormatSettings settings = FormatSettings.of(o.format, o.hostname).withSdId(o.sdId).withTimeZone(o.timeZone)
                .withPrecision(TimestampPrecision.MILLISECONDS);
        OutputStream sink = null;
        try {
            sink = new BufferedOutputStream(o.output == null ? stdout : Files.newOutputStream(o.output), 1 << 16);
            StringBuilder runs = new StringBuilder();
            String last = null;
            String failure = null;
            for (int run = 1; run <= o.repeat; run++) {
                PrintingSecurityLog securityLog = new PrintingSecurityLog(SyslogFormatter.create(settings), sink);
                OfflineReplay replay = new OfflineReplay();
                Pipeline pipeline = Pipeline.create(o.etc, replay, securityLog);
                boolean terminal = System.console() != null && !o.quiet;
                // timed: from opening the capture to the last log line flushed (JVM start, class
                // loading of the pipeline and reading the configuration are before this)
                long start = System.nanoTime();
                long cpuStart = threadCpuNanos();
                CaptureSourceStatus done;
                try {
                    done = replay.replay(o.file, o.originalPace, terminal ? s -> stderr.printf(Locale.ROOT,
                            "\r%5.1f%%  %,d frames  %,.0f frames/s   ", s.progress() * 100, s.frames(),
                            s.framesPerSecond()) : null);
                } catch (IOException e) {
                    done = replay.status();
                    if (done.interfaces().isEmpty()) {
                        throw e; // not a capture file at all
                    }
                    // corrupt part-way: the sessions of the frames read until then still end and log
                    failure = e.getMessage();
                }
                pipeline.finish();
                sink.flush();
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (threadCpuNanos() - cpuStart) / 1e9;
                if (terminal) {
                    stderr.print("\r");
                }
                if (o.repeat > 1) {
                    runs.append(String.format(Locale.ROOT, "run %d: %,d packets in %.3f s (%,.0f packets/s), "
                            + "pipeline thread CPU %.3f s (%,.0f packets/CPU-s)%n", run, done.frames(), seconds,
                            done.frames() / Math.max(seconds, 1e-9), cpuSeconds,
                            done.frames() / Math.max(cpuSeconds, 1e-9)));
                }
                last = summary(o.file, done, seconds, cpuSeconds, pipeline, securityLog.countsByTag());
                if (failure != null) {
                    break;
                }
            }
            if (!o.quiet) {
                stderr.print(runs);
                stderr.print(last);
            }
            if (failure != null) {
                stderr.println("replay: " + failure);
                return 1;
            }
            return 0;
        } catch (IOException e) {
            stderr.println("replay: " + e.getMessage());
            return 1;
        } finally {
            if (o.output != null && sink != null) {
                try {
                    sink.close();
                } catch (IOException e) {
                    stderr.println("replay: " + e.getMessage());
                }
            }
        }
    }

    /** CPU time of this thread (the pipeline's), or -1 when the JVM cannot tell. */
    private static long threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    private static String summary(Path file, CaptureSourceStatus s, double seconds, double cpuSeconds,
                                  Pipeline pipeline, Map<String, Long> logs) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %,d packets, %,d bytes in %.3f s (%,.0f packets/s)%n",
                file.getFileName(), s.frames(), s.bytes(), seconds, s.frames() / Math.max(seconds, 1e-9)));
        if (cpuSeconds >= 0) {
            // the pipeline runs on this one thread: its CPU time is what the replay cost, whatever else
            // runs on the machine (the JVM's compiler and GC threads are not in it)
            b.append(String.format(Locale.ROOT, "  pipeline thread CPU %.3f s (%,.0f packets/CPU-s)%n", cpuSeconds,
                    s.frames() / Math.max(cpuSeconds, 1e-9)));
        }
        long skipped = 0;
        for (Map.Entry<String, Long> e : s.skipped().entrySet()) {
            b.append(String.format(Locale.ROOT, "  skipped %,d frame(s): %s%n", e.getValue(), e.getKey()));
            skipped += e.getValue();
        }
        if (s.warning() != null) {
            b.append("  warning: ").append(s.warning()).append('\n');
        }
        b.append(pipeline.summary());
        if (logs.isEmpty()) {
            b.append("    (none)\n");
        }
        for (Map.Entry<String, Long> e : logs.entrySet()) {
            b.append(String.format(Locale.ROOT, "  %-32s %,d%n", e.getKey(), e.getValue()));
        }
        return b.toString();
    }

    /** Command-line options. */
    static final class Options {
        Path file;
        Path output;
        Path etc;
        LogFormat format = LogFormat.SD_SYSLOG;
        String hostname = "apptrack";
        String sdId = FormatSettings.DEFAULT_SD_ID;
        String timeZone = "Z";
        boolean originalPace;
        boolean quiet;
        int repeat = 1;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> files = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--format":
                        o.format = LogFormat.fromConfigName(value(args, ++i, a));
                        if (o.format == null) {
                            throw new IllegalArgumentException("--format: unknown format " + args[i]);
                        }
                        break;
                    case "--output":
                        o.output = Paths.get(value(args, ++i, a));
                        break;
                    case "--etc":
                        o.etc = Paths.get(value(args, ++i, a));
                        if (!Files.isDirectory(o.etc)) {
                            throw new IllegalArgumentException("--etc: not a directory: " + o.etc);
                        }
                        break;
                    case "--hostname":
                        o.hostname = value(args, ++i, a);
                        break;
                    case "--sd-id":
                        o.sdId = value(args, ++i, a);
                        break;
                    case "--time-zone":
                        o.timeZone = value(args, ++i, a);
                        break;
                    case "--original-pace":
                        o.originalPace = true;
                        break;
                    case "--quiet":
                        o.quiet = true;
                        break;
                    case "--repeat":
                        try {
                            o.repeat = Integer.parseInt(value(args, ++i, a));
                        } catch (NumberFormatException e) {
                            o.repeat = 0;
                        }
                        if (o.repeat < 1) {
                            throw new IllegalArgumentException("--repeat: a number >= 1, not " + args[i]);
                        }
                        break;
                    case "-h":
                    case "--help":
                        System.out.println(USAGE);
                        System.exit(0);
                        break;
                    default:
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        files.add(a);
                }
            }
            if (files.size() != 1) {
                throw new IllegalArgumentException("name exactly one capture file");
            }
            o.file = Paths.get(files.get(0));
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
