package org.apptrack.appqoe.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apptrack.appqoe.sla.MetricsProfile;

/**
 * A validated AppQoE configuration (Junos {@code security advance-policy-based-routing}), immutable.
 * Maps are in name order; every cross-reference is resolved to the object it names.
 */
public final class AppQoeConfig {

    /** Nothing configured, AppQoE off. */
    public static final AppQoeConfig DISABLED = new AppQoeConfig(false, Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), SteeringConfig.DEFAULTS);

    private final boolean enabled;
    private final Map<String, DestinationGroupConfig> destinationGroups;
    private final Map<String, ActiveProbeConfig> activeProbes;
    private final Map<String, MetricsProfile> metricsProfiles;
    private final Map<String, SlaRuleConfig> slaRules;
    private final Map<String, ApbrProfileConfig> apbrProfiles;
    private final Map<String, ApbrProfileConfig> profileByZone;
    private final SteeringConfig steering;

    @SuppressWarnings("checkstyle:ParameterNumber")
    AppQoeConfig(boolean enabled, Map<String, DestinationGroupConfig> destinationGroups,
                 Map<String, ActiveProbeConfig> activeProbes, Map<String, MetricsProfile> metricsProfiles,
                 Map<String, SlaRuleConfig> slaRules, Map<String, ApbrProfileConfig> apbrProfiles,
                 SteeringConfig steering) {
        this.enabled = enabled;
        this.destinationGroups = frozen(destinationGroups);
        this.activeProbes = frozen(activeProbes);
        this.metricsProfiles = frozen(metricsProfiles);
        this.slaRules = frozen(slaRules);
        this.apbrProfiles = frozen(apbrProfiles);
        Map<String, ApbrProfileConfig> byZone = new LinkedHashMap<>();
        for (ApbrProfileConfig p : apbrProfiles.values()) {
            for (String zone : p.zones()) {
                byZone.put(zone, p);
            }
        }
        this.profileByZone = frozen(byZone);
        this.steering = steering;
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Whether AppQoE runs; off, a configuration is still validated but nothing is probed or steered. */
    public boolean enabled() {
        return enabled;
    }

    public Map<String, DestinationGroupConfig> destinationGroups() {
        return destinationGroups;
    }

    public Map<String, ActiveProbeConfig> activeProbes() {
        return activeProbes;
    }

    public Map<String, MetricsProfile> metricsProfiles() {
        return metricsProfiles;
    }

    public Map<String, SlaRuleConfig> slaRules() {
        return slaRules;
    }

    public Map<String, ApbrProfileConfig> apbrProfiles() {
        return apbrProfiles;
    }

    /** The APBR profile of sessions from this source zone, or null. */
    public ApbrProfileConfig profileForZone(String sourceZone) {
        return profileByZone.get(sourceZone);
    }

    public SteeringConfig steering() {
        return steering;
    }

    @Override
    public String toString() {
        return "appqoe " + (enabled ? "enabled" : "disabled") + ": " + destinationGroups.size() + " destination path groups, "
                + activeProbes.size() + " active-probe-params, " + metricsProfiles.size() + " metrics profiles, "
                + slaRules.size() + " SLA rules, " + apbrProfiles.size() + " APBR profiles, " + steering;
    }
}
