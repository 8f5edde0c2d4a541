package org.apptrack.stockkaraf;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A stock Apache Karaf, unpacked from its release archive into a folder of its own and run as a
 * separate process ({@code bin/karaf daemon}, which {@code exec}s the JVM, so the process handle is
 * Karaf's JVM itself), driven through {@code bin/client} over SSH on loopback. Closing it stops
 * Karaf (SIGTERM, then SIGKILL); a shutdown hook does the same if the test JVM ends first.
 */
final class StockKaraf implements AutoCloseable {

    static final String USER = "karaf";
    static final String PASSWORD = "karaf";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path home;
    private final int sshPort = freePort();
    private final int httpPort = freePort();
    private Process process;
    private Thread killer;
    private int clientRuns;

    private StockKaraf(Path home) {
        this.home = home;
    }

    /** Unpacks {@code archive} (a Karaf release .tar.gz, top folder apache-karaf-VERSION) into an empty {@code workDir}. */
    static StockKaraf unpack(Path archive, String version, Path workDir) throws IOException, InterruptedException {
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", workDir.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("tar.out").toFile()).start();
        if (!tar.waitFor(2, TimeUnit.MINUTES) || tar.exitValue() != 0) {
            tar.destroyForcibly();
            throw new IOException("tar could not unpack " + archive + ": "
                    + Files.readString(workDir.resolve("tar.out")));
        }
        Path home = workDir.resolve("apache-karaf-" + version);
        if (!Files.isExecutable(home.resolve("bin/karaf"))) {
            throw new IOException(archive + " holds no " + home.getFileName() + "/bin/karaf");
        }
        return new StockKaraf(home);
    }

    Path home() {
        return home;
    }

    Path etc(String name) {
        return home.resolve("etc").resolve(name);
    }

    int sshPort() {
        return sshPort;
    }

    int httpPort() {
        return httpPort;
    }

    /**
     * Ports that do not collide with other Karaf instances on this machine: SSH and HTTP on free
     * ports, JMX (RMI registry and server) too. Stock Karaf already binds JMX to 127.0.0.1.
     */
    void useFreePorts() throws IOException {
        new PropertiesFile(etc("org.apache.karaf.shell.cfg")).set("sshPort", Integer.toString(sshPort));
        new PropertiesFile(etc("org.ops4j.pax.web.cfg")).set("org.osgi.service.http.port", Integer.toString(httpPort));
        new PropertiesFile(etc("org.apache.karaf.management.cfg"))
                .set("rmiRegistryPort", Integer.toString(freePort()))
                .set("rmiServerPort", Integer.toString(freePort()));
    }

    /** Starts Karaf in the background with {@code javaHome}; its console output goes to {@code karaf.out} beside it. */
    void start(Path javaHome) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "daemon")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolveSibling("karaf.out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        process = builder.start();
        killer = new Thread(this::kill, "stop-stock-karaf");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Runs console commands through {@code bin/client -b} (one per line on its standard input, as
     * the README shows) and returns the exit code and output, Karaf's colours removed.
     */
    ClientResult client(Duration timeout, String... commands) throws IOException, InterruptedException {
        int run = ++clientRuns;
        Path in = home.resolveSibling("client-" + run + ".in");
        Path out = home.resolveSibling("client-" + run + ".out");
        Files.write(in, List.of(commands), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(),
                "-h", "127.0.0.1", "-a", Integer.toString(sshPort), "-u", USER, "-p", PASSWORD, "-b")
                .redirectErrorStream(true)
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = builder.start();
        boolean ended = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", "");
        return new ClientResult(String.join("; ", commands), ended ? p.exitValue() : -1, output);
    }

    /** Waits until the console answers and the boot features have started (start level 100). */
    void awaitStarted(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ClientResult last = null;
        while (System.nanoTime() < deadline) {
            if (!isRunning()) {
                throw new IllegalStateException("Karaf ended with exit code " + process.exitValue() + ": " + console());
            }
            last = client(Duration.ofSeconds(30), "system:start-level");
            if (last.exitCode() == 0 && last.output().contains("Level 100")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Karaf did not start within " + timeout + "; last answer: " + last
                + "; console: " + console());
    }

    /** What Karaf wrote to its console (standard output and error). */
    String console() throws IOException {
        Path out = home.resolveSibling("karaf.out");
        return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() {
        kill();
        if (killer != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(all::add);
        }
        for (Path p : all) {
            Files.delete(p);
        }
    }
}
