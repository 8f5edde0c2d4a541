package org.apptrack.appqoe.select;

import java.util.Comparator;

/**
 * The order of paths, best first: alive before dead, SLA met, preferred link tag, priority (lower
 * first), metrics met (more first), score (lower first), weight (higher first), and the path name
 * so that equal paths always rank the same way.
 */
final class PathRanking {

    private PathRanking() {
    }

    static Comparator<PathState> comparator(LinkPreference preference) {
        return Comparator.<PathState, Boolean>comparing(PathState::dead)
                .thenComparing(s -> !s.slaMet())
                .thenComparing(s -> !preference.prefers(s.path()))
                .thenComparingInt(s -> s.path().priority())
                .thenComparing(s -> -s.metricsMet(), Comparator.naturalOrder())
                .thenComparingLong(PathState::scoreMicros)
                .thenComparing(s -> -s.path().weight(), Comparator.naturalOrder())
                .thenComparing(s -> s.path().name());
    }

    /**
     * The part of the order worth leaving a compliant path for: SLA, preferred tag, priority.
     * Metrics and score only rank paths; moving on them would flap between near-equal paths.
     */
    static Comparator<PathState> coarse(LinkPreference preference) {
        return Comparator.<PathState, Boolean>comparing(PathState::dead)
                .thenComparing(s -> !s.slaMet())
                .thenComparing(s -> !preference.prefers(s.path()))
                .thenComparingInt(s -> s.path().priority());
    }
}
