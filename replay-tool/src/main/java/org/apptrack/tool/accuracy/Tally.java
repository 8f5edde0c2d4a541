package org.apptrack.tool.accuracy;

/** Counts of flows and verdicts, for a capture, a set or everything; the figures computed from them. */
final class Tally {

    private final long[][] counts = new long[Measure.values().length][Verdict.values().length];
    private long flows;
    private long missing;
    private long split;

    void add(FlowOutcome o) {
        flows++;
        if (o.match().missing()) {
            missing++;
        } else if (o.match().sessions() > 1) {
            split++;
        }
        for (Measure m : Measure.values()) {
            counts[m.ordinal()][o.verdict(m).ordinal()]++;
        }
    }

    void addAll(Tally other) {
        flows += other.flows;
        missing += other.missing;
        split += other.split;
        for (int m = 0; m < counts.length; m++) {
            for (int v = 0; v < counts[m].length; v++) {
                counts[m][v] += other.counts[m][v];
            }
        }
    }

    long flows() {
        return flows;
    }

    /** Flows we have no session for. */
    long missing() {
        return missing;
    }

    /** Flows we made several sessions of. */
    long split() {
        return split;
    }

    long count(Measure m, Verdict v) {
        return counts[m.ordinal()][v.ordinal()];
    }

    /** The flows that count in {@code m}, missing ones included. */
    long measured(Measure m) {
        return count(m, Verdict.AGREE) + count(m, Verdict.DISAGREE) + count(m, Verdict.MISSING);
    }

    /** The flows of {@code m} that we have a session for. */
    long matched(Measure m) {
        return count(m, Verdict.AGREE) + count(m, Verdict.DISAGREE);
    }
}
