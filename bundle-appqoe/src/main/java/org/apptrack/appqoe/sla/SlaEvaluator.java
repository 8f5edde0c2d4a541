package org.apptrack.appqoe.sla;

import java.util.Arrays;
import java.util.Objects;

import org.apptrack.appqoe.metrics.PathMetrics;
import org.apptrack.appqoe.metrics.PeriodMetrics;

/**
 * Judges one path against one SLA rule, probe result by probe result. A metric is violated when
 * its bad samples in the current sampling period reach the violation count (RTT: a sample above
 * target; jitter: the estimate of the profile's jitter type above target after a sample; loss:
 * the loss above target once enough probes resolved, at least violation-count probes lost, and
 * significantly so ({@link LossSignificance}). {@code match any} raises on any configured metric,
 * {@code all} on all of them.
 *
 * <p>Loss is judged on the current period pooled with up to {@value #POOLED_LOSS_PERIODS} closed
 * periods before it since the last violation or recovery: one period of 50 probes cannot tell 10%
 * loss from a 5% target, four can. Once violated, a period is clean on its own loss, so old
 * losses do not hold a recovered path down.
 *
 * <p>Fail fast, recover slowly: a violation is raised inside the period, the moment the count is
 * reached, but not before the evaluator's first period holds {@code minSamplesPerPeriod} resolved
 * probes (no alarm at start from one early sample). It ends after {@code recoveryPeriods} consecutive
 * clean periods, a clean period being one with enough samples and no violation. A dead path
 * (violation-count probes lost in a row) alarms at once with the loss bit, whatever the profile:
 * a blackout is not a statistical question.
 *
 * <p>Allocation-free per sample; only events allocate. Not thread-safe.
 */
public final class SlaEvaluator {

    private static final int RTT_WINDOW_CAPACITY = 1024;
    private static final int POOLED_LOSS_PERIODS = 3;

    private final String path;
    private final SlaRule rule;
    private final MetricsProfile profile;
    private final SlaListener listener;
    private final PathMetrics metrics;
    private final long periodNanos;
    private final int configured;

    private boolean started;
    private boolean warm;
    private long periodStart;
    private int rttBad;
    private int jitterBad;
    private int periodMask;
    private boolean violated;
    private int violationReason;
    private long violationStart;
    private int cleanPeriods;
    private final long[] pooledResolved = new long[POOLED_LOSS_PERIODS];
    private final long[] pooledLost = new long[POOLED_LOSS_PERIODS];
    private int pooledNext;

    public SlaEvaluator(String path, SlaRule rule, SlaListener listener) {
        this.path = Objects.requireNonNull(path, "path");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.profile = rule.profile();
        this.listener = Objects.requireNonNull(listener, "listener");
        this.metrics = new PathMetrics(RTT_WINDOW_CAPACITY, rule.minSamplesPerPeriod());
        this.periodNanos = rule.samplingPeriodNanos();
        this.configured = profile.configuredMask();
    }

    /** An answered probe with its RTT and one-way deltas (each on its own clocks), in microseconds. */
    public void answered(long nowNanos, long rttMicros, long forwardDeltaMicros, long backwardDeltaMicros) {
        advance(nowNanos);
        metrics.answered(rttMicros, forwardDeltaMicros, backwardDeltaMicros);
        judgeAnswer(rttMicros);
        evaluate(nowNanos);
    }

    /** An answered probe with an RTT only (HTTP HEAD): the one-way jitters stay unmeasured. */
    public void answered(long nowNanos, long rttMicros) {
        advance(nowNanos);
        metrics.answered(rttMicros);
        judgeAnswer(rttMicros);
        evaluate(nowNanos);
    }

    /** A probe whose loss timeout expired. */
    public void lost(long nowNanos) {
        advance(nowNanos);
        metrics.lost();
        evaluate(nowNanos);
    }

    /** Lets time pass without a probe result (closes periods that ended). */
    public void tick(long nowNanos) {
        advance(nowNanos);
    }

    public String path() {
        return path;
    }

    public SlaRule rule() {
        return rule;
    }

    public PathMetrics metrics() {
        return metrics;
    }

    /** Whether the path meets the rule: not in violation and not dead. */
    public boolean slaMet() {
        return !violated && !dead();
    }

    /** Violation-count probes lost in a row. */
    public boolean dead() {
        return metrics.consecutiveLost() >= rule.violationCount();
    }

    public boolean violated() {
        return violated;
    }

    /** The reason bits of the current violation, 0 when none. */
    public int violationReason() {
        return violated ? violationReason : 0;
    }

    /** How many configured metrics are not violated now (this period or the standing violation). */
    public int metricsMet() {
        return Integer.bitCount(configured & ~(periodMask | violationReason()));
    }

    /**
     * Lower is better: the last closed period's mean RTT plus its two-way jitter, or the current
     * period's when none closed yet; {@code Long.MAX_VALUE} without any measurement.
     */
    public long scoreMicros() {
        PeriodMetrics last = metrics.lastPeriod();
        if (last.rttMeanMicros() != PeriodMetrics.NOT_MEASURED) {
            return last.rttMeanMicros() + (last.twoWayJitterMicros() == PeriodMetrics.NOT_MEASURED ? 0 : last.twoWayJitterMicros());
        }
        return Long.MAX_VALUE;
    }

    private void judgeAnswer(long rttMicros) {
        if (profile.rttMicros() > 0 && rttMicros > profile.rttMicros()) {
            rttBad++;
        }
        if (profile.jitterMicros() > 0 && jitterOfProfileType() > profile.jitterMicros()) {
            jitterBad++;
        }
    }

    private double jitterOfProfileType() {
        switch (profile.jitterType()) {
            case INGRESS:
                return metrics.ingressJitterMicros();
            case EGRESS:
                return metrics.egressJitterMicros();
            default:
                return metrics.twoWayJitterMicros();
        }
    }

    private void evaluate(long nowNanos) {
        int vc = rule.violationCount();
        if (rttBad >= vc) {
            periodMask |= ViolationReason.RTT;
        }
        if (jitterBad >= vc) {
            periodMask |= ViolationReason.JITTER;
        }
        if ((periodMask & ViolationReason.LOSS) == 0 && profile.lossPercent() > 0 && lossAboveTarget(vc)) {
            periodMask |= ViolationReason.LOSS;
        }
        boolean dead = dead();
        if (violated) {
            return;
        }
        if (dead) {
            raise(periodMask | ViolationReason.LOSS, nowNanos);
        } else if (warmedUp() && violates(periodMask)) {
            raise(periodMask, nowNanos);
        }
    }

    private boolean lossAboveTarget(int violationCount) {
        long resolved = metrics.resolvedInPeriod();
        long lost = metrics.lostInPeriod();
        if (!violated) {
            for (int i = 0; i < POOLED_LOSS_PERIODS; i++) {
                resolved += pooledResolved[i];
                lost += pooledLost[i];
            }
        }
        return resolved >= rule.minSamplesPerPeriod() && lost >= violationCount
                && 100.0 * lost / resolved > profile.lossPercent()
                && LossSignificance.above(resolved, lost, profile.lossPercent());
    }

    private void forgetPooledLoss() {
        Arrays.fill(pooledResolved, 0);
        Arrays.fill(pooledLost, 0);
    }

    /**
     * Whether the evaluator has seen a period with enough samples. Only the first one waits for
     * them (no alarm at start from a few early samples); after that the violation count alone is
     * the evidence, so a step at the start of a period is declared as fast as one in its middle.
     */
    private boolean warmedUp() {
        if (!warm && metrics.resolvedInPeriod() >= rule.minSamplesPerPeriod()) {
            warm = true;
        }
        return warm;
    }

    private boolean violates(int mask) {
        int judged = mask & configured;
        return profile.match() == MatchMode.ALL ? judged == configured : judged != 0;
    }

    private void raise(int reason, long nowNanos) {
        violated = true;
        violationReason = reason;
        violationStart = nowNanos;
        cleanPeriods = 0;
        forgetPooledLoss();
        listener.event(new SlaEvent(SlaEvent.Type.VIOLATION, path, rule, reason, rttBad, jitterBad,
                metrics.lostInPeriod(), metrics.currentPeriod().copy(), 0, nowNanos));
    }

    private void advance(long nowNanos) {
        if (!started) {
            started = true;
            periodStart = nowNanos;
            return;
        }
        if (nowNanos - periodStart < periodNanos) {
            return;
        }
        closePeriod(periodStart + periodNanos);
        periodStart += periodNanos;
        long behind = (nowNanos - periodStart) / periodNanos;
        if (behind > 0) {
            // Whole periods without any probe result: not clean, and nothing to report.
            cleanPeriods = 0;
            forgetPooledLoss();
            metrics.closePeriod();
            periodStart += behind * periodNanos;
        }
    }

    private void closePeriod(long endNanos) {
        boolean clean = metrics.resolvedInPeriod() >= rule.minSamplesPerPeriod() && !violates(periodMask) && !dead();
        if (!violated) {
            pooledResolved[pooledNext] = metrics.resolvedInPeriod();
            pooledLost[pooledNext] = metrics.lostInPeriod();
            pooledNext = (pooledNext + 1) % POOLED_LOSS_PERIODS;
        }
        metrics.closePeriod();
        listener.periodClosed(path, rule, metrics.lastPeriod());
        int reason = violationReason;
        rttBad = 0;
        jitterBad = 0;
        periodMask = 0;
        if (!violated) {
            return;
        }
        if (!clean) {
            cleanPeriods = 0;
            return;
        }
        cleanPeriods++;
        if (cleanPeriods >= rule.recoveryPeriods()) {
            violated = false;
            violationReason = 0;
            cleanPeriods = 0;
            forgetPooledLoss();
            listener.event(new SlaEvent(SlaEvent.Type.RECOVERY, path, rule, reason, 0, 0, 0,
                    metrics.lastPeriod().copy(), endNanos - violationStart, endNanos));
        }
    }
}
