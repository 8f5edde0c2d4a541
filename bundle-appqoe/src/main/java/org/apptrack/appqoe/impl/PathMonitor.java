package org.apptrack.appqoe.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apptrack.api.time.Clock;
import org.apptrack.appqoe.api.PeriodFigures;
import org.apptrack.appqoe.api.SlaState;
import org.apptrack.appqoe.api.SlaTargets;
import org.apptrack.appqoe.config.PathConfig;
import org.apptrack.appqoe.metrics.PeriodMetrics;
import org.apptrack.appqoe.sla.MatchMode;
import org.apptrack.appqoe.sla.MetricsProfile;
import org.apptrack.appqoe.sla.SlaEvaluator;
import org.apptrack.appqoe.sla.SlaEvent;
import org.apptrack.appqoe.sla.SlaListener;
import org.apptrack.appqoe.sla.SlaRule;

/**
 * One path of a destination group and its SLA evaluators, one per SLA rule that judges the path,
 * each fed by the probe session of its rule's active probe parameters. Probe results arrive on
 * I/O threads and the selector reads on the worker: every access holds this monitor's lock, which
 * only one probe session and the worker ever contend for.
 */
final class PathMonitor {

    private final PathConfig config;
    private final MonitorEvents events;
    private final Map<String, SlaEvaluator> byRule = new LinkedHashMap<>();
    private final Map<String, List<SlaEvaluator>> byProbe = new LinkedHashMap<>();
    private final Map<String, Long> violationSinceMillis = new LinkedHashMap<>();
    private final Clock wallClock;
    /** The last period the first rule closed, with its end time: what the history records once per period. */
    private PeriodFigures lastPeriod = PeriodFigures.NONE;

    PathMonitor(PathConfig config, MonitorEvents events, Clock wallClock) {
        this.config = config;
        this.events = events;
        this.wallClock = wallClock;
    }

    PathConfig config() {
        return config;
    }

    /** Adds the evaluator of an SLA rule fed by the probe session of {@code probeParams}. */
    synchronized void judgeBy(SlaRule rule, String probeParams) {
        if (byRule.containsKey(rule.name())) {
            return;
        }
        PathMonitor self = this;
        boolean first = byRule.isEmpty();
        SlaEvaluator evaluator = new SlaEvaluator(config.id(), rule, new SlaListener() {
            @Override
            public void event(SlaEvent event) {
                events.slaEvent(self, event);
            }

            @Override
            public void periodClosed(String path, SlaRule r, PeriodMetrics period) {
                if (first) {
                    lastPeriod = figures(period, wallClock.currentTimeMillis());
                }
                events.periodClosed(self, r, period.copy());
            }
        });
        byRule.put(rule.name(), evaluator);
        byProbe.computeIfAbsent(probeParams, p -> new ArrayList<>()).add(evaluator);
    }

    synchronized void answered(String probeParams, long nowNanos, long rttMicros, long forwardMicros,
            long backwardMicros, boolean oneWay) {
        for (SlaEvaluator e : byProbe.getOrDefault(probeParams, Collections.emptyList())) {
            if (oneWay) {
                e.answered(nowNanos, rttMicros, forwardMicros, backwardMicros);
            } else {
                e.answered(nowNanos, rttMicros);
            }
        }
    }

    synchronized void lost(String probeParams, long nowNanos) {
        for (SlaEvaluator e : byProbe.getOrDefault(probeParams, Collections.emptyList())) {
            e.lost(nowNanos);
        }
    }

    /** Whether the rule's periods report the probe session (the first rule fed by it; the others see the same probes). */
    synchronized boolean reportsFor(String slaRule) {
        SlaEvaluator e = byRule.get(slaRule);
        for (List<SlaEvaluator> fed : byProbe.values()) {
            if (!fed.isEmpty() && fed.get(0) == e) {
                return true;
            }
        }
        return false;
    }

    /** Lets time pass: closes the sampling periods that ended. */
    synchronized void tick(long nowNanos) {
        for (SlaEvaluator e : byRule.values()) {
            e.tick(nowNanos);
        }
    }

    /** The path as the selector of {@code slaRule} sees it; met and healthy when no rule judges it. */
    synchronized PathSnapshot snapshot(String slaRule) {
        SlaEvaluator e = byRule.get(slaRule);
        if (e == null) {
            return new PathSnapshot(config.path(), true, false, 0, Long.MAX_VALUE);
        }
        return new PathSnapshot(config.path(), e.slaMet(), e.dead(), e.metricsMet(), e.scoreMicros());
    }

    synchronized void noteViolation(String slaRule, long sinceMillis) {
        if (sinceMillis == 0) {
            violationSinceMillis.remove(slaRule);
        } else {
            violationSinceMillis.put(slaRule, sinceMillis);
        }
    }

    synchronized List<SlaState> slaStates() {
        List<SlaState> states = new ArrayList<>();
        for (SlaEvaluator e : byRule.values()) {
            states.add(new SlaState(e.rule().name(), e.rule().profile().name(), e.slaMet(), e.dead(),
                    e.violationReason() | (e.dead() ? org.apptrack.appqoe.sla.ViolationReason.LOSS : 0),
                    violationSinceMillis.getOrDefault(e.rule().name(), 0L), targets(e.rule().profile())));
        }
        return states;
    }

    /**
     * The last closed period of the first rule judging the path (all rules see the same probes),
     * as it was reported when it closed.
     */
    synchronized PeriodFigures lastPeriod() {
        return lastPeriod;
    }

    /** The current period so far of {@code slaRule} (what a violation log reports). */
    synchronized PeriodMetrics currentPeriod(String slaRule) {
        SlaEvaluator e = byRule.get(slaRule);
        return e == null ? null : e.metrics().currentPeriod().copy();
    }

    static PeriodFigures figures(PeriodMetrics m, long endMillis) {
        return new PeriodFigures(m.rttMeanMicros(), m.rttP95Micros(), m.twoWayJitterMicros(),
                m.ingressJitterMicros(), m.egressJitterMicros(), m.answered(), m.lost(),
                m.hasLossVerdict() ? m.lossPercent() : -1, endMillis);
    }

    static SlaTargets targets(MetricsProfile profile) {
        String jitterType;
        switch (profile.jitterType()) {
            case INGRESS:
                jitterType = "ingress";
                break;
            case EGRESS:
                jitterType = "egress";
                break;
            default:
                jitterType = "two-way";
        }
        return new SlaTargets(profile.rttMicros(), profile.jitterMicros(), jitterType, profile.lossPercent(),
                profile.match() == MatchMode.ALL ? "all" : "any");
    }
}
