package org.apptrack.appqoe.select;

/** What the selector needs to know about a path now. */
public interface PathState {

    Path path();

    /** Whether the path meets its SLA rule (always true for a rule without SLA metrics). */
    boolean slaMet();

    /** Whether every recent probe was lost: the path is not usable at all. */
    boolean dead();

    /** How many configured metrics are met (ranks paths that all miss the SLA). */
    int metricsMet();

    /** Lower is better, e.g. RTT plus jitter in microseconds; {@code Long.MAX_VALUE} when unknown. */
    long scoreMicros();
}
