package org.apptrack.testsupport.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands for tests: with a timeout after which the command is killed, its output read on a
 * thread of its own (a command that fills the pipe must not hang the test).
 */
public final class Commands {

    private Commands() {
    }

    /** Runs {@code command} (stdout and stderr merged) with a timeout, killing it when it expires. */
    public static CommandResult run(Duration timeout, String... command) throws IOException {
        return run(timeout, true, command);
    }

    /** As {@link #run(Duration, String...)}. */
    public static CommandResult run(Duration timeout, List<String> command) throws IOException {
        return run(timeout, true, command.toArray(new String[0]));
    }

    /** Runs a command with a timeout; stderr is merged into the output or discarded. */
    public static CommandResult run(Duration timeout, boolean withStderr, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (withStderr) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Process p = builder.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = drain(p.getInputStream(), out, "out-" + command[0]);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                reader.join(1000);
                return new CommandResult(-1, "timed out after " + timeout + ": " + String.join(" ", command) + ": "
                        + text(out));
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
        return new CommandResult(p.exitValue(), text(out));
    }

    /** As {@link #run(Duration, String...)}, but an exit code other than 0 is an {@link IOException} with the output. */
    public static CommandResult must(Duration timeout, String... command) throws IOException {
        CommandResult r = run(timeout, command);
        if (r.exit() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + r.exit() + "): " + r.output());
        }
        return r;
    }

    /**
     * Copies {@code in} into {@code out} on a daemon thread until the stream ends (the process
     * exited); {@code out} is locked while written, so read it under {@code synchronized (out)}
     * or through {@link #text(ByteArrayOutputStream)}.
     */
    public static Thread drain(InputStream in, ByteArrayOutputStream out, String threadName) {
        Thread t = new Thread(() -> copy(in, out), threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** What {@link #drain} has collected so far, as UTF-8. */
    public static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Thread.sleep for code that cannot throw InterruptedException: an interrupt ends the test. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
