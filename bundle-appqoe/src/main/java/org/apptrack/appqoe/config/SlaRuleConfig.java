package org.apptrack.appqoe.config;

import java.time.Duration;
import java.util.Set;
import org.apptrack.appqoe.sla.SlaRule;

/**
 * Junos {@code sla-rule}: the evaluator's {@link SlaRule} (metrics profile, passive sampling period,
 * violation count, recovery periods) plus what the evaluator does not carry: the active probe
 * parameters (null: passive only), the share of sessions sampled passively and the switch idle
 * time during which a path switch is held.
 */
public final class SlaRuleConfig {

    static final Set<String> FIELDS = Set.of("metricsProfile", "activeProbeParams", "passive.samplingPercentage",
            "passive.samplingPeriod", "passive.violationCount", "switchIdleTime", "recoveryPeriods");

    public static final int DEFAULT_SAMPLING_PERCENTAGE = 5;
    public static final int DEFAULT_SAMPLING_PERIOD_SECONDS = 10;
    public static final int DEFAULT_VIOLATION_COUNT = 3;
    public static final Duration DEFAULT_SWITCH_IDLE_TIME = Duration.ofSeconds(30);

    private final SlaRule rule;
    private final ActiveProbeConfig activeProbe;
    private final int samplingPercentage;
    private final Duration switchIdleTime;

    SlaRuleConfig(SlaRule rule, ActiveProbeConfig activeProbe, int samplingPercentage, Duration switchIdleTime) {
        this.rule = rule;
        this.activeProbe = activeProbe;
        this.samplingPercentage = samplingPercentage;
        this.switchIdleTime = switchIdleTime;
    }

    public String name() {
        return rule.name();
    }

    /** What the SLA evaluator judges. */
    public SlaRule rule() {
        return rule;
    }

    /** The active probe parameters (logged as active-probe-params), null when the rule only samples passively. */
    public ActiveProbeConfig activeProbe() {
        return activeProbe;
    }

    /** Junos passive-probe-params sampling-percentage: share of the rule's sessions measured passively, 1-100. */
    public int samplingPercentage() {
        return samplingPercentage;
    }

    /** Junos switch-idle-time: after a path switch, no further switch for this long. */
    public Duration switchIdleTime() {
        return switchIdleTime;
    }

    public long switchIdleTimeNanos() {
        return switchIdleTime.toNanos();
    }

    @Override
    public String toString() {
        return rule + (activeProbe == null ? "" : " active-probe-params " + activeProbe.name())
                + " sampling " + samplingPercentage + "% switch-idle-time " + Durations.format(switchIdleTime);
    }
}
