package org.apptrack.appqoe.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of AppQoE ({@code etc/org.apptrack.appqoe.cfg}): the fixed keys, and in the
 * descriptions the named objects' dotted keys, which Metatype cannot list. {@link AppQoeSettings#parse}
 * validates everything and names the key it rejects.
 */
@ObjectClassDefinition(id = AppQoeSettings.PID, name = "AppQoE",
        description = "Application quality of experience (Junos security advance-policy-based-routing): probes each"
                + " uplink, judges it against SLA rules and steers each application to its best path. Durations are"
                + " a whole number with ms, s, m or h (a bare number is seconds). Named objects are dotted keys:"
                + " pathGroup.G.routingInstance; pathGroup.G.path.P.interface|linkTag|priority|weight|sourceAddress|"
                + "reflector|gateway|connectPoint; activeProbe.PP.type|interval|count|burstSize|dataSize|dscp|"
                + "lossTimeout|url|slaExportInterval; metricsProfile.M.rtt|jitter|jitterType|loss|match;"
                + " slaRule.S.metricsProfile|activeProbeParams|passive.samplingPercentage|passive.samplingPeriod|"
                + "passive.violationCount|switchIdleTime|recoveryPeriods; apbrProfile.A.zone;"
                + " apbrProfile.A.rule.R.order|application|nestedApplication|sourceAddress|destinationAddress|"
                + "destinationPort|protocol|dscp|destinationGroup|slaRule|preferredLinkTag|affinity"
                + " (see the attributes below and etc/org.apptrack.appqoe.cfg).")
public @interface AppQoeConfigDefinition {

    @AttributeDefinition(name = "Enabled", description = "Run AppQoE. Off, the configuration is still validated.")
    boolean enabled() default false;

    @AttributeDefinition(name = "Steering actuator", description = "steering.actuator: none (measure and log only),"
            + " linux (ip rule, routing table and nftables mark per path) or onos (flow objectives to each path's"
            + " connectPoint, which every path then needs).")
    String steering_actuator() default "none";

    @AttributeDefinition(name = "Existing sessions", description = "steering.existingSessions: move (sessions follow"
            + " a path switch) or stay (they finish on their path; new sessions take the new one). Moving breaks"
            + " sessions whose uplinks have different source NAT.")
    String steering_existingSessions() default "stay";

    @AttributeDefinition(name = "Linux routing table base", description = "steering.linux.tableBase: path n uses"
            + " table base+n; 256 or more, clear of tables 253-255 (default, main, local).")
    int steering_linux_tableBase() default SteeringConfig.DEFAULT_TABLE_BASE;

    @AttributeDefinition(name = "Linux firewall mark base", description = "steering.linux.markBase: path n's sessions"
            + " carry mark base+n; the low 16 bits must be 0 (decimal or 0x hex).")
    String steering_linux_markBase() default "0x41510000";

    @AttributeDefinition(name = "Linux ip rule priority", description = "steering.linux.rulePriority: priority of"
            + " the first ip rule (one per path), before the main table's 32766.")
    int steering_linux_rulePriority() default SteeringConfig.DEFAULT_RULE_PRIORITY;

    @AttributeDefinition(name = "Destination path groups (description only)", required = false, description =
            "pathGroup.G.routingInstance (logged routing-instance, default 'default'); per path P:"
            + " pathGroup.G.path.P.interface (egress interface, logged destination-interface-name, required),"
            + " .linkTag (e.g. ISP1), .priority (1-255, lower preferred, default 1), .weight (1-255, default 1),"
            + " .sourceAddress (probe source on that uplink), .reflector (IP[:PORT] of the remote STAMP reflector,"
            + " port 862 by default), .gateway (Linux next hop), .connectPoint (ONOS egress, e.g."
            + " of:0000000000000001/3). Paths probed with STAMP need sourceAddress and reflector.")
    String pathGroup() default "";

    @AttributeDefinition(name = "Active probe parameters (description only)", required = false, description =
            "activeProbe.PP.type (stamp or http-head), .interval (between bursts, 10ms-60s, default 1s), .count"
            + " (Junos probe-count: resolved probes a measurement needs, 1-1000, default 5), .burstSize (1-64,"
            + " default 1), .dataSize (padding bytes 0-1400, default 0), .dscp (101110, ef, af11..af43, cs0..cs7,"
            + " be or 0-63; default 0), .lossTimeout (10ms-60s, default 1s), .url (http-head target, http or https),"
            + " .slaExportInterval (active SLA report interval, 1s-1h, default 60s).")
    String activeProbe() default "";

    @AttributeDefinition(name = "Metrics profiles (description only)", required = false, description =
            "metricsProfile.M.rtt (round-trip delay target, microseconds), .jitter (microseconds), .jitterType"
            + " (two-way, ingress-jitter or egress-jitter; default two-way), .loss (percent 0-100), .match (any or"
            + " all; default any). At least one target; 0 or absent is not judged.")
    String metricsProfile() default "";

    @AttributeDefinition(name = "SLA rules (description only)", required = false, description =
            "slaRule.S.metricsProfile (required), .activeProbeParams (absent: passive only),"
            + " .passive.samplingPercentage (1-100, default 5), .passive.samplingPeriod (2-60 s, default 10s),"
            + " .passive.violationCount (1-32, default 3), .switchIdleTime (0-1h, default 30s), .recoveryPeriods"
            + " (clean periods ending a violation, 1-60, default 2).")
    String slaRule() default "";

    @AttributeDefinition(name = "APBR profiles (description only)", required = false, description =
            "apbrProfile.A.zone (source zones, each in one profile only); rules in order (rule.R.order 1-65535,"
            + " rules without one after, by name): apbrProfile.A.rule.R.application (e.g. HTTP, YOUTUBE; matches the"
            + " application or nested application; any), .nestedApplication, .sourceAddress, .destinationAddress"
            + " (IPv4/IPv6 prefixes), .destinationPort (80, 8000-8080), .protocol (tcp, udp, ... or 0-255), .dscp,"
            + " then .destinationGroup (required), .slaRule, .preferredLinkTag, .affinity (strict or loose, default"
            + " loose). All criteria given must match.")
    String apbrProfile() default "";
}
