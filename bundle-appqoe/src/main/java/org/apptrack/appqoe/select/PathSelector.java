package org.apptrack.appqoe.select;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses the active path of one destination group for one rule. The best path by
 * {@link PathRanking}, among those the link preference allows, is taken when the application is
 * detected; after that the selector moves only when the current path violates its SLA and a
 * compliant one exists, or when a path ranks higher on SLA, preferred tag or priority (which is
 * how loose affinity returns to the preferred tag). Every switch holds the decision for
 * switch-idle-time, so a path hovering around its target cannot make traffic flap; only a dead
 * current path (or one removed from the group) is left at once.
 */
public final class PathSelector {

    private final String destinationGroup;
    private final LinkPreference preference;
    private final long switchIdleTimeNanos;
    private final Comparator<PathState> ranking;
    private final Comparator<PathState> worthSwitching;

    private Path current;
    private long lastSwitchNanos;

    public PathSelector(String destinationGroup, LinkPreference preference, long switchIdleTimeNanos) {
        this.destinationGroup = Objects.requireNonNull(destinationGroup, "destination-group");
        this.preference = Objects.requireNonNull(preference, "link-preference");
        if (switchIdleTimeNanos < 0) {
            throw new IllegalArgumentException("switch-idle-time must be >= 0, was " + switchIdleTimeNanos + " ns");
        }
        this.switchIdleTimeNanos = switchIdleTimeNanos;
        this.ranking = PathRanking.comparator(preference);
        this.worthSwitching = PathRanking.coarse(preference);
    }

    /** The active path, empty before the first selection and after session close. */
    public Optional<Path> current() {
        return Optional.ofNullable(current);
    }

    /** Re-evaluates the group; a decision only when the active path changes. */
    public Optional<PathDecision> select(long nowNanos, List<? extends PathState> paths) {
        PathState best = null;
        PathState currentState = null;
        for (PathState s : paths) {
            if (current != null && s.path().name().equals(current.name())) {
                currentState = s;
            }
            if (preference.allows(s.path()) && (best == null || ranking.compare(s, best) < 0)) {
                best = s;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        if (current == null) {
            return switchTo(best, SelectionReason.APP_DETECTED, nowNanos);
        }
        if (best.path().name().equals(current.name())) {
            return Optional.empty();
        }
        boolean currentGone = currentState == null || !preference.allows(currentState.path());
        if (currentGone || currentState.dead()) {
            return best.dead() && !currentGone ? Optional.empty() : switchTo(best, SelectionReason.SLA_VIOLATED, nowNanos);
        }
        if (nowNanos - lastSwitchNanos < switchIdleTimeNanos) {
            return Optional.empty();
        }
        if (!currentState.slaMet()) {
            return best.slaMet() ? switchTo(best, SelectionReason.SLA_VIOLATED, nowNanos) : Optional.empty();
        }
        if (worthSwitching.compare(best, currentState) < 0) {
            return switchTo(best, SelectionReason.SWITCH_TO_HIGHER_PRIORITY, nowNanos);
        }
        return Optional.empty();
    }

    /** The application's session closed: the selection ends. */
    public Optional<PathDecision> sessionClosed(long nowNanos) {
        if (current == null) {
            return Optional.empty();
        }
        PathDecision d = new PathDecision(destinationGroup, current, null, SelectionReason.SESSION_CLOSE, nowNanos);
        current = null;
        return Optional.of(d);
    }

    private Optional<PathDecision> switchTo(PathState best, SelectionReason reason, long nowNanos) {
        PathDecision d = new PathDecision(destinationGroup, current, best.path(), reason, nowNanos);
        current = best.path();
        // The first choice is not a switch: a path that violates right after the application
        // appeared is left at once; only switches hold the decision.
        lastSwitchNanos = reason == SelectionReason.APP_DETECTED ? nowNanos - switchIdleTimeNanos : nowNanos;
        return Optional.of(d);
    }
}
