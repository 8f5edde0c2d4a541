package org.apptrack.capture.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apptrack.testsupport.process.CommandResult;
import org.apptrack.testsupport.process.Commands;

/** tcpdump writing a nanosecond pcap file as the reference recording, and tshark to read it back. */
final class Tcpdump implements AutoCloseable {

    private static final Pattern KERNEL_DROPS = Pattern.compile("(\\d+) packets? dropped by kernel");

    private final Process process;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final Path file;
    private Thread stderrReader;

    private Tcpdump(Process process, Path file) {
        this.process = process;
        this.file = file;
    }

    /** Starts tcpdump and returns once it is listening. */
    static Tcpdump start(String iface, String filter, Path file) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-i", iface, "-n", "-U", "--immediate-mode", "-s", "0", "-Z", "root",
                "--time-stamp-precision=nano", "-w", file.toString()));
        cmd.add(filter);
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Tcpdump t = new Tcpdump(p, file);
        t.stderrReader = Commands.drain(p.getErrorStream(), t.stderr, "tcpdump-stderr");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!t.stderr().contains("listening on")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("tcpdump did not start: " + t.stderr());
            }
            Commands.sleep(20);
        }
        return t;
    }

    String stderr() {
        return Commands.text(stderr);
    }

    /** Stops tcpdump (SIGTERM, so it flushes) and returns the kernel drops it reported. */
    long stop() throws IOException {
        process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the stderr pipe
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("tcpdump did not stop: " + stderr());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        try {
            stderrReader.join(5000); // the summary is the last thing tcpdump writes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Matcher m = KERNEL_DROPS.matcher(stderr());
        if (!m.find()) {
            throw new IOException("no tcpdump summary (exit " + process.exitValue() + "): " + stderr());
        }
        return Long.parseLong(m.group(1));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    /** One packet as tshark dissects it. */
    static final class Packet {
        final long timestampNanos;
        final int length;
        final String protocol;

        Packet(long timestampNanos, int length, String protocol) {
            this.timestampNanos = timestampNanos;
            this.length = length;
            this.protocol = protocol;
        }

        @Override
        public String toString() {
            return protocol + "@" + timestampNanos + "/" + length;
        }
    }

    /** Reads a capture file with tshark (time, length and protocol of every packet, in order). */
    static List<Packet> tshark(Path file) throws IOException {
        CommandResult r = Commands.run(Duration.ofSeconds(120), false, "tshark", "-n", "-r", file.toString(),
                "-T", "fields", "-E", "occurrence=f", "-E", "separator=,",
                "-e", "frame.time_epoch", "-e", "frame.len", "-e", "eth.type", "-e", "ip.proto", "-e", "ipv6.nxt");
        if (r.exit() != 0) {
            throw new IOException("tshark failed: " + r);
        }
        if (r.output().isBlank()) {
            throw new IOException("tshark printed nothing for " + file + " (" + java.nio.file.Files.size(file)
                    + " bytes): " + Commands.run(Duration.ofSeconds(60), "tshark", "-n", "-r", file.toString()));
        }
        List<Packet> packets = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            String[] f = line.split(",", -1);
            if (f.length != 5 || !f[0].matches("\\d+\\.\\d+")) {
                continue; // e.g. tshark's "running as root" warning
            }
            String[] t = f[0].split("\\.");
            String frac = (t[1] + "000000000").substring(0, 9);
            long ts = Long.parseLong(t[0]) * 1_000_000_000L + Long.parseLong(frac);
            packets.add(new Packet(ts, Integer.parseInt(f[1]), CapturedFrame.classify(f[2], f[3], f[4].trim())));
        }
        return packets;
    }
}
