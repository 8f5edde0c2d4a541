package org.apptrack.stockkaraf;

/** One run of {@code bin/client}: the commands it ran, its exit code ({@code -1}: killed after the timeout) and output. */
record ClientResult(String commands, int exitCode, String output) {

    /** The output, or an {@link AssertionError} naming the commands when the client failed (Karaf's "Error executing command"). */
    String ok() {
        if (exitCode != 0 || output.contains("Error executing command")) {
            throw new AssertionError("bin/client failed (exit " + exitCode + ") running: " + commands + "\n" + output);
        }
        return output;
    }
}
