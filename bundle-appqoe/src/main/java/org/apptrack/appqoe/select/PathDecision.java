package org.apptrack.appqoe.select;

import java.util.Objects;

/** A change of the active path: from previous (null at first) to chosen (null on session close). */
public final class PathDecision {

    private final String destinationGroup;
    private final Path previous;
    private final Path chosen;
    private final SelectionReason reason;
    private final long timeNanos;

    public PathDecision(String destinationGroup, Path previous, Path chosen, SelectionReason reason, long timeNanos) {
        this.destinationGroup = destinationGroup;
        this.previous = previous;
        this.chosen = chosen;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.timeNanos = timeNanos;
    }

    public String destinationGroup() {
        return destinationGroup;
    }

    /** The path before, null when the application was just detected. */
    public Path previous() {
        return previous;
    }

    /** The path now, null on session close. */
    public Path chosen() {
        return chosen;
    }

    public SelectionReason reason() {
        return reason;
    }

    public long timeNanos() {
        return timeNanos;
    }

    @Override
    public String toString() {
        return destinationGroup + ": " + (previous == null ? "-" : previous.name()) + " -> "
                + (chosen == null ? "-" : chosen.name()) + " (" + reason.logText() + ")";
    }
}
