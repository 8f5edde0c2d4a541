package org.apptrack.tool.accuracy;

import java.util.EnumMap;
import java.util.Map;

/**
 * One nDPI flow judged: what its label expects, the session of ours that stands for it, and a
 * {@link Verdict} per {@link Measure}.
 *
 * @param missingCause why we have no session for it; null when we have one
 */
record FlowOutcome(LabelledFlow flow, Expectation expected, FlowMatch match, String missingCause,
                   Map<Measure, Verdict> verdicts) {

    static FlowOutcome judge(LabelledFlow flow, Expectation expected, FlowMatch match, String missingCause) {
        Map<Measure, Verdict> v = new EnumMap<>(Measure.class);
        SessionRecord s = match.session();
        if (expected.unknownFlow()) {
            v.put(Measure.MASTER, Verdict.NOT_MEASURED);
            v.put(Measure.NESTED, Verdict.NOT_MEASURED);
            v.put(Measure.UNKNOWN, s == null ? Verdict.MISSING : s.confident() ? Verdict.DISAGREE : Verdict.AGREE);
        } else {
            v.put(Measure.MASTER, s == null ? Verdict.MISSING
                    : same(expected.application(), s.application()));
            v.put(Measure.NESTED, !expected.nestedMeasured() ? Verdict.NOT_MEASURED : s == null ? Verdict.MISSING
                    : same(expected.nested(), s.nestedApplication()));
            v.put(Measure.UNKNOWN, Verdict.NOT_MEASURED);
        }
        return new FlowOutcome(flow, expected, match, s == null ? missingCause : null, v);
    }

    private static Verdict same(String expected, String got) {
        return expected.equals(got) ? Verdict.AGREE : Verdict.DISAGREE;
    }

    Verdict verdict(Measure m) {
        return verdicts.get(m);
    }

    /** Our session's application, or empty when we have none. */
    String application() {
        return match.missing() ? "" : match.session().application();
    }

    String nestedApplication() {
        return match.missing() ? "" : match.session().nestedApplication();
    }
}
