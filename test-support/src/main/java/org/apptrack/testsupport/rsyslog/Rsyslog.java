package org.apptrack.testsupport.rsyslog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apptrack.testsupport.files.TestFiles;
import org.apptrack.testsupport.pki.TestPki;
import org.apptrack.testsupport.prereq.Host;
import org.apptrack.testsupport.process.Commands;

/**
 * A real rsyslog (Debian 12: rsyslog 8.2302 + rsyslog-gnutls, see
 * {@code scripts/install-test-deps.sh}) started by a test on free loopback ports, with its own
 * config, pid file and work directory in a temp directory. No system socket, no imuxsock/imklog,
 * the system rsyslog configuration is not read.
 *
 * <h2>Modes</h2>
 * <ul>
 *   <li>{@link Mode#PARSED} (default): inputs imudp ({@link #udpPort()}), imtcp plain
 *       ({@link #tcpPort()}, LF and RFC 6587 octet-counting framing both auto-detected) and, when
 *       {@link Builder#tls} is given, imtcp with the GnuTLS stream driver ({@link #tlsPort()},
 *       RFC 5425). Each input has its own ruleset: {@code mmpstrucdata} then one JSON line per
 *       message into its own file ({@link #output(Transport)}: {@code udp.jsonl},
 *       {@code tcp.jsonl}, {@code tls.jsonl}), so a test can tell which transport delivered what.
 *       Files are flushed at the end of each batch (visible within milliseconds).</li>
 *   <li>{@link Mode#RAW_TCP} ({@link Builder#rawTcpBenchmark()}, for benchmarks): imtcp plain only,
 *       {@code %rawmsg%} + LF per message into {@code tcp.raw.log}, async writing with a 4 MiB
 *       buffer, flushed at least every second. Count deliveries with {@link #lineCount} /
 *       {@link #awaitCount}; {@link #lineCount} is incremental (it only reads bytes appended since
 *       the previous call), so polling a multi-GB file is cheap.</li>
 * </ul>
 *
 * <h2>JSON line (PARSED mode)</h2>
 * Same shape as the shared test data's {@code srx-syslog/*.rsyslog-mmpstrucdata.jsonl}, written by
 * json-c via {@code %$!%}:
 * <pre>
 * { "rfc5424-sd": { "junos@2636.1.1.1.2.129": { "reason": "TCP FIN", "source-address": "10.0.0.1", ... } },
 *   "hdr": { "pri": "14", "version": "1", "timestamp": "2020-05-07T16:27:40.111Z",
 *            "timestamp_raw": "2020-05-07T16:27:40.111Z", "hostname": "fw1", "appname": "RT_FLOW",
 *            "procid": "-", "msgid": "APPTRACK_SESSION_CLOSE", "sd_raw": "[junos@... ]", "msg": "" },
 *   "transport": "tcp", "raw": "&lt;14&gt;1 2020-05-07T16:27:40.111Z fw1 RT_FLOW - ..." }
 * </pre>
 * {@code hdr.timestamp} is rsyslog's parsed timestamp rendered as RFC 3339 (keeps the fraction
 * digits and the offset as sent, {@code Z} stays {@code Z}); {@code hdr.timestamp_raw} is the
 * second space-separated token of the raw message, byte for byte as received.
 * {@code "rfc5424-sd"} is absent when the message has no structured data ({@code -}).
 * {@code raw} is the message without the octet-count prefix or trailing LF.
 *
 * <h2>Verified on rsyslog 8.2302.0 / json-c 0.16 (Debian 12), see RsyslogHarnessTest</h2>
 * <ul>
 *   <li>Parameter order: the object of each SD-ELEMENT keeps the parameters in the order they were
 *       sent (mmpstrucdata adds them in wire order and json-c objects iterate in insertion order;
 *       a non-alphabetical {@code reason, source-address, zeta, alpha, city} comes out unchanged,
 *       and Jackson's {@code ObjectNode} keeps that order). SD-ELEMENTs also keep their order.</li>
 *   <li>Escaping: values are unescaped by mmpstrucdata: {@code \"} {@code \\} {@code \]} on the
 *       wire come out as {@code "} {@code \} {@code ]}. UTF-8 values ({@code Zürich}) pass unchanged
 *       (json-c writes non-ASCII bytes as is; it escapes {@code /} as {@code \/}, which is valid
 *       JSON). {@code hdr.sd_raw} and {@code raw} keep the wire form with the backslashes.</li>
 *   <li>Names: mmpstrucdata lower-cases SD-IDs and PARAM-NAMEs by default
 *       ({@code sd_name.lowercase="on"}); this harness sets it {@code off}, so names are exactly as
 *       sent.</li>
 *   <li>Control characters are escaped on reception by rsyslog, in values and body alike
 *       ({@code #001}, {@code #012} for LF); a message can never span two output lines.</li>
 *   <li>A repeated PARAM-NAME in one SD-ELEMENT keeps the first position and the last value
 *       ({@code [a@1 x="1" x="2"]} gives {@code {"x":"2"}}).</li>
 *   <li>NILVALUE timestamp ({@code -}): {@code hdr.timestamp} is the reception time,
 *       {@code hdr.timestamp_raw} is {@code "-"}.</li>
 * </ul>
 * Throughput of {@link Mode#RAW_TCP} measured on the 2-vCPU build machine: about 60-70 k msg/s for
 * 1 kB messages on one connection (1 M messages in ~15 s); a full {@link #lineCount(Path)} of the
 * resulting 950 MB file takes ~0.5 s, an incremental {@link #lineCount(Transport)} well under 1 ms.
 * A benchmark faster than that measures rsyslog, not the sender.
 *
 * <h2>TLS</h2>
 * GnuTLS driver ({@code lmnsd_gtls}, package rsyslog-gnutls) configured per input, next to the
 * plain imtcp input of the same module instance (per-input stream drivers exist since 8.2106,
 * per-input certificate files since 8.2108):
 * <pre>
 * module(load="imtcp")
 * input(type="imtcp" address="127.0.0.1" port="TCP" ruleset="tcp")
 * input(type="imtcp" address="127.0.0.1" port="TLS" ruleset="tls"
 *       streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="anon"
 *       streamDriver.caFile="ca.crt" streamDriver.certFile="server.crt" streamDriver.keyFile="server.key")
 * </pre>
 * {@code authMode="anon"}: the server presents its certificate, clients are not asked for one.
 * {@link Builder#requireClientCert(boolean)} switches to {@code x509/certvalid} (mutual TLS: the
 * client must present a certificate signed by {@code caFile}).
 *
 * <h2>Restart</h2>
 * {@link #stop()} terminates rsyslogd (SIGTERM, it flushes its queue and files) and
 * {@link #start()} starts the same config on the same ports again; output files are appended to,
 * so counts continue across restarts. {@link #close()} kills it and deletes the work directory.
 */
public final class Rsyslog implements AutoCloseable {

    /** The transport (and the input / output file) a message arrived on. */
    public enum Transport {
        UDP, TCP, TLS;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** See the class documentation. */
    public enum Mode { PARSED, RAW_TCP }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOOPBACK = "127.0.0.1";
    /** Ports handed out by this JVM, so parallel instances never get the same one. */
    private static final Set<Integer> ALLOCATED_PORTS = Collections.synchronizedSet(new HashSet<>());
    private static final int PORT_ATTEMPTS = 3;

    private final Builder cfg;
    private final Path workDir;
    private final Path configFile;
    private final Path pidFile;
    private final Path logFile;
    private final Map<Transport, Integer> ports = new EnumMap<>(Transport.class);
    private final Map<Transport, Path> outputs = new EnumMap<>(Transport.class);
    private final Map<Transport, LineCounter> counters = new EnumMap<>(Transport.class);
    private final Thread shutdownHook;

    private Process process;
    private boolean closed;

    // ---------------------------------------------------------------------------------------------
    // creation

    /** Builder with defaults: {@link Mode#PARSED}, no TLS input. */
    public static Builder builder() {
        return new Builder();
    }

    /** UDP, TCP and TLS inputs (TLS with {@code pki}'s localhost server certificate), parsed JSON. */
    public static Rsyslog startParsed(TestPki pki) throws IOException {
        return builder().tls(pki).start();
    }

    /** {@link Mode#RAW_TCP}: TCP input only, one raw line per message. */
    public static Rsyslog startRawTcpBenchmark() throws IOException {
        return builder().rawTcpBenchmark().start();
    }

    /** Configuration of an instance; {@link #start()} creates and starts it. */
    public static final class Builder {
        private Mode mode = Mode.PARSED;
        private Path caFile;
        private Path certFile;
        private Path keyFile;
        private boolean requireClientCert;
        private Duration startTimeout = Duration.ofSeconds(20);
        private int maxMessageSize = 64 * 1024;

        private Builder() {
        }

        /** Adds the TLS input with {@code pki}'s CA and its {@code localhost} server certificate. */
        public Builder tls(TestPki pki) {
            return tls(pki.caCert(), pki.serverCert(), pki.serverKey());
        }

        /** Adds the TLS input with these PEM files (CA for verifying clients, server cert and key). */
        public Builder tls(Path caFile, Path certFile, Path keyFile) {
            this.caFile = caFile.toAbsolutePath();
            this.certFile = certFile.toAbsolutePath();
            this.keyFile = keyFile.toAbsolutePath();
            return this;
        }

        /** Mutual TLS: rsyslog's {@code streamDriver.authMode="x509/certvalid"}. */
        public Builder requireClientCert(boolean require) {
            this.requireClientCert = require;
            return this;
        }

        /** {@link Mode#RAW_TCP}: TCP input only, raw lines, fast async file writing. */
        public Builder rawTcpBenchmark() {
            this.mode = Mode.RAW_TCP;
            return this;
        }

        /** How long {@link Rsyslog#start()} waits for the ports; default 20 s. */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** rsyslog's {@code maxMessageSize} in bytes; default 64 KiB. */
        public Builder maxMessageSize(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxMessageSize too small: " + bytes);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /** Creates the work directory, writes the config and starts rsyslogd. */
        public Rsyslog start() throws IOException {
            if (mode == Mode.RAW_TCP && caFile != null) {
                throw new IllegalStateException("RAW_TCP mode has no TLS input");
            }
            Rsyslog r = new Rsyslog(this);
            try {
                r.firstStart();
                return r;
            } catch (IOException | RuntimeException | Error e) {
                r.close();
                throw e;
            }
        }
    }

    private Rsyslog(Builder cfg) throws IOException {
        this.cfg = cfg;
        this.workDir = Files.createTempDirectory("apptrack-rsyslog-").toAbsolutePath();
        this.configFile = workDir.resolve("rsyslog.conf");
        this.pidFile = workDir.resolve("rsyslogd.pid");
        this.logFile = workDir.resolve("rsyslogd.log");
        Files.createDirectories(workDir.resolve("spool"));
        for (Transport t : transports()) {
            Path out = workDir.resolve(cfg.mode == Mode.RAW_TCP ? t.id() + ".raw.log" : t.id() + ".jsonl");
            outputs.put(t, out);
            counters.put(t, new LineCounter(out));
        }
        this.shutdownHook = new Thread(this::kill, "rsyslog-harness-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private List<Transport> transports() {
        List<Transport> ts = new ArrayList<>();
        if (cfg.mode == Mode.PARSED) {
            ts.add(Transport.UDP);
        }
        ts.add(Transport.TCP);
        if (cfg.mode == Mode.PARSED && cfg.caFile != null) {
            ts.add(Transport.TLS);
        }
        return ts;
    }

    // ---------------------------------------------------------------------------------------------
    // installation

    /** Path of rsyslogd ({@code -Drsyslogd=...}, else on the PATH or in the sbin folders), or null. */
    public static Path rsyslogd() {
        String override = System.getProperty("rsyslogd");
        if (override != null && !override.isEmpty() && Files.isExecutable(Paths.get(override))) {
            return Paths.get(override);
        }
        return Host.command("rsyslogd").orElse(null);
    }

    /** Whether rsyslogd is installed (tests use this in {@code Assume}). */
    public static boolean isInstalled() {
        return rsyslogd() != null;
    }

    // ---------------------------------------------------------------------------------------------
    // accessors

    public Mode mode() { return cfg.mode; }
    public int udpPort() { return port(Transport.UDP); }
    public int tcpPort() { return port(Transport.TCP); }
    public int tlsPort() { return port(Transport.TLS); }
    public Path workDir() { return workDir; }
    public Path configFile() { return configFile; }
    public Path pidFile() { return pidFile; }
    /** rsyslogd's stdout/stderr (its own error messages), appended across restarts. */
    public Path logFile() { return logFile; }

    /** Whether this instance has an input for {@code t}. */
    public boolean hasInput(Transport t) {
        return outputs.containsKey(t);
    }

    public int port(Transport t) {
        Integer p = ports.get(checkInput(t));
        if (p == null) {
            throw new IllegalStateException("not started");
        }
        return p;
    }

    /** The file that receives the messages of input {@code t}. */
    public Path output(Transport t) {
        return outputs.get(checkInput(t));
    }

    /** rsyslogd's own messages so far (empty if none). */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // received messages

    /** Complete lines of {@link #output(Transport)} so far (a partly written last line is left out). */
    public List<String> receivedLines(Transport t) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(output(t));
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return lines;
    }

    /** The parsed JSON lines ({@link Mode#PARSED} only), in arrival order. */
    public List<JsonNode> received(Transport t) {
        if (cfg.mode != Mode.PARSED) {
            throw new IllegalStateException("RAW_TCP mode writes raw lines: use receivedLines()/lineCount()");
        }
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : receivedLines(t)) {
            try {
                nodes.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new IllegalStateException("rsyslog wrote invalid JSON: " + line, e);
            }
        }
        return nodes;
    }

    /** Number of complete lines in {@link #output(Transport)}; incremental, cheap to poll. */
    public long lineCount(Transport t) {
        checkInput(t);
        try {
            return counters.get(t).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of LF bytes in {@code file} (0 if it does not exist). */
    public static long lineCount(Path file) {
        try {
            return new LineCounter(file).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until at least {@code n} messages arrived on {@code t}; returns the count reached.
     *
     * @throws AssertionError on timeout or if rsyslogd died, with rsyslogd's log
     */
    public long awaitCount(Transport t, long n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 5;
        while (true) {
            long count = lineCount(t);
            if (count >= n) {
                return count;
            }
            Process p;
            synchronized (this) {
                p = process;
            }
            if (p != null && !p.isAlive()) {
                throw new AssertionError("rsyslogd died (exit " + p.exitValue() + ") while waiting for " + n
                        + " messages on " + t + ", got " + count + "\n" + log());
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("expected at least " + n + " messages on " + t + " within " + timeout
                        + ", got " + count + " (" + output(t) + ")\nrsyslogd log:\n" + log());
            }
            Commands.sleep(pause);
            pause = Math.min(pause * 2, 100);
        }
    }

    /** {@link #awaitCount} then {@link #received}. */
    public List<JsonNode> awaitReceived(Transport t, int n, Duration timeout) {
        awaitCount(t, n, timeout);
        return received(t);
    }

    // ---------------------------------------------------------------------------------------------
    // lifecycle

    /** Whether rsyslogd is running. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts rsyslogd again with the same config and ports (no-op if running). */
    public synchronized void start() throws IOException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (isRunning()) {
            return;
        }
        launchAndAwaitReady();
    }

    /** Stops rsyslogd (SIGTERM, SIGKILL after 15 s) and waits until its ports are closed. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        terminate(process);
        process = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (anyPortBound() && System.nanoTime() - deadline < 0) {
            Commands.sleep(10);
        }
    }

    /** Kills rsyslogd and deletes the work directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // JVM is shutting down
        }
        synchronized (ALLOCATED_PORTS) {
            ALLOCATED_PORTS.removeAll(ports.values());
        }
        TestFiles.deleteRecursively(workDir);
    }

    @Override
    public String toString() {
        return "Rsyslog[" + cfg.mode + ", ports=" + ports + ", dir=" + workDir + "]";
    }

    // ---------------------------------------------------------------------------------------------
    // internals

    private Transport checkInput(Transport t) {
        if (!outputs.containsKey(t)) {
            throw new IllegalStateException("no " + t + " input in this instance (" + cfg.mode
                    + (t == Transport.TLS && cfg.mode == Mode.PARSED ? ", TLS not configured" : "") + ")");
        }
        return t;
    }

    private void firstStart() throws IOException {
        Path bin = rsyslogd();
        if (bin == null) {
            throw new IOException("rsyslogd not installed (run scripts/install-test-deps.sh)");
        }
        for (int attempt = 1; ; attempt++) {
            allocatePorts();
            writeConfig();
            if (attempt == 1) {
                validateConfig(bin);
            }
            try {
                launchAndAwaitReady();
                return;
            } catch (IOException e) {
                if (attempt >= PORT_ATTEMPTS || !log().contains("in use")) {
                    throw e;
                }
                // another process grabbed a port between allocation and bind: new ports, retry
            }
        }
    }

    private void allocatePorts() throws IOException {
        synchronized (ALLOCATED_PORTS) {
            ALLOCATED_PORTS.removeAll(ports.values());
        }
        ports.clear();
        for (Transport t : outputs.keySet()) {
            ports.put(t, freePort(t == Transport.UDP));
        }
    }

    private static int freePort(boolean udp) throws IOException {
        InetAddress lo = InetAddress.getByName(LOOPBACK);
        for (int i = 0; i < 100; i++) {
            int port;
            if (udp) {
                try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(lo, 0))) {
                    port = s.getLocalPort();
                }
            } else {
                try (ServerSocket s = new ServerSocket()) {
                    s.setReuseAddress(false);
                    s.bind(new InetSocketAddress(lo, 0));
                    port = s.getLocalPort();
                }
            }
            if (ALLOCATED_PORTS.add(port)) {
                return port;
            }
        }
        throw new IOException("no free loopback port");
    }

    private void writeConfig() throws IOException {
        StringBuilder c = new StringBuilder();
        c.append("# generated by ").append(Rsyslog.class.getName()).append(" (").append(cfg.mode).append(")\n");
        c.append("global(workDirectory=").append(q(workDir.resolve("spool")))
                .append(" maxMessageSize=\"").append(cfg.maxMessageSize).append("\")\n");
        c.append("main_queue(queue.type=\"FixedArray\" queue.size=\"200000\" queue.dequeueBatchSize=\"1024\"")
                .append(" queue.timeoutShutdown=\"10000\")\n");
        if (cfg.mode == Mode.PARSED) {
            c.append("module(load=\"imudp\")\n");
        }
        c.append("module(load=\"imtcp\" maxSessions=\"1000\")\n");
        if (cfg.mode == Mode.PARSED) {
            c.append("module(load=\"mmpstrucdata\")\n");
            c.append("template(name=\"apptrackTimestamp\" type=\"string\" string=\"%timereported:::date-rfc3339%\")\n");
            c.append("template(name=\"apptrackTimestampRaw\" type=\"string\" string=\"%rawmsg:F,32:2%\")\n");
            c.append("template(name=\"apptrackJson\" type=\"string\" string=\"%$!%\\n\")\n");
            for (Transport t : outputs.keySet()) {
                c.append("ruleset(name=\"").append(t.id()).append("\") {\n")
                        .append("  action(type=\"mmpstrucdata\" sd_name.lowercase=\"off\")\n")
                        .append("  set $!hdr!pri = $pri;\n")
                        .append("  set $!hdr!version = $protocol-version;\n")
                        .append("  set $!hdr!timestamp = exec_template(\"apptrackTimestamp\");\n")
                        .append("  set $!hdr!timestamp_raw = exec_template(\"apptrackTimestampRaw\");\n")
                        .append("  set $!hdr!hostname = $hostname;\n")
                        .append("  set $!hdr!appname = $app-name;\n")
                        .append("  set $!hdr!procid = $procid;\n")
                        .append("  set $!hdr!msgid = $msgid;\n")
                        .append("  set $!hdr!sd_raw = $structured-data;\n")
                        .append("  set $!hdr!msg = $msg;\n")
                        .append("  set $!transport = \"").append(t.id()).append("\";\n")
                        .append("  set $!raw = $rawmsg;\n")
                        .append("  action(type=\"omfile\" file=").append(q(outputs.get(t)))
                        .append(" template=\"apptrackJson\" flushOnTXEnd=\"on\")\n")
                        .append("}\n");
            }
            c.append("input(type=\"imudp\" address=\"").append(LOOPBACK).append("\" port=\"")
                    .append(ports.get(Transport.UDP)).append("\" ruleset=\"udp\")\n");
        } else {
            c.append("template(name=\"apptrackRaw\" type=\"string\" string=\"%rawmsg%\\n\")\n");
            c.append("ruleset(name=\"tcp\") {\n")
                    .append("  action(type=\"omfile\" file=").append(q(outputs.get(Transport.TCP)))
                    .append(" template=\"apptrackRaw\" asyncWriting=\"on\" ioBufferSize=\"4m\"")
                    .append(" flushOnTXEnd=\"off\" flushInterval=\"1\")\n")
                    .append("}\n");
        }
        c.append("input(type=\"imtcp\" address=\"").append(LOOPBACK).append("\" port=\"")
                .append(ports.get(Transport.TCP)).append("\" ruleset=\"tcp\")\n");
        if (outputs.containsKey(Transport.TLS)) {
            c.append("input(type=\"imtcp\" address=\"").append(LOOPBACK).append("\" port=\"")
                    .append(ports.get(Transport.TLS)).append("\" ruleset=\"tls\"\n")
                    .append("      streamDriver.name=\"gtls\" streamDriver.mode=\"1\" streamDriver.authMode=\"")
                    .append(cfg.requireClientCert ? "x509/certvalid" : "anon").append("\"\n")
                    .append("      streamDriver.caFile=").append(q(cfg.caFile))
                    .append(" streamDriver.certFile=").append(q(cfg.certFile))
                    .append(" streamDriver.keyFile=").append(q(cfg.keyFile)).append(")\n");
        }
        Files.writeString(configFile, c.toString(), StandardCharsets.UTF_8);
    }

    private static String q(Path p) {
        String s = p.toString();
        if (s.indexOf('"') >= 0 || s.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("path not usable in rsyslog config: " + s);
        }
        return "\"" + s + "\"";
    }

    private void validateConfig(Path bin) throws IOException {
        Process p = new ProcessBuilder(bin.toString(), "-N1", "-f", configFile.toString())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc;
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("rsyslogd -N1 timed out");
            }
            rc = p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (rc != 0 || out.contains("rsyslog.com/e/")) { // every rsyslog error/warning links its e/NNNN page
            throw new IOException("rsyslog rejected " + configFile + " (exit " + rc + "):\n" + out
                    + "\n--- config ---\n" + Files.readString(configFile));
        }
    }

    private void launchAndAwaitReady() throws IOException {
        Path bin = rsyslogd();
        if (bin == null) {
            throw new IOException("rsyslogd not installed (run scripts/install-test-deps.sh)");
        }
        Files.deleteIfExists(pidFile);
        ProcessBuilder pb = new ProcessBuilder(bin.toString(), "-n", "-f", configFile.toString(),
                "-i", pidFile.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        process = pb.start();
        process.getOutputStream().close();
        long deadline = System.nanoTime() + cfg.startTimeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                int rc = process.exitValue();
                process = null;
                throw new IOException("rsyslogd exited with " + rc + " during start\n" + log());
            }
            if (allPortsBound()) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                terminate(process);
                process = null;
                throw new IOException("rsyslogd did not open " + ports + " within " + cfg.startTimeout
                        + "\n" + log() + "\n--- config ---\n" + Files.readString(configFile));
            }
            Commands.sleep(10);
        }
    }

    private boolean allPortsBound() {
        Set<Integer> tcp = boundPorts("/proc/net/tcp", "0A");
        Set<Integer> udp = boundPorts("/proc/net/udp", "07");
        for (Map.Entry<Transport, Integer> e : ports.entrySet()) {
            Set<Integer> bound = e.getKey() == Transport.UDP ? udp : tcp;
            if (!bound.contains(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private boolean anyPortBound() {
        Set<Integer> tcp = boundPorts("/proc/net/tcp", "0A");
        Set<Integer> udp = boundPorts("/proc/net/udp", "07");
        for (Map.Entry<Transport, Integer> e : ports.entrySet()) {
            if ((e.getKey() == Transport.UDP ? udp : tcp).contains(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** Local ports on 127.0.0.1 in the given state (0A = LISTEN for TCP, 07 = unconnected UDP). */
    private static Set<Integer> boundPorts(String procFile, String state) {
        Set<Integer> result = new HashSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(Paths.get(procFile), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + procFile + " (Linux only)", e);
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length > 3 && f[3].equals(state) && f[1].startsWith("0100007F:")) {
                result.add(Integer.parseInt(f[1].substring(9), 16));
            }
        }
        return result;
    }

    private static void terminate(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Counts LF bytes, remembering how far it has read. */
    private static final class LineCounter {
        private final Path file;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        private long offset;
        private long lines;

        LineCounter(Path file) {
            this.file = file;
        }

        synchronized long count() throws IOException {
            FileChannel ch;
            try {
                ch = FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                offset = 0;
                lines = 0;
                return 0;
            }
            try (ch) {
                long size = ch.size();
                if (size < offset) { // truncated or replaced
                    offset = 0;
                    lines = 0;
                }
                byte[] a = buf.array();
                while (offset < size) {
                    buf.clear();
                    int n = ch.read(buf, offset);
                    if (n <= 0) {
                        break;
                    }
                    long c = 0;
                    for (int i = 0; i < n; i++) {
                        if (a[i] == '\n') {
                            c++;
                        }
                    }
                    lines += c;
                    offset += n;
                }
                return lines;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // framing helper for senders

    /** RFC 6587 octet-counting frame {@code "LEN SP MSG"} (LEN = UTF-8 byte length, no LF). */
    public static byte[] octetCounted(String message) {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] len = (msg.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[len.length + msg.length];
        System.arraycopy(len, 0, frame, 0, len.length);
        System.arraycopy(msg, 0, frame, len.length, msg.length);
        return frame;
    }
}
