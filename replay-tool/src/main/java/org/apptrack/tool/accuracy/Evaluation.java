package org.apptrack.tool.accuracy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replays every capture of labelled sets and judges each nDPI flow against our session for it;
 * keeps every outcome and the tallies by capture and by set.
 */
final class Evaluation {

    /** One capture: its flows' tally, how many sessions we made, and why it could not be read (or null). */
    record CaptureResult(String set, String file, Tally tally, int sessions, String error) {
    }

    /** One set: its tally and its captures. */
    record SetResult(String name, Path directory, Tally tally, List<CaptureResult> captures, List<String> warnings) {
    }

    private final ApplicationNames names;
    private final CaptureReplay replay;
    private final List<FlowOutcome> outcomes = new ArrayList<>();
    private final List<SetResult> sets = new ArrayList<>();

    Evaluation(ApplicationNames names, CaptureReplay replay) {
        this.names = names;
        this.replay = replay;
    }

    /** Replays the set's captures in {@code flows.tsv} order and judges their flows. */
    SetResult evaluate(LabelledSet set) throws IOException {
        Tally setTally = new Tally();
        List<CaptureResult> captures = new ArrayList<>();
        for (Map.Entry<String, List<LabelledFlow>> e : set.byCapture().entrySet()) {
            Path file = set.capture(e.getKey());
            CaptureReplay.Result r = Files.isRegularFile(file) ? replay.replay(file)
                    : new CaptureReplay.Result(List.of(), 0, "no such file: " + file, false);
            Tally tally = new Tally();
            for (FlowOutcome o : judge(e.getValue(), r)) {
                outcomes.add(o);
                tally.add(o);
            }
            setTally.addAll(tally);
            captures.add(new CaptureResult(set.name(), e.getKey(), tally, r.sessions().size(), r.error()));
        }
        SetResult result = new SetResult(set.name(), set.directory(), setTally, captures, set.warnings());
        sets.add(result);
        return result;
    }

    /** The flows of one capture against the sessions its replay made. */
    List<FlowOutcome> judge(List<LabelledFlow> flows, CaptureReplay.Result capture) {
        FlowMatcher matcher = new FlowMatcher(capture.sessions());
        List<FlowOutcome> judged = new ArrayList<>(flows.size());
        for (LabelledFlow f : flows) {
            FlowMatch m = matcher.match(f);
            judged.add(FlowOutcome.judge(f, names.expect(f.master(), f.app()), m,
                    m.missing() ? MissingCause.of(f, capture) : null));
        }
        return judged;
    }

    List<FlowOutcome> outcomes() {
        return outcomes;
    }

    List<SetResult> sets() {
        return sets;
    }

    /** Every set together. */
    Tally total() {
        Tally t = new Tally();
        for (SetResult s : sets) {
            t.addAll(s.tally());
        }
        return t;
    }
}
