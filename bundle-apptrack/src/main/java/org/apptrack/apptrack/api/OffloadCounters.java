package org.apptrack.apptrack.api;

/**
 * Offload mode's counters since the component started: what the node asked of the switches,
 * what they answered, and what it could not do (each such direction or poll stays counted by
 * packets, in packet-in mode).
 */
public final class OffloadCounters {

    /** The counters' values; a builder so that callers name what they set. */
    public static final class Builder {
        private final OffloadCounters c = new OffloadCounters();

        public Builder offloadedSessions(long v) {
            c.offloadedSessions = v;
            return this;
        }

        public Builder trackedRules(long v) {
            c.trackedRules = v;
            return this;
        }

        public Builder requests(long v) {
            c.requests = v;
            return this;
        }

        public Builder rulesInstalled(long v) {
            c.rulesInstalled = v;
            return this;
        }

        public Builder forwardingRulesUsed(long v) {
            c.forwardingRulesUsed = v;
            return this;
        }

        public Builder rulesRemoved(long v) {
            c.rulesRemoved = v;
            return this;
        }

        public Builder rulesFailed(long v) {
            c.rulesFailed = v;
            return this;
        }

        public Builder noForwardingDecision(long v) {
            c.noForwardingDecision = v;
            return this;
        }

        public Builder endPunts(long v) {
            c.endPunts = v;
            return this;
        }

        public Builder polls(long v) {
            c.polls = v;
            return this;
        }

        public Builder pollFailures(long v) {
            c.pollFailures = v;
            return this;
        }

        public Builder sessionsAdopted(long v) {
            c.sessionsAdopted = v;
            return this;
        }

        public Builder sessionsHandedOver(long v) {
            c.sessionsHandedOver = v;
            return this;
        }

        public Builder workDropped(long v) {
            c.workDropped = v;
            return this;
        }

        public OffloadCounters build() {
            return c;
        }
    }

    private long offloadedSessions;
    private long trackedRules;
    private long requests;
    private long rulesInstalled;
    private long forwardingRulesUsed;
    private long rulesRemoved;
    private long rulesFailed;
    private long noForwardingDecision;
    private long endPunts;
    private long polls;
    private long pollFailures;
    private long sessionsAdopted;
    private long sessionsHandedOver;
    private long workDropped;

    private OffloadCounters() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sessions counted by the switches now (one or both directions). */
    public long offloadedSessions() {
        return offloadedSessions;
    }

    /** Flow rules whose counters are read now (AppTrack's own and the forwarding's exact ones). */
    public long trackedRules() {
        return trackedRules;
    }

    /** Session directions handed to offload once classified. */
    public long requests() {
        return requests;
    }

    /** Per-session flow rules AppTrack installed. */
    public long rulesInstalled() {
        return rulesInstalled;
    }

    /** Directions counted by the forwarding's own exact 5-tuple rule instead of installing one. */
    public long forwardingRulesUsed() {
        return forwardingRulesUsed;
    }

    /** Counted rules the switches removed (idle timeout, or at the connection's end) with their final counts. */
    public long rulesRemoved() {
        return rulesRemoved;
    }

    /** Per-session rules the switch or ONOS refused: their directions stay counted by packets. */
    public long rulesFailed() {
        return rulesFailed;
    }

    /** Directions left in packet-in mode because no forwarding rule decided their path after the retries. */
    public long noForwardingDecision() {
        return noForwardingDecision;
    }

    /** Ends of offloaded connections shown by a punted TCP FIN or RST. */
    public long endPunts() {
        return endPunts;
    }

    /** Reads of the rules' statistics. */
    public long polls() {
        return polls;
    }

    /** Reads of the rules' statistics that failed (the next one catches up: the counts are totals). */
    public long pollFailures() {
        return pollFailures;
    }

    /** Sessions taken over from another node when a device's mastership came here. */
    public long sessionsAdopted() {
        return sessionsAdopted;
    }

    /** Sessions left to another node when it became a device's master. */
    public long sessionsHandedOver() {
        return sessionsHandedOver;
    }

    /** Work the offload worker's bounded queue refused (a direction left in packet-in mode, or a poll skipped). */
    public long workDropped() {
        return workDropped;
    }
}
