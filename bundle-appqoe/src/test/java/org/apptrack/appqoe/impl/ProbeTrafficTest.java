package org.apptrack.appqoe.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;
import org.apptrack.appqoe.config.AppQoeConfig;
import org.apptrack.appqoe.config.AppQoeSettings;
import org.junit.jupiter.api.Test;

class ProbeTrafficTest {

    private static final List<InetAddress> HOST = List.of(ip("192.0.2.2"), ip("198.51.100.2"), ip("::1"));

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> twoPaths() {
        Map<String, Object> p = new HashMap<>();
        p.put("enabled", "true");
        p.put("pathGroup.g1.path.a.interface", "eth1");
        p.put("pathGroup.g1.path.a.linkTag", "ISP1");
        p.put("pathGroup.g1.path.a.sourceAddress", "192.0.2.2");
        p.put("pathGroup.g1.path.a.reflector", "203.0.113.1:8620");
        p.put("pathGroup.g1.path.b.interface", "eth2");
        p.put("pathGroup.g1.path.b.linkTag", "ISP2");
        p.put("pathGroup.g1.path.b.sourceAddress", "198.51.100.2");
        p.put("pathGroup.g1.path.b.reflector", "203.0.113.7");
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

    private static List<OwnTrafficRule> rules(Map<String, Object> properties) {
        AppQoeConfig config = AppQoeSettings.parse(properties);
        return ProbeTraffic.rules(config, HOST, host -> {
            if (host.equals("probe.example.net")) {
                return new InetAddress[] {ip("203.0.113.80"), ip("2001:db8::80")};
            }
            throw new UnknownHostException(host);
        });
    }

    @Test
    void stampProbesRunBetweenEachPathsSourceAndItsReflector() {
        List<OwnTrafficRule> rules = rules(twoPaths());
        assertEquals(2, rules.size(), rules.toString());
        OwnTrafficRule a = rules.get(0);
        assertEquals(Protocol.UDP, a.protocol());
        assertEquals(List.of(ip("203.0.113.1")), a.addresses());
        assertEquals(8620, a.port());
        assertEquals(List.of(ip("192.0.2.2")), a.peers(), "only from the path's source: other hosts' STAMP is transit");
        assertEquals(0, a.peerPort(), "any source port");
        assertEquals(862, rules.get(1).port(), "the IANA port when none is given");
        assertEquals(List.of(ip("198.51.100.2")), rules.get(1).peers());
    }

    @Test
    void httpProbesRunToTheUrlsServerOnItsPort() {
        Map<String, Object> p = twoPaths();
        p.put("activeProbe.pp1.type", "http-head");
        p.put("activeProbe.pp1.url", "https://probe.example.net/health");
        p.remove("pathGroup.g1.path.b.sourceAddress");
        List<OwnTrafficRule> rules = rules(p);
        assertEquals(2, rules.size(), rules.toString());
        OwnTrafficRule a = rules.get(0);
        assertEquals(Protocol.TCP, a.protocol());
        assertEquals(List.of(ip("203.0.113.80"), ip("2001:db8::80")), a.addresses());
        assertEquals(443, a.port());
        assertEquals(List.of(ip("192.0.2.2")), a.peers());
        assertEquals(HOST, rules.get(1).peers(), "an unbound path probes from any of this host's addresses");

        p.put("activeProbe.pp1.url", "http://probe.example.net:8080/");
        assertEquals(8080, rules(p).get(0).port());
        p.put("activeProbe.pp1.url", "http://probe.example.net/");
        assertEquals(80, rules(p).get(0).port());
        p.put("activeProbe.pp1.url", "http://unknown.example.net/");
        assertTrue(rules(p).isEmpty(), "a server that does not resolve is not probed, so no rule");
    }

    @Test
    void disabledOrWithoutSlaRulesNothingIsProbed() {
        Map<String, Object> p = twoPaths();
        p.put("enabled", "false");
        assertTrue(rules(p).isEmpty());
        assertTrue(ProbeTraffic.rules(AppQoeConfig.DISABLED, HOST, InetAddress::getAllByName).isEmpty());
        p.put("enabled", "true");
        p.remove("slaRule.sla1.activeProbeParams");
        assertTrue(rules(p).isEmpty(), "passive sampling only sends nothing");
    }
}
