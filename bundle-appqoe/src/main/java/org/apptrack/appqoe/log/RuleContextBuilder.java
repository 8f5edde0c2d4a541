package org.apptrack.appqoe.log;

import static org.apptrack.appqoe.log.AppQoeField.ACTIVE_PROBE_PARAMS;
import static org.apptrack.appqoe.log.AppQoeField.APBR_PROFILE;
import static org.apptrack.appqoe.log.AppQoeField.APBR_RULE;
import static org.apptrack.appqoe.log.AppQoeField.APPLICATION;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_GROUP_NAME;
import static org.apptrack.appqoe.log.AppQoeField.DESTINATION_INTERFACE_NAME;
import static org.apptrack.appqoe.log.AppQoeField.GROUP_NAME;
import static org.apptrack.appqoe.log.AppQoeField.IP_DSCP;
import static org.apptrack.appqoe.log.AppQoeField.OTHER_APP;
import static org.apptrack.appqoe.log.AppQoeField.ROUTING_INSTANCE;
import static org.apptrack.appqoe.log.AppQoeField.SELECTION_CRITERIA;
import static org.apptrack.appqoe.log.AppQoeField.SLA_RULE;

import org.apptrack.syslog.api.LogRecord;

/**
 * The values every AppQoE message family shares: the APBR profile and rule, the application, the
 * path (routing instance, interface), the SLA rule and its probes, the DSCP. A message writes the
 * ones it has; text not given is {@code N/A}, numbers 0. Not thread-safe.
 *
 * @param <B> the concrete builder
 */
public abstract class RuleContextBuilder<B extends RuleContextBuilder<B>> {

    final AppQoeFieldValues v = new AppQoeFieldValues();
    String logicalSystem = LogRecord.ROOT_LOGICAL_SYSTEM;

    RuleContextBuilder() {
    }

    @SuppressWarnings("unchecked")
    final B self() {
        return (B) this;
    }

    /** The APBR profile ({@code apbr-profile}) and its rule ({@code apbr-rule}). */
    public B rule(String profile, String rule) {
        v.set(APBR_PROFILE, profile).set(APBR_RULE, rule);
        return self();
    }

    /**
     * The application: the rule's ({@code ANY} for an application-independent profile) in the
     * {@code APPQOE_APP_*} messages, the session's ({@code HTTP}) in the per-session ones.
     */
    public B application(String name) {
        v.set(APPLICATION, name);
        return self();
    }

    /** {@code other-app} of the {@code APPQOE_APP_*} messages. */
    public B otherApplication(String name) {
        v.set(OTHER_APP, name);
        return self();
    }

    /** The application group ({@code group-name}). */
    public B applicationGroup(String name) {
        v.set(GROUP_NAME, name);
        return self();
    }

    public B routingInstance(String name) {
        v.set(ROUTING_INSTANCE, name);
        return self();
    }

    /** The path's interface ({@code destination-interface-name}). */
    public B destinationInterface(String name) {
        v.set(DESTINATION_INTERFACE_NAME, name);
        return self();
    }

    public B slaRule(String name) {
        v.set(SLA_RULE, name);
        return self();
    }

    /** The active probe parameters; {@code null} ({@code N/A}) for a profile without SLA metrics. */
    public B activeProbeParams(String name) {
        v.set(ACTIVE_PROBE_PARAMS, name);
        return self();
    }

    public B destinationGroup(String name) {
        v.set(DESTINATION_GROUP_NAME, name);
        return self();
    }

    /** {@code ip-dscp} as Junos writes it (e.g. 255 where the rule matches any DSCP). */
    public B ipDscp(int value) {
        v.set(IP_DSCP, value);
        return self();
    }

    /** {@code selection-criteria}: {@code default} or {@code application} in the samples. */
    public B selectionCriteria(String criteria) {
        v.set(SELECTION_CRITERIA, criteria);
        return self();
    }

    /** The logical system; {@code null} or the root one (the default) for no {@code _LS} variant. */
    public B logicalSystem(String name) {
        this.logicalSystem = name == null ? LogRecord.ROOT_LOGICAL_SYSTEM : name;
        return self();
    }
}
