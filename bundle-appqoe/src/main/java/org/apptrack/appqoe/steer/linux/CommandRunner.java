package org.apptrack.appqoe.steer.linux;

import java.io.IOException;
import java.util.List;

/**
 * Runs one command with optional standard input and returns its exit code and output; an
 * {@link IOException} when it could not be started (e.g. the binary is missing).
 * {@link ProcessCommandRunner} is the real one; tests give their own.
 */
public interface CommandRunner {

    /** Runs {@code command}, feeding {@code input} (may be null) to its standard input. */
    CommandOutput run(List<String> command, String input) throws IOException;
}
