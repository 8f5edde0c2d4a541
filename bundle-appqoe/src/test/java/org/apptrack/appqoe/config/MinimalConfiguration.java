package org.apptrack.appqoe.config;

import java.util.HashMap;
import java.util.Map;

/** A small valid configuration that tests change one key of. */
final class MinimalConfiguration {

    private MinimalConfiguration() {
    }

    static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("enabled", "true");
        p.put("pathGroup.g1.path.a.interface", "eth1");
        p.put("pathGroup.g1.path.a.linkTag", "ISP1");
        p.put("pathGroup.g1.path.a.sourceAddress", "192.0.2.2");
        p.put("pathGroup.g1.path.a.reflector", "203.0.113.1:8620");
        p.put("pathGroup.g1.path.b.interface", "eth2");
        p.put("pathGroup.g1.path.b.linkTag", "ISP2");
        p.put("pathGroup.g1.path.b.sourceAddress", "198.51.100.2");
        p.put("pathGroup.g1.path.b.reflector", "203.0.113.1");
        p.put("activeProbe.pp1.type", "stamp");
        p.put("metricsProfile.m1.rtt", "100000");
        p.put("slaRule.sla1.metricsProfile", "m1");
        p.put("slaRule.sla1.activeProbeParams", "pp1");
        p.put("apbrProfile.apbr1.zone", "trust");
        p.put("apbrProfile.apbr1.rule.r1.application", "HTTP");
        p.put("apbrProfile.apbr1.rule.r1.destinationGroup", "g1");
        p.put("apbrProfile.apbr1.rule.r1.slaRule", "sla1");
        return p;
    }
}
