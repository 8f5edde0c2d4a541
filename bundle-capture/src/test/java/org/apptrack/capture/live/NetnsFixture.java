package org.apptrack.capture.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace joined to the root namespace by a veth pair, for live-capture tests:
 * {@code hostIf} (root namespace, {@code 10.99.N.1/24}, {@code fd00:99:N::1/64}) and
 * {@code nsIf} inside namespace {@code ns} ({@code .2}, {@code ::2}). Names and the subnet N are
 * unique per instance; {@link #close()} removes everything (also from a shutdown hook, so a
 * killed test run does not leave interfaces behind).
 */
final class NetnsFixture implements AutoCloseable {

    final String ns;
    final String hostIf;
    final String nsIf;
    final int subnet;
    final String hostV4;
    final String nsV4;
    final String hostV6;
    final String nsV6;
    private final Thread shutdownHook;
    private volatile boolean closed;

    private NetnsFixture(String suffix, int subnet) {
        this.ns = "apptrack-" + suffix;
        this.hostIf = "atv" + suffix + "h";
        this.nsIf = "atv" + suffix + "n";
        this.subnet = subnet;
        this.hostV4 = "10.99." + subnet + ".1";
        this.nsV4 = "10.99." + subnet + ".2";
        this.hostV6 = "fd00:99:" + Integer.toHexString(subnet) + "::1";
        this.nsV6 = "fd00:99:" + Integer.toHexString(subnet) + "::2";
        this.shutdownHook = new Thread(this::close, "netns-cleanup-" + suffix);
    }

    /** Whether this process runs as root (uid 0). */
    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0"); // effective uid
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Whether an executable is on the PATH. */
    static boolean hasCommand(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** Creates the namespace, the veth pair and the addresses. */
    static NetnsFixture create() throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int subnet = 0;
        for (int attempt = 0; attempt < 50 && subnet == 0; attempt++) {
            int candidate = random.nextInt(10, 250);
            if (run(Duration.ofSeconds(10), "ip", "-4", "route", "show", "10.99." + candidate + ".0/24")
                    .output.isBlank()) {
                subnet = candidate;
            }
        }
        if (subnet == 0) {
            throw new IOException("no free 10.99.N.0/24 subnet");
        }
        String suffix = String.format("%05x", random.nextInt(1 << 20));
        NetnsFixture f = new NetnsFixture(suffix, subnet);
        Runtime.getRuntime().addShutdownHook(f.shutdownHook);
        boolean ok = false;
        try {
            f.must("ip", "netns", "add", f.ns);
            f.must("ip", "link", "add", f.hostIf, "type", "veth", "peer", "name", f.nsIf, "netns", f.ns);
            // no router solicitations / autoconf noise on the test link
            f.must("sysctl", "-q", "-w", "net.ipv6.conf." + f.hostIf + ".accept_ra=0");
            f.must("ip", "addr", "add", f.hostV4 + "/24", "dev", f.hostIf);
            f.must("ip", "-6", "addr", "add", f.hostV6 + "/64", "dev", f.hostIf, "nodad");
            f.must("ip", "link", "set", f.hostIf, "up");
            f.must("ip", "-n", f.ns, "link", "set", "lo", "up");
            f.must("ip", "-n", f.ns, "addr", "add", f.nsV4 + "/24", "dev", f.nsIf);
            f.must("ip", "-n", f.ns, "-6", "addr", "add", f.nsV6 + "/64", "dev", f.nsIf, "nodad");
            f.must("ip", "-n", f.ns, "link", "set", f.nsIf, "up");
            f.waitForCarrier();
            ok = true;
            return f;
        } finally {
            if (!ok) {
                f.close();
            }
        }
    }

    private void waitForCarrier() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String state = run(Duration.ofSeconds(5), "cat", "/sys/class/net/" + hostIf + "/operstate").output.trim();
            if (state.equals("up")) {
                return;
            }
            sleep(50);
        }
        throw new IOException(hostIf + " did not come up");
    }

    /** Runs a command inside the namespace. */
    Result inNs(Duration timeout, String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(Arrays.asList(command));
        return run(timeout, full.toArray(new String[0]));
    }

    /** Runs a command and fails unless it exits with 0. */
    Result must(String... command) throws IOException {
        Result r = run(Duration.ofSeconds(30), command);
        if (r.exit != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + r.exit + "): " + r.output);
        }
        return r;
    }

    /** Runs a command (stdout and stderr merged) with a timeout, killing it when it expires. */
    static Result run(Duration timeout, String... command) throws IOException {
        return run(timeout, true, command);
    }

    /** Runs a command with a timeout; stderr is merged into the output or discarded. */
    static Result run(Duration timeout, boolean withStderr, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (withStderr) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Process p = builder.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), out), "out-" + command[0]);
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                reader.join(1000);
                return new Result(-1, "timed out after " + timeout + ": " + out.toString(StandardCharsets.UTF_8));
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        synchronized (out) {
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
        }
    }

    static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills what runs in the namespace, deletes the veth pair and the namespace. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Result pids = run(Duration.ofSeconds(10), "ip", "netns", "pids", ns);
            for (String pid : pids.output.split("\\s+")) {
                if (pid.matches("\\d+")) {
                    run(Duration.ofSeconds(5), "kill", "-9", pid);
                }
            }
            run(Duration.ofSeconds(10), "ip", "link", "del", hostIf);
            run(Duration.ofSeconds(10), "ip", "netns", "del", ns);
        } catch (IOException e) {
            throw new UncheckedIOException("cleanup of " + ns + " failed", e);
        } finally {
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway and finds closed == true
                }
            }
        }
    }

    /** Exit code and merged output of a command. */
    static final class Result {
        final int exit;
        final String output;

        Result(int exit, String output) {
            this.exit = exit;
            this.output = output;
        }

        @Override
        public String toString() {
            return "exit " + exit + ": " + output;
        }
    }
}
