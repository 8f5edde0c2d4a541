package org.apptrack.appqoe.steer.linux;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Records commands with their input; answers with what {@code answer} makes of the command (default: success). */
final class RecordingCommandRunner implements CommandRunner {

    /** One command and what was fed to it. */
    static final class Run {
        final List<String> command;
        final String input;

        Run(List<String> command, String input) {
            this.command = command;
            this.input = input;
        }

        String line() {
            return String.join(" ", command);
        }

        @Override
        public String toString() {
            return line() + " <<\n" + input;
        }
    }

    interface Answer {
        CommandOutput answer(List<String> command) throws IOException;
    }

    final List<Run> runs = new ArrayList<>();
    Answer answer = c -> new CommandOutput(0, "");

    static RecordingCommandRunner answering(Function<List<String>, CommandOutput> f) {
        RecordingCommandRunner r = new RecordingCommandRunner();
        r.answer = f::apply;
        return r;
    }

    @Override
    public CommandOutput run(List<String> command, String input) throws IOException {
        runs.add(new Run(command, input));
        return answer.answer(command);
    }

    List<Run> nft() {
        List<Run> out = new ArrayList<>();
        for (Run r : runs) {
            if (r.command.get(0).equals("nft")) {
                out.add(r);
            }
        }
        return out;
    }

    Run last() {
        return runs.get(runs.size() - 1);
    }
}
