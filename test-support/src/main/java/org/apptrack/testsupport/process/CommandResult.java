package org.apptrack.testsupport.process;

/** The exit code and output of a command that ran ({@code -1}: it timed out and was killed). */
public final class CommandResult {

    private final int exit;
    private final String output;

    public CommandResult(int exit, String output) {
        this.exit = exit;
        this.output = output;
    }

    public int exit() {
        return exit;
    }

    public String output() {
        return output;
    }

    @Override
    public String toString() {
        return "exit " + exit + ": " + output;
    }
}
