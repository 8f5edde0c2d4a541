package org.apptrack.appqoe.steer.linux;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands with {@link ProcessBuilder}: an optional prefix in front of every command (e.g.
 * {@code ip netns exec router} to steer inside a namespace/VRF, or {@code runuser -u nobody --}),
 * a timeout after which the command is killed and an output limit (a command that floods its
 * output must not fill the heap; what is kept is enough for an error message).
 */
public final class ProcessCommandRunner implements CommandRunner {

    private static final int DEFAULT_OUTPUT_LIMIT = 64 * 1024;

    private final List<String> prefix;
    private final Duration timeout;
    private final int outputLimit;

    public ProcessCommandRunner(List<String> prefix, Duration timeout, int outputLimit) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("command timeout must be positive, was " + timeout);
        }
        if (outputLimit < 256) {
            throw new IllegalArgumentException("command output limit must be at least 256 bytes, was " + outputLimit);
        }
        this.prefix = List.copyOf(prefix);
        this.timeout = timeout;
        this.outputLimit = outputLimit;
    }

    /** No prefix, 10 s timeout, 64 KiB output. */
    public static ProcessCommandRunner local() {
        return new ProcessCommandRunner(List.of(), Duration.ofSeconds(10), DEFAULT_OUTPUT_LIMIT);
    }

    /** Every command inside network namespace {@code namespace} ({@code ip netns exec NAMESPACE}). */
    public static ProcessCommandRunner inNamespace(String namespace) {
        return new ProcessCommandRunner(List.of("ip", "netns", "exec", namespace), Duration.ofSeconds(10),
                DEFAULT_OUTPUT_LIMIT);
    }

    public List<String> prefix() {
        return prefix;
    }

    @Override
    public CommandOutput run(List<String> command, String input) throws IOException {
        List<String> full = new ArrayList<>(prefix.size() + command.size());
        full.addAll(prefix);
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        if (input == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process process = builder.start();
        BoundedReader reader = new BoundedReader(process.getInputStream(), outputLimit);
        Thread readerThread = new Thread(reader, "appqoe-steer-" + command.get(0));
        readerThread.setDaemon(true);
        readerThread.start();
        try {
            if (input != null) {
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // the command exited before reading everything; its output says why
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
                readerThread.join(1000);
                return new CommandOutput(CommandOutput.TIMED_OUT, "timed out after " + timeout.toMillis() + " ms: "
                        + String.join(" ", full) + ": " + reader.text());
            }
            readerThread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + String.join(" ", full), e);
        }
        return new CommandOutput(process.exitValue(), reader.text());
    }

    /** Keeps the first {@code limit} bytes and reads (discards) the rest so the command never blocks. */
    private static final class BoundedReader implements Runnable {

        private final InputStream in;
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean truncated;

        BoundedReader(InputStream in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public void run() {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (kept) {
                        int room = limit - kept.size();
                        if (room > 0) {
                            kept.write(buf, 0, Math.min(room, n));
                        }
                        truncated |= n > room;
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        String text() {
            synchronized (kept) {
                String s = kept.toString(StandardCharsets.UTF_8);
                return truncated ? s + "...(output truncated)" : s;
            }
        }
    }
}
