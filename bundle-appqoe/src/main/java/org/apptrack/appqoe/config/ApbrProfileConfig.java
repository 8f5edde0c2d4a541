package org.apptrack.appqoe.config;

import java.util.List;
import java.util.Set;

/**
 * Junos {@code advance-policy-based-routing profile}: rules evaluated in order for sessions whose
 * source zone is one of the profile's zones (Junos security-zone advance-policy-based-routing-profile).
 */
public final class ApbrProfileConfig {

    static final Set<String> FIELDS = Set.of("zone");

    private final String name;
    private final List<String> zones;
    private final List<ApbrRuleConfig> rules;
    private final ApbrRuleConfig[] ruleArray;

    ApbrProfileConfig(String name, List<String> zones, List<ApbrRuleConfig> rules) {
        this.name = name;
        this.zones = List.copyOf(zones);
        this.rules = List.copyOf(rules);
        this.ruleArray = rules.toArray(new ApbrRuleConfig[0]);
    }

    public String name() {
        return name;
    }

    /** The source zones the profile applies to. */
    public List<String> zones() {
        return zones;
    }

    /** In evaluation order. */
    public List<ApbrRuleConfig> rules() {
        return rules;
    }

    /** The first rule that matches the session, or null; allocates nothing (see {@link ApbrMatch#matches}). */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public ApbrRuleConfig firstMatch(String application, String nestedApplication, int protocol, long sourceHigh,
                                     long sourceLow, long destinationHigh, long destinationLow, int destinationPort,
                                     int dscp) {
        for (ApbrRuleConfig r : ruleArray) {
            if (r.match().matches(application, nestedApplication, protocol, sourceHigh, sourceLow, destinationHigh,
                    destinationLow, destinationPort, dscp)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "apbr-profile " + name + " zones " + zones + " " + rules.size() + " rules";
    }
}
