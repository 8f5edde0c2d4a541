package org.apptrack.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apptrack.testsupport.rsyslog.Rsyslog;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.format.FormatSettings;
import org.apptrack.syslog.format.LogFormat;
import org.apptrack.syslog.format.SyslogFormatter;
import org.apptrack.syslog.stream.SecurityLogManager;

/**
 * Delivery of {@code APPTRACK_SESSION_CLOSE} records (sd-syslog, about 1.27 kB) into a real rsyslog
 * over TCP on loopback, RFC 6587 octet counting, counting the lines rsyslog wrote.
 *
 * <p>Phases, in this order, against the same rsyslogd config (restarted between phases with an
 * empty output file, so tmpfs never holds more than one phase):
 * <ol>
 *   <li>{@code baseline}: the same records pre-formatted once ({@link SyslogFormatter}, the very
 *       bytes the product sends), pushed from one thread over a plain blocking NIO
 *       {@link SocketChannel} in 256 KiB writes. Measures rsyslog plus the kernel.</li>
 *   <li>{@code product}: {@link SecurityLogManager} (used as a plain object, as its unit tests do)
 *       with one {@code tcp} stream; a producer thread calls {@link SecurityLogManager#log} for each
 *       record. Formatting, queueing and Netty are ours.</li>
 * </ol>
 * Optional phase {@code inline} ({@code --phases baseline,inline,product}): the producer formats
 * each record with {@link SyslogFormatter} into the same kind of socket (our formatter, no queue,
 * no Netty), which separates formatting cost from transport cost.
 *
 * <p>Both producers pace at {@code --rate} records/s for {@code --seconds} (offered =
 * rate x seconds), or with {@code --rate 0} push as fast as they can for {@code --seconds} (the
 * baseline is limited by the blocking socket, the product by a closed loop on the stream's
 * queue depth so that it measures throughput, not drops).
 *
 * <p>Reported per phase: offered, lines rsyslog wrote, lost (offered - lines), the stream's
 * dropped counter, offered/s (producer), delivered/s (lines / time until the last line was
 * written), the largest backlog (offered - written, sampled every second), CPU per record of this
 * JVM (excluding the benchmark's own line counting) and of rsyslogd, and the CPU other processes
 * used meanwhile (this machine is shared: a busy neighbour shows there).
 *
 * <p>Zero loss: rsyslog's line count equals the records offered and the stream's {@code dropped}
 * is 0. The output must be on tmpfs (run with {@code -Djava.io.tmpdir=/dev/shm}): a 60 s phase at
 * 200 k/s writes about 15 GB.
 *
 * <p>Options (defaults in brackets): {@code --rate N} [200000], {@code --seconds S} [60],
 * {@code --phases baseline,product} [both], {@code --rsyslog tuned|harness} [tuned: see
 * {@link #tunedConfig}; harness: the harness's own RAW_TCP config unchanged],
 * {@code --input imtcp|imptcp} [imptcp], {@code --input-threads N} [imptcp threads, 2],
 * {@code --queue-workers N} [2], {@code --batch N} [main queue dequeue batch, 4096],
 * {@code --queue-capacity N} [product stream queue, 8388608], {@code --pool N} [distinct records,
 * 4096], {@code --drain-timeout S} [120: how long to wait for rsyslog to catch up after the
 * producer stopped, measured as time without progress].
 */
public final class DeliveryBenchmark {

    private static final String HOST = "127.0.0.1";

    private final Map<String, String> opts;
    private final long rate;
    private final int seconds;
    private final byte[][] frames;
    private final LogRecord[] records;
    private final int frameBytesAvg;
    private Rsyslog rsyslog;

    private DeliveryBenchmark(Map<String, String> opts) {
        this.opts = opts;
        this.rate = Long.parseLong(opts.get("rate"));
        this.seconds = Integer.parseInt(opts.get("seconds"));
        int pool = Integer.parseInt(opts.get("pool"));
        if (Integer.bitCount(pool) != 1) {
            throw new IllegalArgumentException("--pool must be a power of two");
        }
        SyslogFormatter f = SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, SrxRecords.HOSTNAME));
        records = new LogRecord[pool];
        frames = new byte[pool][];
        long total = 0;
        for (int i = 0; i < pool; i++) {
            records[i] = SrxRecords.sessionClose(i);
            byte[] msg = f.formatToArray(records[i]);
            byte[] prefix = (msg.length + " ").getBytes(StandardCharsets.US_ASCII);
            byte[] frame = new byte[prefix.length + msg.length];
            System.arraycopy(prefix, 0, frame, 0, prefix.length);
            System.arraycopy(msg, 0, frame, prefix.length, msg.length);
            frames[i] = frame;
            total += msg.length;
        }
        frameBytesAvg = (int) (total / pool);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("rate", "200000");
        o.put("seconds", "60");
        o.put("phases", "baseline,product");
        o.put("rsyslog", "tuned");
        o.put("input", "imptcp");
        o.put("input-threads", "2");
        o.put("queue-workers", "2");
        o.put("batch", "4096");
        o.put("queue-capacity", Integer.toString(1 << 23));
        o.put("pool", "4096");
        o.put("drain-timeout", "120");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println("options (default): " + o);
                return;
            }
            if (!a.startsWith("--") || !o.containsKey(a.substring(2)) || i + 1 >= args.length) {
                System.err.println("unknown option or missing value: " + a + "; options (default): " + o);
                System.exit(2);
            }
            o.put(a.substring(2), args[++i]);
        }
        new DeliveryBenchmark(o).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "DeliveryBenchmark %s%n", opts);
        System.out.printf(Locale.ROOT, "record: APPTRACK_SESSION_CLOSE, %d fields, sd-syslog %d bytes avg (+ LF in rsyslog's file)%n",
                records[0].fieldCount(), frameBytesAvg);
        Path tmp = Paths.get(System.getProperty("java.io.tmpdir"));
        FileStore store = Files.getFileStore(tmp);
        System.out.printf(Locale.ROOT, "rsyslog work dir under %s (%s, %.1f GB free)%n", tmp, store.type(),
                store.getUsableSpace() / 1e9);
        if (!store.type().equals("tmpfs")) {
            System.out.println("WARNING: java.io.tmpdir is not on tmpfs; rsyslog's file writes may be the bottleneck"
                    + " (use -Djava.io.tmpdir=/dev/shm)");
        }
        if (rate > 0) {
            double need = (double) rate * seconds * (frameBytesAvg + 1);
            if (need > store.getUsableSpace() - 1e9) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "a phase writes %.1f GB but only %.1f GB are free in %s", need / 1e9,
                        store.getUsableSpace() / 1e9, tmp));
            }
        }
        List<Result> results = new ArrayList<>();
        rsyslog = Rsyslog.builder().rawTcpBenchmark().maxMessageSize(8192).start();
        try {
            if (opts.get("rsyslog").equals("tuned")) {
                rsyslog.stop();
                Files.writeString(rsyslog.configFile(), tunedConfig(), StandardCharsets.UTF_8);
                validate();
                rsyslog.start();
            } else if (!opts.get("rsyslog").equals("harness")) {
                throw new IllegalArgumentException("--rsyslog tuned|harness");
            }
            System.out.println("--- rsyslog config (" + rsyslog.configFile() + ") ---");
            System.out.print(Files.readString(rsyslog.configFile()));
            System.out.println("---");
            boolean first = true;
            for (String phase : opts.get("phases").split(",")) {
                if (!first) {
                    freshOutput();
                }
                first = false;
                switch (phase.trim()) {
                    case "baseline":
                        results.add(baseline());
                        break;
                    case "inline":
                        results.add(inline());
                        break;
                    case "product":
                        results.add(product());
                        break;
                    default:
                        throw new IllegalArgumentException("unknown phase " + phase);
                }
            }
            String log = rsyslog.log();
            if (!log.isBlank()) {
                System.out.println("--- rsyslogd messages ---");
                System.out.println(log.length() > 4000 ? log.substring(0, 4000) + "..." : log);
            }
        } finally {
            rsyslog.close();
        }
        printTable(results);
    }

    // ---------------------------------------------------------------------------------------------
    // rsyslog

    /**
     * The tuned RAW_TCP config: same ports, output file, template ({@code %rawmsg%\n}) and work
     * directory as the harness's, with a faster input, bigger batches and a bigger write buffer.
     */
    private String tunedConfig() {
        int threads = Integer.parseInt(opts.get("input-threads"));
        int batch = Integer.parseInt(opts.get("batch"));
        String input = opts.get("input");
        StringBuilder c = new StringBuilder();
        c.append("# DeliveryBenchmark tuned RAW_TCP config (replaces the harness's, same ports and files)\n");
        c.append("global(workDirectory=\"").append(rsyslog.workDir().resolve("spool"))
                .append("\" maxMessageSize=\"8192\")\n");
        c.append("main_queue(queue.type=\"FixedArray\" queue.size=\"262144\" queue.dequeueBatchSize=\"")
                .append(batch).append("\" queue.workerThreads=\"").append(opts.get("queue-workers"))
                .append("\" queue.workerThreadMinimumMessages=\"").append(batch)
                .append("\" queue.timeoutShutdown=\"20000\")\n");
        c.append("template(name=\"apptrackRaw\" type=\"string\" string=\"%rawmsg%\\n\")\n");
        c.append("ruleset(name=\"tcp\") {\n")
                .append("  action(type=\"omfile\" file=\"").append(rsyslog.output(Rsyslog.Transport.TCP))
                .append("\" template=\"apptrackRaw\" asyncWriting=\"on\" ioBufferSize=\"16m\"")
                .append(" flushOnTXEnd=\"off\" flushInterval=\"1\" veryRobustZip=\"off\")\n")
                .append("}\n");
        if (input.equals("imptcp")) {
            c.append("module(load=\"imptcp\" threads=\"").append(threads).append("\")\n");
            c.append("input(type=\"imptcp\" address=\"").append(HOST).append("\" port=\"").append(rsyslog.tcpPort())
                    .append("\" ruleset=\"tcp\" supportOctetCountedFraming=\"on\" ratelimit.interval=\"0\")\n");
        } else if (input.equals("imtcp")) {
            c.append("module(load=\"imtcp\" maxSessions=\"1000\")\n"); // 8.2302 has no imtcp worker threads
            c.append("input(type=\"imtcp\" address=\"").append(HOST).append("\" port=\"").append(rsyslog.tcpPort())
                    .append("\" ruleset=\"tcp\" supportOctetCountedFraming=\"on\" ratelimit.interval=\"0\")\n");
        } else {
            throw new IllegalArgumentException("--input imtcp|imptcp");
        }
        return c.toString();
    }

    private void validate() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Rsyslog.rsyslogd().toString(), "-N1", "-f", rsyslog.configFile().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.contains("rsyslog.com/e/")) {
            throw new IllegalStateException("rsyslogd rejected the tuned config:\n" + out + "\n"
                    + Files.readString(rsyslog.configFile()));
        }
    }

    /** Restarts rsyslogd with an empty output file (counts start at 0, tmpfs is freed). */
    private void freshOutput() throws IOException {
        rsyslog.stop();
        Files.deleteIfExists(rsyslog.output(Rsyslog.Transport.TCP));
        lines(); // resets the incremental counter
        rsyslog.start();
    }

    private long rsyslogCpuNanos() {
        try {
            String pid = Files.readString(rsyslog.pidFile()).trim();
            String stat = Files.readString(Paths.get("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime stime (fields 14, 15)
            return ticks * 10_000_000L; // USER_HZ = 100
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU nanoseconds per rsyslogd thread name (threads of the same name summed). */
    private Map<String, Long> rsyslogThreadCpu() {
        Map<String, Long> m = new java.util.TreeMap<>();
        try {
            String pid = Files.readString(rsyslog.pidFile()).trim();
            try (java.util.stream.Stream<Path> tasks = Files.list(Paths.get("/proc", pid, "task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        String comm = Files.readString(t.resolve("comm")).trim();
                        String stat = Files.readString(t.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ns = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
                        m.merge(comm, ns, Long::sum);
                    } catch (IOException | RuntimeException e) {
                        // thread ended
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not running
        }
        return m;
    }

    /** Busy CPU nanoseconds of the whole machine (all cores), from /proc/stat. */
    private static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Paths.get("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    // ---------------------------------------------------------------------------------------------
    // phases

    /** Paces a producer: how many records should have been offered by now. */
    private final class Pacer {
        final long startNanos = System.nanoTime();
        final long limit;
        final long endNanos;

        Pacer() {
            this.limit = rate > 0 ? rate * seconds : Long.MAX_VALUE;
            this.endNanos = startNanos + TimeUnit.SECONDS.toNanos(seconds);
        }

        /** Records due now (capped at the total); -1 when the phase is over. */
        long due(long offered) {
            long now = System.nanoTime();
            if (rate <= 0) {
                return now - endNanos >= 0 ? -1 : Long.MAX_VALUE;
            }
            if (offered >= limit) {
                return -1;
            }
            long d = (long) ((now - startNanos) * (rate / 1e9)) + 1;
            return Math.min(d, limit);
        }
    }

    private Result baseline() throws Exception {
        return socketPhase("baseline (pre-formatted, NIO socket)", false);
    }

    /** Optional phase: our formatter called per record by the producer, plain NIO socket (no queue, no Netty). */
    private Result inline() throws Exception {
        return socketPhase("inline (SyslogFormatter + NIO socket)", true);
    }

    private Result socketPhase(String name, boolean formatInline) throws Exception {
        Result r = new Result(name);
        int mask = frames.length - 1;
        SyslogFormatter f = SyslogFormatter.create(FormatSettings.of(LogFormat.SD_SYSLOG, SrxRecords.HOSTNAME));
        byte[] stage = new byte[16 * 1024];
        try (SocketChannel ch = SocketChannel.open()) {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(new InetSocketAddress(HOST, rsyslog.tcpPort()));
            ch.configureBlocking(true);
            ByteBuffer buf = ByteBuffer.allocateDirect(256 * 1024);
            Monitor monitor = r.begin(this);
            Pacer pacer = new Pacer();
            long offered = 0;
            while (true) {
                long due = pacer.due(offered);
                if (due < 0) {
                    break;
                }
                if (offered >= due) {
                    LockSupport.parkNanos(50_000);
                    continue;
                }
                while (offered < due && buf.remaining() >= 8192) {
                    int i = (int) (offered & mask);
                    if (formatInline) {
                        int end = f.format(records[i], stage, 6);
                        int p = 5;
                        stage[p] = ' ';
                        for (int v = end - 6; v > 0; v /= 10) {
                            stage[--p] = (byte) ('0' + v % 10);
                        }
                        buf.put(stage, p, end - p);
                    } else {
                        buf.put(frames[i]);
                    }
                    offered++;
                }
                buf.flip();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                buf.clear();
                monitor.offered = offered;
            }
            r.producerDone(offered);
        }
        awaitDelivery(r, () -> 0L);
        return r;
    }

    private Result product() throws Exception {
        Result r = new Result("product (SecurityLogManager tcp)");
        int mask = records.length - 1;
        int capacity = Integer.parseInt(opts.get("queue-capacity"));
        Manager manager = new Manager();
        manager.start();
        try {
            Map<String, Object> props = new HashMap<>();
            props.put("name", "bench");
            props.put("transport", "tcp");
            props.put("host", HOST);
            props.put("port", rsyslog.tcpPort());
            props.put("format", "sd-syslog");
            props.put("framing", "octet-counting");
            props.put("hostname", SrxRecords.HOSTNAME);
            props.put("queueCapacity", capacity);
            manager.apply("org.apptrack.syslog.stream~bench", props);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (status(manager).state() != LogStreamState.UP) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("stream not UP: " + status(manager));
                }
                Thread.sleep(10);
            }
            Monitor monitor = r.begin(this);
            Pacer pacer = new Pacer();
            long offered = 0;
            int closedLoopDepth = Math.min(capacity / 2, 65536);
            int maxDepth = 0;
            while (true) {
                long due = pacer.due(offered);
                if (due < 0) {
                    break;
                }
                if (offered >= due) {
                    LockSupport.parkNanos(50_000);
                    continue;
                }
                long n = Math.min(due, offered + 4096);
                while (offered < n) {
                    manager.log(records[(int) (offered & mask)]);
                    offered++;
                }
                monitor.offered = offered;
                maxDepth = Math.max(maxDepth, status(manager).queueDepth());
                if (rate <= 0) { // closed loop: measure throughput, not drops
                    while (status(manager).queueDepth() > closedLoopDepth && pacer.due(offered) >= 0) {
                        LockSupport.parkNanos(100_000);
                    }
                }
            }
            r.producerDone(offered);
            System.out.printf(Locale.ROOT, "  stream queue: capacity %,d, deepest seen %,d records%n", capacity, maxDepth);
            awaitDelivery(r, () -> status(manager).dropped());
            LogStreamStatus s = status(manager);
            r.streamSent = s.sent();
            r.dropped = s.dropped();
            r.streamErrors = s.errors() + " errors, " + s.reconnects() + " reconnects"
                    + (s.lastError() != null ? ", last: " + s.lastError() : "");
        } finally {
            manager.stop();
        }
        return r;
    }

    /** activate()/deactivate() are protected (DS lifecycle): a subclass makes them callable here. */
    private static final class Manager extends SecurityLogManager {
        void start() {
            activate();
        }

        void stop() {
            deactivate();
        }
    }

    private static LogStreamStatus status(SecurityLogManager m) {
        return m.stream("bench").orElseThrow();
    }

    /** CPU time the benchmark spends counting rsyslog's lines (subtracted from the JVM's CPU). */
    private final java.util.concurrent.atomic.AtomicLong counterCpu = new java.util.concurrent.atomic.AtomicLong();

    /** rsyslog's line count, charging the reading to {@link #counterCpu}. */
    private long lines() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        long n = rsyslog.lineCount(Rsyslog.Transport.TCP);
        counterCpu.addAndGet(mx.getCurrentThreadCpuTime() - t0);
        return n;
    }

    /** Waits until rsyslog wrote every offered record, or made no progress for --drain-timeout. */
    private void awaitDelivery(Result r, java.util.function.LongSupplier dropped) throws InterruptedException {
        r.monitor.offered = r.offered;
        long stallNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(opts.get("drain-timeout")));
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long lines = lines() - r.lines0;
            long now = System.nanoTime();
            if (lines != last) {
                last = lines;
                lastChange = now;
                r.lastLineNanos = now;
            }
            if (lines >= r.offered - dropped.getAsLong() || now - lastChange > stallNanos || !rsyslog.isRunning()) {
                r.lines = lines;
                break;
            }
            Thread.sleep(20);
        }
        r.monitor.finish();
        r.end(this);
    }

    /** Counts rsyslog's lines every second (off the producer thread), prints every 5 s, tracks the backlog. */
    private final class Monitor extends Thread {
        final Result r;
        volatile long offered;
        private volatile boolean done;

        Monitor(Result r) {
            super("delivery-monitor");
            setDaemon(true);
            this.r = r;
        }

        @Override
        public void run() {
            int tick = 0;
            while (!done) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long off = offered;
                long written = lines() - r.lines0;
                r.maxBacklog = Math.max(r.maxBacklog, off - written);
                if (++tick % 5 == 0 && !done) {
                    double t = (System.nanoTime() - r.startNanos) / 1e9;
                    System.out.printf(Locale.ROOT, "  %-38s t=%5.1fs offered=%,d (%,.0f/s) written=%,d (%,.0f/s) backlog=%,d%n",
                            r.name, t, off, off / t, written, written / t, off - written);
                }
            }
        }

        void finish() throws InterruptedException {
            done = true;
            interrupt();
            join();
        }
    }

    /** One phase's numbers. */
    private static final class Result {
        final String name;
        long startNanos;
        long producerEndNanos;
        long endNanos;
        long lines0;
        long counterCpu0;
        Monitor monitor;
        long lastLineNanos;
        long offered;
        long lines;
        long dropped;
        long streamSent = -1;
        String streamErrors = "";
        long maxBacklog;
        long jvmCpu0;
        long jvmCpu;
        long rsCpu0;
        long rsCpu;
        long machine0;
        long machine;
        Map<String, Long> rsThreads0;
        String rsThreads = "";

        Result(String name) {
            this.name = name;
        }

        Monitor begin(DeliveryBenchmark b) {
            lines0 = b.lines();
            counterCpu0 = b.counterCpu.get();
            monitor = b.new Monitor(this);
            jvmCpu0 = jvmCpuNanos();
            rsCpu0 = b.rsyslogCpuNanos();
            rsThreads0 = b.rsyslogThreadCpu();
            machine0 = machineBusyNanos();
            startNanos = System.nanoTime();
            System.out.println("phase " + name + " ...");
            monitor.start();
            return monitor;
        }

        void producerDone(long n) {
            offered = n;
            producerEndNanos = System.nanoTime();
        }

        void end(DeliveryBenchmark b) {
            jvmCpu = jvmCpuNanos() - jvmCpu0 - (b.counterCpu.get() - counterCpu0);
            rsCpu = b.rsyslogCpuNanos() - rsCpu0;
            machine = machineBusyNanos() - machine0;
            endNanos = System.nanoTime();
            StringBuilder t = new StringBuilder();
            final double secs = (endNanos - startNanos) / 1e9;
            b.rsyslogThreadCpu().forEach((k, v) -> t.append(String.format(Locale.ROOT, " %s=%.0f%%", k,
                    100.0 * (v - rsThreads0.getOrDefault(k, 0L)) / 1e9 / secs)));
            rsThreads = t.toString().trim();
            System.out.printf(Locale.ROOT, "phase %s: offered %,d in %.1f s, rsyslog wrote %,d (last line after %.1f s),"
                            + " dropped %d%s%n", name, offered, producerSeconds(), lines, deliverySeconds(), dropped,
                    streamSent >= 0 ? ", stream sent " + streamSent + " (" + streamErrors + ")" : "");
            System.out.printf(Locale.ROOT, "  CPU (%% of one core): JVM %.0f%%, rsyslogd %.0f%% (%s); machine busy %.0f%% of %d%%,"
                            + " other processes %.0f%%%n", 100.0 * jvmCpu / 1e9 / secs, 100.0 * rsCpu / 1e9 / secs,
                    rsThreads, 100.0 * machine / 1e9 / secs, 100 * Runtime.getRuntime().availableProcessors(),
                    100.0 * (machine - jvmCpu - rsCpu) / 1e9 / secs);
        }

        double producerSeconds() {
            return (producerEndNanos - startNanos) / 1e9;
        }

        double deliverySeconds() {
            return (Math.max(lastLineNanos, producerEndNanos) - startNanos) / 1e9;
        }

        double deliveredRate() {
            return lines / deliverySeconds();
        }

        long lost() {
            return offered - lines;
        }
    }

    private void printTable(List<Result> results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "rate=%s seconds=%d rsyslog=%s%s (rsyslog flushes its file every 1 s,"
                + " so delivery times have ~1 s resolution)%n%n", rate > 0 ? Long.toString(rate) : "max", seconds,
                opts.get("rsyslog"), opts.get("rsyslog").equals("tuned") ? " input=" + opts.get("input") + " threads="
                        + opts.get("input-threads") + " queue-workers=" + opts.get("queue-workers") : "");
        System.out.println("| phase | offered | rsyslog lines | lost | dropped | offered/s | delivered/s | max backlog "
                + "| JVM CPU µs/rec | rsyslogd CPU µs/rec | other procs CPU % | zero loss |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %,.0f | %,.0f | %,d | %.2f | %.2f | %.0f | %s |%n",
                    r.name, r.offered, r.lines, r.lost(), r.dropped, r.offered / r.producerSeconds(), r.deliveredRate(),
                    r.maxBacklog, r.jvmCpu / 1e3 / Math.max(1, r.offered), r.rsCpu / 1e3 / Math.max(1, r.offered),
                    100.0 * (r.machine - r.jvmCpu - r.rsCpu) / (double) (r.endNanos - r.startNanos),
                    r.lost() == 0 && r.dropped == 0 ? "yes" : "NO");
        }
        Result base = null;
        for (Result r : results) {
            if (r.name.startsWith("baseline")) {
                base = r;
            }
        }
        for (Result r : results) {
            if (base != null && r != base) {
                System.out.printf(Locale.ROOT, "%n%s / baseline: delivered rate %.3f, offered rate %.3f; JVM CPU per record"
                                + " %.2f vs %.2f µs (+%.2f µs = our overhead per record)%n", r.name.split(" ")[0],
                        r.deliveredRate() / base.deliveredRate(),
                        (r.offered / r.producerSeconds()) / (base.offered / base.producerSeconds()),
                        r.jvmCpu / 1e3 / Math.max(1, r.offered), base.jvmCpu / 1e3 / Math.max(1, base.offered),
                        r.jvmCpu / 1e3 / Math.max(1, r.offered) - base.jvmCpu / 1e3 / Math.max(1, base.offered));
            }
        }
    }
}
