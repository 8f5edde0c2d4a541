package org.apptrack.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apptrack.api.time.Clock;
import org.apptrack.appqoe.probe.ProbeResultListener;
import org.apptrack.appqoe.probe.stamp.ProbePathSettings;
import org.apptrack.appqoe.probe.stamp.ProbeSendObserver;
import org.apptrack.appqoe.probe.stamp.ReflectorSettings;
import org.apptrack.appqoe.probe.stamp.StampSessionReflector;
import org.apptrack.appqoe.probe.stamp.StampSessionSender;

/**
 * The AppQoE probe scheduler at scale: {@code --paths} STAMP Session-Senders (the product's
 * {@link StampSessionSender}, one UDP socket each on 127.0.0.1) on ONE event-loop thread, each
 * sending {@code --rate} probes per second to the product's {@link StampSessionReflector}s on
 * loopback, which run on their own event-loop thread.
 *
 * <p>For every probe sent after the warm-up the sender's {@link ProbeSendObserver} records the
 * send-time error, the probe's {@code System.nanoTime()} when it was written minus the time its
 * burst was due (start + k x interval), into a preallocated array (no allocation per probe).
 * Reported: the error's p50, p99, p99.9 and maximum, probes sent, answered and lost in the
 * measured window, and the CPU time of the senders' thread (ThreadMXBean) per second and per probe.
 *
 * <p>Options (defaults in brackets): {@code --paths N} [1000], {@code --rate N} probes per second
 * per path [10], {@code --seconds S} measured [30], {@code --warmup S} [5], {@code --reflectors N}
 * [1], {@code --loss-timeout-ms N} [1000].
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.apptrack.bench.ProbeSchedulerBenchmark}
 */
public final class ProbeSchedulerBenchmark {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private ProbeSchedulerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int paths = Integer.parseInt(opts.getOrDefault("paths", "1000"));
        int rate = Integer.parseInt(opts.getOrDefault("rate", "10"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "5"));
        int reflectorCount = Integer.parseInt(opts.getOrDefault("reflectors", "1"));
        long lossTimeoutMs = Long.parseLong(opts.getOrDefault("loss-timeout-ms", "1000"));

        EventLoopGroup senderLoop = new NioEventLoopGroup(1);
        EventLoopGroup reflectorLoop = new NioEventLoopGroup(1);
        List<StampSessionReflector> reflectors = new ArrayList<>();
        List<StampSessionSender> senders = new ArrayList<>();
        ResultCounter results = new ResultCounter();
        // Room for every probe of the window plus the slack of a late stop.
        ErrorRecorder errors = new ErrorRecorder((int) Math.min(Integer.MAX_VALUE - 8,
                (long) paths * rate * (seconds + 2L)));
        try {
            for (int i = 0; i < reflectorCount; i++) {
                StampSessionReflector reflector = new StampSessionReflector(reflectorLoop, Clock.SYSTEM,
                        new ReflectorSettings(LOOPBACK, 0, 0));
                reflector.start();
                reflectors.add(reflector);
            }
            Duration interval = Duration.ofNanos(TimeUnit.SECONDS.toNanos(1) / rate);
            long startedAt = System.nanoTime();
            for (int i = 0; i < paths; i++) {
                InetSocketAddress target = reflectors.get(i % reflectorCount).localAddress();
                StampSessionSender sender = new StampSessionSender(senderLoop, Clock.SYSTEM,
                        ProbePathSettings.builder("path-" + i).source(LOOPBACK, 0).reflector(target)
                                .interval(interval).lossTimeout(Duration.ofMillis(lossTimeoutMs)).build(),
                        results);
                sender.sendObserver(errors);
                sender.start();
                senders.add(sender);
            }
            long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
            long senderThread = senderLoop.submit(() -> Thread.currentThread().getId()).get();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();

            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            long[] before = totals(senders, results);
            long cpuBefore = threads.getThreadCpuTime(senderThread);
            long windowStart = System.nanoTime();
            errors.from(windowStart);
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            long windowEnd = System.nanoTime();
            errors.until(windowEnd);
            long cpuAfter = threads.getThreadCpuTime(senderThread);
            long[] after = totals(senders, results);
            // Probes due just before the window's end may still be on their way out.
            Thread.sleep(200);

            double windowSeconds = (windowEnd - windowStart) / 1e9;
            long sent = after[0] - before[0];
            long answered = after[1] - before[1];
            long lost = after[2] - before[2];
            long suppressed = after[3] - before[3];
            long cpuNanos = cpuAfter - cpuBefore;
            long[] sorted = errors.sorted();
            System.out.printf(Locale.ROOT, "paths %d x %d probes/s on one sender thread, %d reflector(s) on another;"
                    + " started in %d ms; window %.1f s after %d s warm-up; load average %s%n",
                    paths, rate, reflectorCount, startMillis, windowSeconds, warmup, loadAverage());
            System.out.printf(Locale.ROOT, "probes sent %d (%.0f/s, expected %d/s), answered %d, lost %d"
                    + " (lost counts probes sent before the window too), suppressed %d%n",
                    sent, sent / windowSeconds, (long) paths * rate, answered, lost, suppressed);
            System.out.printf(Locale.ROOT, "send-time error over %d probes: min %s, p50 %s, p99 %s, p99.9 %s, max %s;"
                    + " |error| p99 %s (%d beyond the array)%n", sorted.length,
                    micros(percentile(sorted, 0)), micros(percentile(sorted, 0.50)), micros(percentile(sorted, 0.99)),
                    micros(percentile(sorted, 0.999)), micros(percentile(sorted, 1)),
                    micros(percentile(absoluteSorted(sorted), 0.99)), errors.overflow());
            System.out.printf(Locale.ROOT, "sender thread CPU %.1f%% of one core (%.2f s in %.1f s), %.1f us per probe%n",
                    100.0 * cpuNanos / (windowEnd - windowStart), cpuNanos / 1e9, windowSeconds,
                    sent == 0 ? 0 : cpuNanos / 1e3 / sent);
        } finally {
            for (StampSessionSender sender : senders) {
                sender.stop();
            }
            for (StampSessionReflector reflector : reflectors) {
                reflector.stop();
            }
            senderLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
            reflectorLoop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static long[] totals(List<StampSessionSender> senders, ResultCounter results) {
        long sent = 0;
        long suppressed = 0;
        for (StampSessionSender sender : senders) {
            sent += sender.counters().sent();
            suppressed += sender.counters().suppressed();
        }
        return new long[] {sent, results.answered, results.lost, suppressed};
    }

    private static long[] absoluteSorted(long[] values) {
        long[] copy = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = Math.abs(values[i]);
        }
        Arrays.sort(copy);
        return copy;
    }

    /** The nearest-rank percentile; p = 0 is the minimum, 1 the maximum. */
    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.0f us", nanos / 1e3);
    }

    private static String loadAverage() {
        try {
            String[] fields = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("/proc/loadavg")))
                    .trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    /** Counts results on the senders' thread; read after the window (volatile for visibility). */
    private static final class ResultCounter implements ProbeResultListener {
        volatile long answered;
        volatile long lost;

        @Override
        public void onResult(String pathId, long sequence, long rttNanos, long forwardNanos, long backwardNanos) {
            answered++;
        }

        @Override
        public void onLost(String pathId, long sequence) {
            lost++;
        }
    }

    /** Send-time errors of the probes due inside the window, in a preallocated array. */
    private static final class ErrorRecorder implements ProbeSendObserver {
        private final long[] errors;
        private volatile long from = Long.MAX_VALUE;
        private volatile long until = Long.MAX_VALUE;
        private volatile int count;
        private long overflow;

        ErrorRecorder(int capacity) {
            errors = new long[capacity];
        }

        void from(long nanoTime) {
            from = nanoTime;
        }

        void until(long nanoTime) {
            until = nanoTime;
        }

        @Override
        public void probeSent(long dueNanoTime, long sentNanoTime) {
            if (dueNanoTime - from < 0 || dueNanoTime - until >= 0) {
                return;
            }
            int n = count;
            if (n == errors.length) {
                overflow++;
                return;
            }
            errors[n] = sentNanoTime - dueNanoTime;
            count = n + 1;
        }

        long overflow() {
            return overflow;
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(errors, count);
            Arrays.sort(copy);
            return copy;
        }
    }
}
