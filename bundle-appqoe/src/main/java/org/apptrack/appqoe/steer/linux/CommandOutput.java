package org.apptrack.appqoe.steer.linux;

/** Exit code and output (stdout and stderr together, bounded) of a command. */
public final class CommandOutput {

    /** The exit code of a command that was killed because it took too long. */
    public static final int TIMED_OUT = -1;

    private final int exit;
    private final String output;

    public CommandOutput(int exit, String output) {
        this.exit = exit;
        this.output = output == null ? "" : output;
    }

    public int exit() {
        return exit;
    }

    public boolean succeeded() {
        return exit == 0;
    }

    public String output() {
        return output;
    }

    @Override
    public String toString() {
        return "exit " + exit + ": " + output;
    }
}
