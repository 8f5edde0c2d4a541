package org.apptrack.appqoe.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path judged by one SLA rule: met, violated (with the reason bits 1 rtt, 2 jitter, 4 loss) or
 * dead, and the targets of the rule's metrics profile.
 */
public final class SlaState {

    private final String slaRule;
    private final String metricsProfile;
    private final boolean met;
    private final boolean dead;
    private final int violationReason;
    private final long violationSinceMillis;
    private final SlaTargets targets;

    public SlaState(String slaRule, String metricsProfile, boolean met, boolean dead, int violationReason,
            long violationSinceMillis) {
        this(slaRule, metricsProfile, met, dead, violationReason, violationSinceMillis, null);
    }

    /** @param targets the metrics profile's targets, null when unknown */
    public SlaState(String slaRule, String metricsProfile, boolean met, boolean dead, int violationReason,
            long violationSinceMillis, SlaTargets targets) {
        this.slaRule = Objects.requireNonNull(slaRule);
        this.metricsProfile = Objects.requireNonNull(metricsProfile);
        this.met = met;
        this.dead = dead;
        this.violationReason = violationReason;
        this.violationSinceMillis = violationSinceMillis;
        this.targets = targets;
    }

    /** The targets the path is judged against, null when unknown. */
    public SlaTargets targets() {
        return targets;
    }

    public String slaRule() {
        return slaRule;
    }

    public String metricsProfile() {
        return metricsProfile;
    }

    public boolean met() {
        return met;
    }

    public boolean dead() {
        return dead;
    }

    /** ViolationReason bits, 0 when met. */
    public int violationReason() {
        return violationReason;
    }

    /** The violated metrics by name ({@code rtt}, {@code jitter}, {@code loss}, in that order), empty when none. */
    public List<String> violations() {
        List<String> names = new ArrayList<>(3);
        if ((violationReason & 1) != 0) {
            names.add("rtt");
        }
        if ((violationReason & 2) != 0) {
            names.add("jitter");
        }
        if ((violationReason & 4) != 0) {
            names.add("loss");
        }
        return names;
    }

    /** Wall-clock milliseconds since the violation began, 0 when met. */
    public long violationSinceMillis() {
        return violationSinceMillis;
    }

    /** {@code met}, {@code violated} or {@code dead}, as the console shows it. */
    public String state() {
        return dead ? "dead" : met ? "met" : "violated";
    }
}
