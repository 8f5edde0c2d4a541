package org.apptrack.testsupport.prereq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What this machine offers a test: root, commands on the PATH (and in the sbin folders, where
 * Debian puts ip and tcpdump), a command that runs, libpcap. Only looks; what a missing one means
 * for the test is {@link Prerequisites}' business.
 */
public final class Host {

    /** How long {@link #commandRuns} lets a command take (tshark's first start reads its plugins). */
    private static final long RUN_SECONDS = 60;
    private static final List<String> SBIN = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");
    /** Where Debian (and others) keep shared libraries. */
    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
            "/usr/local/lib");
    private static final Map<List<String>, Boolean> RUNS = new ConcurrentHashMap<>();

    private Host() {
    }

    /** Whether this process runs as root (effective uid 0). */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Where the executable {@code name} is: on the PATH or in the sbin and bin folders. */
    public static Optional<Path> command(String name) {
        List<String> dirs = new ArrayList<>(Arrays.asList(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(SBIN);
        for (String dir : dirs) {
            if (!dir.isEmpty()) {
                Path p = Paths.get(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the executable {@code name} is installed ({@link #command(String)}). */
    public static boolean hasCommand(String name) {
        return command(name).isPresent();
    }

    /**
     * Whether {@code command} (e.g. {@code tshark -v}) starts and exits with 0 within a minute;
     * remembered per command line, as a tool does not come and go during a test run.
     */
    public static boolean commandRuns(String... command) {
        return RUNS.computeIfAbsent(List.of(command), Host::runs);
    }

    private static boolean runs(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the shared library libpcap (Debian {@code libpcap0.8}) is installed, looked up as files. */
    public static boolean hasLibpcap() {
        for (String dir : LIBRARY_DIRS) {
            for (String name : List.of("libpcap.so.0.8", "libpcap.so.1", "libpcap.so")) {
                if (Files.exists(Paths.get(dir, name))) {
                    return true;
                }
            }
        }
        return false;
    }
}
