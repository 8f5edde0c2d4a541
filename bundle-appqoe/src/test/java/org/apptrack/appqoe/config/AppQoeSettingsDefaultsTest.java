package org.apptrack.appqoe.config;

import org.apptrack.appqoe.steer.ExistingSessions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apptrack.appqoe.select.Affinity;
import org.apptrack.appqoe.select.LinkPreference;
import org.apptrack.appqoe.sla.JitterType;
import org.apptrack.appqoe.sla.MatchMode;
import org.junit.jupiter.api.Test;

class AppQoeSettingsDefaultsTest {

    @Test
    void nothingConfiguredIsDisabledWithSafeSteering() {
        AppQoeConfig c = AppQoeSettings.parse(Map.of("service.pid", "org.apptrack.appqoe",
                "felix.fileinstall.filename", "file:/opt/etc/org.apptrack.appqoe.cfg"));
        assertFalse(c.enabled());
        assertTrue(c.destinationGroups().isEmpty());
        SteeringConfig s = c.steering();
        assertEquals(ActuatorKind.NONE, s.actuator());
        assertEquals(ExistingSessions.STAY, s.existingSessions());
        assertEquals(2000, s.linuxTableBase());
        assertEquals(0x4151_0000, s.linuxMarkBase());
        assertEquals(10000, s.linuxRulePriority());
    }

    @Test
    void unsetFieldsTakeTheirDefaults() {
        AppQoeConfig c = AppQoeSettings.parse(MinimalConfiguration.properties());
        assertTrue(c.enabled());
        DestinationGroupConfig g = c.destinationGroups().get("g1");
        assertEquals("default", g.routingInstance());
        PathConfig a = g.path("a");
        assertEquals(1, a.path().priority());
        assertEquals(1, a.path().weight());
        assertNull(a.gateway());
        assertNull(a.connectPoint());
        assertEquals(8620, a.reflector().getPort());
        assertEquals(862, g.path("b").reflector().getPort(), "the STAMP port");

        ActiveProbeConfig p = c.activeProbes().get("pp1");
        assertEquals(ProbeType.STAMP, p.type());
        assertEquals(Duration.ofSeconds(1), p.interval());
        assertEquals(5, p.count());
        assertEquals(1, p.burstSize());
        assertEquals(0, p.dataSize());
        assertEquals(0, p.dscp());
        assertEquals(Duration.ofSeconds(1), p.lossTimeout());
        assertEquals(Duration.ofSeconds(60), p.slaExportInterval());
        assertNull(p.url());

        assertEquals(JitterType.TWO_WAY, c.metricsProfiles().get("m1").jitterType());
        assertEquals(MatchMode.ANY, c.metricsProfiles().get("m1").match());
        assertEquals(0, c.metricsProfiles().get("m1").jitterMicros());

        SlaRuleConfig sla = c.slaRules().get("sla1");
        assertEquals(5, sla.samplingPercentage());
        assertEquals(10, sla.rule().samplingPeriodSeconds());
        assertEquals(3, sla.rule().violationCount());
        assertEquals(10, sla.rule().minSamplesPerPeriod());
        assertEquals(2, sla.rule().recoveryPeriods());
        assertEquals(Duration.ofSeconds(30), sla.switchIdleTime());

        ApbrRuleConfig r = c.apbrProfiles().get("apbr1").rules().get(0);
        assertSame(LinkPreference.NONE, r.linkPreference());
        assertEquals(Integer.MAX_VALUE, r.order());
    }

    @Test
    void aPeriodNeedsNoMoreSamplesThanItsProbesCanGive() {
        Map<String, Object> p = MinimalConfiguration.properties();
        p.put("slaRule.sla1.passive.samplingPeriod", "4");
        p.put("slaRule.sla1.passive.violationCount", "2");
        assertEquals(4, AppQoeSettings.parse(p).slaRules().get("sla1").rule().minSamplesPerPeriod(),
                "one probe a second gives 4 per period, fewer than the usual 10");
        p.remove("slaRule.sla1.activeProbeParams");
        assertEquals(10, AppQoeSettings.parse(p).slaRules().get("sla1").rule().minSamplesPerPeriod(),
                "passive only: the evaluator's default");
    }

    @Test
    void rulesRunByOrderThenName() {
        Map<String, Object> p = MinimalConfiguration.properties();
        p.put("apbrProfile.apbr1.rule.a-late.destinationGroup", "g1");
        p.put("apbrProfile.apbr1.rule.z-first.destinationGroup", "g1");
        p.put("apbrProfile.apbr1.rule.z-first.order", "1");
        p.put("apbrProfile.apbr1.rule.m-second.destinationGroup", "g1");
        p.put("apbrProfile.apbr1.rule.m-second.order", "2");
        List<ApbrRuleConfig> rules = AppQoeSettings.parse(p).apbrProfiles().get("apbr1").rules();
        assertEquals(List.of("z-first", "m-second", "a-late", "r1"),
                rules.stream().map(ApbrRuleConfig::name).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void listsArriveAsTextArraysOrCollections() {
        Map<String, Object> p = MinimalConfiguration.properties();
        p.put("apbrProfile.apbr1.zone", new String[] {"trust", "dmz"});
        p.put("apbrProfile.apbr1.rule.r1.application", List.of("junos:HTTP", "youtube"));
        p.put("pathGroup.g1.path.a.priority", 7);
        AppQoeConfig c = AppQoeSettings.parse(p);
        assertEquals(List.of("trust", "dmz"), c.apbrProfiles().get("apbr1").zones());
        assertSame(c.profileForZone("dmz"), c.profileForZone("trust"));
        assertEquals(List.of("HTTP", "YOUTUBE"), c.apbrProfiles().get("apbr1").rules().get(0).match().applications());
        assertEquals(7, c.destinationGroups().get("g1").path("a").path().priority());
    }

    @Test
    void strictAffinityAndValuesAreCaseInsensitive() {
        Map<String, Object> p = MinimalConfiguration.properties();
        p.put("apbrProfile.apbr1.rule.r1.preferredLinkTag", "ISP2");
        p.put("apbrProfile.apbr1.rule.r1.affinity", "STRICT");
        p.put("steering.actuator", "Linux");
        p.put("steering.existingSessions", "move");
        p.put("steering.linux.markBase", "65536");
        AppQoeConfig c = AppQoeSettings.parse(p);
        LinkPreference pref = c.apbrProfiles().get("apbr1").rules().get(0).linkPreference();
        assertEquals("ISP2", pref.preferredTag());
        assertEquals(Affinity.STRICT, pref.affinity());
        assertEquals(ActuatorKind.LINUX, c.steering().actuator());
        assertEquals(ExistingSessions.MOVE, c.steering().existingSessions());
        assertEquals(0x1_0000, c.steering().linuxMarkBase());
    }

    @Test
    void reflectorForms() {
        Map<String, Object> p = MinimalConfiguration.properties();
        p.put("pathGroup.g1.path.a.sourceAddress", "2001:db8::2");
        p.put("pathGroup.g1.path.a.reflector", "2001:db8::10");
        p.put("pathGroup.g1.path.b.sourceAddress", "2001:db8::3");
        p.put("pathGroup.g1.path.b.reflector", "[2001:db8::11]:4000");
        DestinationGroupConfig g = AppQoeSettings.parse(p).destinationGroups().get("g1");
        InetSocketAddress a = g.path("a").reflector();
        assertEquals("2001:db8:0:0:0:0:0:10", a.getAddress().getHostAddress());
        assertEquals(862, a.getPort());
        assertEquals(4000, g.path("b").reflector().getPort());
    }

    @Test
    void aFailedParseLeavesNothingBehind() {
        Map<String, Object> p = MinimalConfiguration.properties();
        p.put("slaRule.sla1.passive.violationCount", "40");
        Map<String, Object> before = Map.copyOf(p);
        assertThrows(IllegalArgumentException.class, () -> AppQoeSettings.parse(p));
        assertEquals(before, p, "the properties are not modified");
    }

    @Test
    void emptyDescriptionOnlyAttributesAreAllowed() {
        Map<String, Object> p = MinimalConfiguration.properties();
        p.put("pathGroup", "");
        p.put("apbrProfile", "");
        assertTrue(AppQoeSettings.parse(p).enabled());
    }

    @Test
    void theConfigurationIsImmutable() {
        AppQoeConfig c = AppQoeSettings.parse(MinimalConfiguration.properties());
        assertThrows(UnsupportedOperationException.class, () -> c.destinationGroups().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> c.destinationGroups().get("g1").paths().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> c.apbrProfiles().get("apbr1").rules().clear());
    }
}
