package org.apptrack.appqoe.impl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apptrack.appqoe.config.ApbrRuleConfig;
import org.apptrack.appqoe.config.DestinationGroupConfig;
import org.apptrack.appqoe.config.SlaRuleConfig;
import org.apptrack.appqoe.select.PathSelector;

/**
 * The sessions of one application under one APBR rule, and the path they take: Junos chooses the
 * best path per application and rule, not per session, so every session of the application
 * follows one selector (and moves with it, unless existing sessions are configured to stay).
 */
final class ApplicationSelection {

    final String profile;
    final ApbrRuleConfig rule;
    final String application;
    final DestinationGroupConfig group;
    /** Null for a rule without an SLA rule: the selector ranks by priority only. */
    final SlaRuleConfig sla;
    final PathSelector selector;
    final Map<Long, SteeredFlow> flows = new LinkedHashMap<>();
    String lastReason = "";
    long lastSwitchMillis;
    /** The path the last switch left (null before one) and when, on the runtime's monotonic clock. */
    String lastSwitchFrom;
    long lastSwitchNanos;
    long violationStartMillis;

    ApplicationSelection(String profile, ApbrRuleConfig rule, String application, DestinationGroupConfig group,
            SlaRuleConfig sla, PathSelector selector) {
        this.profile = profile;
        this.rule = rule;
        this.application = application;
        this.group = group;
        this.sla = sla;
        this.selector = selector;
    }

    String slaRuleName() {
        return sla == null ? "" : sla.name();
    }

    int steeredCount() {
        int n = 0;
        for (SteeredFlow f : flows.values()) {
            if (f.steered) {
                n++;
            }
        }
        return n;
    }

    static String key(String profile, String rule, String application) {
        return profile + '\u0000' + rule + '\u0000' + application;
    }
}
