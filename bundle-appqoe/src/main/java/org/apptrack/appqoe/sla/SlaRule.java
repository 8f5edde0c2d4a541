package org.apptrack.appqoe.sla;

import java.util.Objects;

/**
 * Junos {@code sla-rule}: a metrics profile judged over passive sampling periods with a violation
 * count, plus the knobs of our evaluator Junos leaves implicit: how many resolved probes a period
 * needs before it may alarm or count as clean, and how many clean periods end a violation.
 */
public final class SlaRule {

    public static final int MIN_SAMPLING_PERIOD_SECONDS = 2;
    public static final int MAX_SAMPLING_PERIOD_SECONDS = 60;
    public static final int MIN_VIOLATION_COUNT = 1;
    public static final int MAX_VIOLATION_COUNT = 32;
    public static final int DEFAULT_RECOVERY_PERIODS = 2;

    private final String name;
    private final MetricsProfile profile;
    private final int samplingPeriodSeconds;
    private final int violationCount;
    private final int minSamplesPerPeriod;
    private final int recoveryPeriods;

    /**
     * @param samplingPeriodSeconds Junos passive {@code sampling-period}, 2-60 s
     * @param violationCount        Junos {@code violation-count}: bad samples in a period that
     *                              violate a metric, 1-32
     * @param minSamplesPerPeriod   resolved probes a period needs before it may alarm or count as
     *                              clean (also the loss verdict minimum); at least violationCount
     * @param recoveryPeriods       consecutive clean periods that end a violation, 1-60
     */
    public SlaRule(String name, MetricsProfile profile, int samplingPeriodSeconds, int violationCount,
                   int minSamplesPerPeriod, int recoveryPeriods) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("sla-rule name must not be empty");
        }
        Objects.requireNonNull(profile, "sla-rule " + name + ": metrics-profile");
        if (samplingPeriodSeconds < MIN_SAMPLING_PERIOD_SECONDS || samplingPeriodSeconds > MAX_SAMPLING_PERIOD_SECONDS) {
            throw new IllegalArgumentException("sla-rule " + name + ": sampling-period must be "
                    + MIN_SAMPLING_PERIOD_SECONDS + "-" + MAX_SAMPLING_PERIOD_SECONDS + " s, was " + samplingPeriodSeconds);
        }
        if (violationCount < MIN_VIOLATION_COUNT || violationCount > MAX_VIOLATION_COUNT) {
            throw new IllegalArgumentException("sla-rule " + name + ": violation-count must be "
                    + MIN_VIOLATION_COUNT + "-" + MAX_VIOLATION_COUNT + ", was " + violationCount);
        }
        if (minSamplesPerPeriod < violationCount) {
            throw new IllegalArgumentException("sla-rule " + name + ": min-samples-per-period must be at least violation-count ("
                    + violationCount + "), was " + minSamplesPerPeriod);
        }
        if (recoveryPeriods < 1 || recoveryPeriods > 60) {
            throw new IllegalArgumentException("sla-rule " + name + ": recovery-periods must be 1-60, was " + recoveryPeriods);
        }
        this.name = name;
        this.profile = profile;
        this.samplingPeriodSeconds = samplingPeriodSeconds;
        this.violationCount = violationCount;
        this.minSamplesPerPeriod = minSamplesPerPeriod;
        this.recoveryPeriods = recoveryPeriods;
    }

    /** A rule with the defaults for the evaluator's own knobs (10 samples, 2 recovery periods). */
    public SlaRule(String name, MetricsProfile profile, int samplingPeriodSeconds, int violationCount) {
        this(name, profile, samplingPeriodSeconds, violationCount, Math.max(10, violationCount), DEFAULT_RECOVERY_PERIODS);
    }

    public String name() {
        return name;
    }

    public MetricsProfile profile() {
        return profile;
    }

    public int samplingPeriodSeconds() {
        return samplingPeriodSeconds;
    }

    public long samplingPeriodNanos() {
        return samplingPeriodSeconds * 1_000_000_000L;
    }

    public int violationCount() {
        return violationCount;
    }

    public int minSamplesPerPeriod() {
        return minSamplesPerPeriod;
    }

    public int recoveryPeriods() {
        return recoveryPeriods;
    }

    @Override
    public String toString() {
        return "sla-rule " + name + " (" + profile.name() + ", sampling-period " + samplingPeriodSeconds
                + " s, violation-count " + violationCount + ")";
    }
}
