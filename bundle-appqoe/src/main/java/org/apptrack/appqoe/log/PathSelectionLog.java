package org.apptrack.appqoe.log;

import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_LINK_PRIORITY;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_LINK_TAG;
import static org.apptrack.appqoe.log.AppQoeField.FORWARDING_NEXTHOP_ID;
import static org.apptrack.appqoe.log.AppQoeField.PREVIOUS_INTERFACE;
import static org.apptrack.appqoe.log.AppQoeField.PREVIOUS_LINK_PRIORITY;
import static org.apptrack.appqoe.log.AppQoeField.PREVIOUS_LINK_TAG;
import static org.apptrack.appqoe.log.AppQoeField.REASON;
import static org.apptrack.appqoe.log.AppQoeField.SERVER_IP;
import static org.apptrack.appqoe.log.AppQoeField.SERVER_URL;
import static org.apptrack.appqoe.log.AppQoeField.SESSION_COUNT;
import static org.apptrack.appqoe.log.AppQoeField.VIOLATION_DURATION;

import org.apptrack.appqoe.select.SelectionReason;

/**
 * A best-path selection: what {@code APPQOE_APP_BEST_PATH_SELECTED} (per application) and
 * {@code APPQOE_BEST_PATH_SELECTED} (per session, with a {@link SessionInfo}) write. Immutable.
 * Defaults follow the 21.2R1 samples: {@code previous-interface}, link tags, active probe
 * parameters and {@code violation-duration} {@code N/A}, link priorities 0, {@code server-ip}
 * {@code 0.0.0.0}, {@code server-url} {@code N/A}.
 */
public final class PathSelectionLog {

    final AppQoeFieldValues values;
    final String logicalSystem;

    private PathSelectionLog(Builder b) {
        this.values = b.v.copy();
        this.logicalSystem = b.logicalSystem;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The reason text ({@code app detected}, {@code sla violated}, ...), or {@code null}. */
    public String reason() {
        return values.text(REASON);
    }

    /** Builds a {@link PathSelectionLog}; not thread-safe. */
    public static final class Builder extends RuleContextBuilder<Builder> {

        private Builder() {
        }

        /** The interface the traffic left ({@code N/A} when there was none: the application was just detected). */
        public Builder previousInterface(String name) {
            v.set(PREVIOUS_INTERFACE, name);
            return this;
        }

        /** The reason text, as Junos words it ({@code app detected}, {@code sla violated}, ...). */
        public Builder reason(String text) {
            v.set(REASON, text);
            return this;
        }

        public Builder reason(SelectionReason reason) {
            return reason(reason.logText());
        }

        /** How many sessions moved. */
        public Builder sessionCount(long count) {
            v.set(SESSION_COUNT, count);
            return this;
        }

        /** Seconds the previous path had been in violation; not set: {@code N/A} (no SLA metrics). */
        public Builder violationDurationSeconds(long seconds) {
            v.set(VIOLATION_DURATION, seconds);
            return this;
        }

        public Builder forwardingNextHopId(long id) {
            v.set(FORWARDING_NEXTHOP_ID, id);
            return this;
        }

        /** The SaaS server probed for the rule; {@code null}s leave {@code 0.0.0.0} and {@code N/A}. */
        public Builder server(String ip, String url) {
            v.set(SERVER_IP, ip).set(SERVER_URL, url);
            return this;
        }

        /** The previous link's tag ({@code null}: {@code N/A}) and priority (0 when there was none). */
        public Builder previousLink(String tag, long priority) {
            v.set(PREVIOUS_LINK_TAG, tag).set(PREVIOUS_LINK_PRIORITY, priority);
            return this;
        }

        public Builder destinationLink(String tag, long priority) {
            v.set(DESTINATION_LINK_TAG, tag).set(DESTINATION_LINK_PRIORITY, priority);
            return this;
        }

        public PathSelectionLog build() {
            return new PathSelectionLog(this);
        }
    }
}
