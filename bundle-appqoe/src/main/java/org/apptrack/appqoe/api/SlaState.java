package org.apptrack.appqoe.api;

import java.util.Objects;

/** A path judged by one SLA rule: met, violated (with the reason bits 1 rtt, 2 jitter, 4 loss) or dead. */
public final class SlaState {

    private final String slaRule;
    private final String metricsProfile;
    private final boolean met;
    private final boolean dead;
    private final int violationReason;
    private final long violationSinceMillis;

    public SlaState(String slaRule, String metricsProfile, boolean met, boolean dead, int violationReason,
            long violationSinceMillis) {
        this.slaRule = Objects.requireNonNull(slaRule);
        this.metricsProfile = Objects.requireNonNull(metricsProfile);
        this.met = met;
        this.dead = dead;
        this.violationReason = violationReason;
        this.violationSinceMillis = violationSinceMillis;
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

    /** Wall-clock milliseconds since the violation began, 0 when met. */
    public long violationSinceMillis() {
        return violationSinceMillis;
    }

    /** {@code met}, {@code violated} or {@code dead}, as the console shows it. */
    public String state() {
        return dead ? "dead" : met ? "met" : "violated";
    }
}
