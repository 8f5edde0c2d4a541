package org.apptrack.tool.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A flow's verdict in each figure, from what its label expects and the session that stands for it. */
class FlowOutcomeTest {

    private static LabelledFlow flow(String master, String app) {
        return new LabelledFlow("s", "f.pcap", 2, "TCP", 6, "10.0.0.1", 40000, "10.0.0.2", 443, 0, master, app, 1, 1,
                "", "", "");
    }

    private static FlowMatch session(String application, String nested, boolean confident) {
        return new FlowMatch(new SessionRecord(1, 6, "10.0.0.1", 40000, "10.0.0.2", 443, -1, 2, application, nested,
                confident), 1);
    }

    private static FlowOutcome judge(Expectation e, FlowMatch m) {
        return FlowOutcome.judge(flow("TLS", "YouTube"), e, m, "cause");
    }

    @Test
    void masterAndNestedAreJudgedSeparately() {
        Expectation e = new Expectation("SSL", "YOUTUBE", true);
        FlowOutcome both = judge(e, session("SSL", "YOUTUBE", true));
        assertEquals(Verdict.AGREE, both.verdict(Measure.MASTER));
        assertEquals(Verdict.AGREE, both.verdict(Measure.NESTED));
        assertEquals(Verdict.NOT_MEASURED, both.verdict(Measure.UNKNOWN));
        assertNull(both.missingCause());
        FlowOutcome masterOnly = judge(e, session("SSL", "UNKNOWN", true));
        assertEquals(Verdict.AGREE, masterOnly.verdict(Measure.MASTER));
        assertEquals(Verdict.DISAGREE, masterOnly.verdict(Measure.NESTED));
        FlowOutcome neither = judge(e, session("HTTP", "YOUTUBE", true));
        assertEquals(Verdict.DISAGREE, neither.verdict(Measure.MASTER));
        assertEquals(Verdict.AGREE, neither.verdict(Measure.NESTED));
    }

    @Test
    void aNestedNameThatIsNotMeasuredLeavesTheNestedFigureAlone() {
        FlowOutcome o = judge(new Expectation("DNS", "UNKNOWN", false), session("DNS", "FACEBOOK-ACCESS", true));
        assertEquals(Verdict.AGREE, o.verdict(Measure.MASTER));
        assertEquals(Verdict.NOT_MEASURED, o.verdict(Measure.NESTED));
    }

    @Test
    void aMissingFlowIsMissingInEveryFigureItCountsIn() {
        FlowOutcome o = judge(new Expectation("SSL", "YOUTUBE", true), FlowMatch.NONE);
        assertEquals(Verdict.MISSING, o.verdict(Measure.MASTER));
        assertEquals(Verdict.MISSING, o.verdict(Measure.NESTED));
        assertEquals("cause", o.missingCause());
        assertEquals("", o.application());
    }

    @Test
    void onAFlowNdpiCallsUnknownOnlyAConfidentNameDisagrees() {
        Expectation unknown = Expectation.ofUnknownFlow();
        assertEquals(Verdict.DISAGREE, judge(unknown, session("DNS", "UNKNOWN", true)).verdict(Measure.UNKNOWN));
        assertEquals(Verdict.AGREE, judge(unknown, session("UNKNOWN", "UNKNOWN", false)).verdict(Measure.UNKNOWN));
        assertEquals(Verdict.AGREE, judge(unknown, session("SSL", "UNKNOWN", false)).verdict(Measure.UNKNOWN),
                "a guessed name is not a confident one");
        FlowOutcome o = judge(unknown, session("DNS", "UNKNOWN", true));
        assertEquals(Verdict.NOT_MEASURED, o.verdict(Measure.MASTER));
        assertEquals(Verdict.NOT_MEASURED, o.verdict(Measure.NESTED));
    }
}
