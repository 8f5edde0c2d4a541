package org.apptrack.appqoe.config;

import java.util.Set;
import org.apptrack.appqoe.select.LinkPreference;

/**
 * One rule of an APBR profile: sessions that {@link ApbrMatch match} are steered over the
 * destination path group, judged by the SLA rule (null: by priority alone), preferring the link tag.
 */
public final class ApbrRuleConfig {

    static final Set<String> FIELDS = Set.of("order", "application", "nestedApplication", "sourceAddress",
            "destinationAddress", "destinationPort", "protocol", "dscp", "destinationGroup", "slaRule",
            "preferredLinkTag", "affinity");

    private final String profile;
    private final String name;
    private final int order;
    private final ApbrMatch match;
    private final DestinationGroupConfig destinationGroup;
    private final SlaRuleConfig slaRule;
    private final LinkPreference linkPreference;

    ApbrRuleConfig(String profile, String name, int order, ApbrMatch match, DestinationGroupConfig destinationGroup,
                   SlaRuleConfig slaRule, LinkPreference linkPreference) {
        this.profile = profile;
        this.name = name;
        this.order = order;
        this.match = match;
        this.destinationGroup = destinationGroup;
        this.slaRule = slaRule;
        this.linkPreference = linkPreference;
    }

    /** The APBR profile's name (logged as apbr-profile). */
    public String profile() {
        return profile;
    }

    /** Logged as apbr-rule. */
    public String name() {
        return name;
    }

    /** Evaluation order within the profile (lower first); Integer.MAX_VALUE when not configured (such rules follow, by name). */
    public int order() {
        return order;
    }

    public ApbrMatch match() {
        return match;
    }

    public DestinationGroupConfig destinationGroup() {
        return destinationGroup;
    }

    /** Null when the rule selects by priority and link preference without an SLA. */
    public SlaRuleConfig slaRule() {
        return slaRule;
    }

    public LinkPreference linkPreference() {
        return linkPreference;
    }

    @Override
    public String toString() {
        return "apbr-profile " + profile + " rule " + name + " (order " + order + ") " + match + " -> "
                + destinationGroup.name() + (slaRule == null ? "" : " sla-rule " + slaRule.name()) + " " + linkPreference;
    }
}
