package org.apptrack.appqoe.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rejected value is reported with the full key first, so that the log names what to fix. */
class AppQoeSettingsErrorTest {

    private static void assertRejected(Map<String, Object> props, String key, String detail) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AppQoeSettings.parse(props));
        assertTrue(e.getMessage().startsWith(key + ": "), () -> "expected to start with " + key + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(detail), () -> "expected '" + detail + "' in: " + e.getMessage());
    }

    @Test
    void theMinimalConfigurationIsValid() {
        assertDoesNotThrow(() -> AppQoeSettings.parse(MinimalConfiguration.properties()));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "enabled | yes | not true or false",
        "slaRule.sla1.passive.violationCount | 40 | must be 1-32, was 40",
        "slaRule.sla1.passive.violationCount | three | not a whole number",
        "slaRule.sla1.passive.samplingPeriod | 1s | must be 2s-1m, was 1s",
        "slaRule.sla1.passive.samplingPeriod | 61 | must be 2s-1m",
        "slaRule.sla1.passive.samplingPeriod | 2500ms | whole seconds",
        "slaRule.sla1.passive.samplingPercentage | 0 | must be 1-100",
        "slaRule.sla1.switchIdleTime | 2h | must be 0s-1h",
        "slaRule.sla1.recoveryPeriods | 0 | must be 1-60",
        "slaRule.sla1.metricsProfile | nope | no metrics profile \"nope\"",
        "slaRule.sla1.activeProbeParams | nope | no active probe parameters \"nope\"",
        "slaRule.sla1.passiv.violationCount | 3 | unknown key",
        "pathGroup.g1.path.a.priority | 0 | must be 1-255, was 0",
        "pathGroup.g1.path.a.priority | 256 | must be 1-255",
        "pathGroup.g1.path.a.weight | 0 | must be 1-255",
        "pathGroup.g1.path.a.reflector | 203.0.113.1:0 | port must be 1-65535",
        "pathGroup.g1.path.a.reflector | reflector.example.net | literal address",
        "pathGroup.g1.path.a.sourceAddress | 2001:db8::2 | must be of one IP family",
        "pathGroup.g1.path.a.gateway | 192.0.2.300 | not a literal IPv4 or IPv6 address",
        "pathGroup.g1.path.a.connectPoint | of:1/3 | not an ONOS connect point",
        "pathGroup.g1.path.a.connectPoint | of:0000000000000001 | not an ONOS connect point",
        "pathGroup.g1.path.a.connectPoint | of:0000000000000001/x | not an ONOS connect point",
        "pathGroup.g1.path.a.interface | eth 1 | not an interface name",
        "pathGroup.g1.path.a.linkTag | ISP 1 | must be 1-63 letters",
        "pathGroup.g1.path.a.interfce | eth1 | unknown key",
        "pathGroup.g1.routingInstance | a b | must be 1-63",
        "activeProbe.pp1.type | icmp | must be stamp, http-head",
        "activeProbe.pp1.interval | 5ms | must be 10ms-1m",
        "activeProbe.pp1.interval | fast | not a duration",
        "activeProbe.pp1.count | 0 | must be 1-1000",
        "activeProbe.pp1.burstSize | 65 | must be 1-64",
        "activeProbe.pp1.dataSize | 1401 | must be 0-1400",
        "activeProbe.pp1.dscp | 64 | not a DSCP",
        "activeProbe.pp1.dscp | af44 | not a DSCP",
        "activeProbe.pp1.dscp | 1011101 | not a DSCP",
        "activeProbe.pp1.lossTimeout | 0 | must be 10ms-1m",
        "activeProbe.pp1.slaExportInterval | 2h | must be 1s-1h",
        "activeProbe.pp1.url | http://example.com/ | only for type http-head",
        "metricsProfile.m1.rtt | -1 | must be 0-60000000",
        "metricsProfile.m1.loss | 101 | must be 0-100",
        "metricsProfile.m1.jitterType | two-way-jitter | must be two-way, ingress-jitter, egress-jitter",
        "metricsProfile.m1.match | most | must be any, all",
        "metricsProfile.m1.rtt | 0 | needs at least one target",
        "apbrProfile.apbr1.rule.r1.destinationGroup | x | no destination path group \"x\"",
        "apbrProfile.apbr1.rule.r1.slaRule | x | no SLA rule \"x\"",
        "apbrProfile.apbr1.rule.r1.preferredLinkTag | ISP9 | no path of destination path group g1 has link tag \"ISP9\"",
        "apbrProfile.apbr1.rule.r1.affinity | strict | strict needs a preferredLinkTag",
        "apbrProfile.apbr1.rule.r1.affinity | sticky | must be strict, loose",
        "apbrProfile.apbr1.rule.r1.application | any, HTTP | 'any' must stand alone",
        "apbrProfile.apbr1.rule.r1.application | HT TP | not an application name",
        "apbrProfile.apbr1.rule.r1.application | HTTP,, SSL | empty item",
        "apbrProfile.apbr1.rule.r1.sourceAddress | 10.0.0.0/33 | prefix length must be 0-32",
        "apbrProfile.apbr1.rule.r1.destinationAddress | 2001:db8::/129 | prefix length must be 0-128",
        "apbrProfile.apbr1.rule.r1.destinationAddress | example.com | not an IPv4 or IPv6 prefix",
        "apbrProfile.apbr1.rule.r1.destinationPort | 80-70 | not a port",
        "apbrProfile.apbr1.rule.r1.destinationPort | 65536 | not a port",
        "apbrProfile.apbr1.rule.r1.protocol | tcpp | not a protocol",
        "apbrProfile.apbr1.rule.r1.protocol | 256 | not a protocol",
        "apbrProfile.apbr1.rule.r1.dscp | xx | not a DSCP",
        "apbrProfile.apbr1.rule.r1.order | 0 | must be 1-65535",
        "apbrProfile.apbr1.rule.r1.destinationGroupp | g1 | unknown key",
        "apbrProfile.apbr1.zone | trust zone | not a zone name",
        "apbrProfile.apbr1.zones | trust | unknown key",
        "steering.actuator | tc | must be none, linux, onos",
        "steering.existingSessions | keep | must be move, stay",
        "steering.linux.tableBase | 254 | must be 256-",
        "steering.linux.markBase | 0x41510001 | low 16 bits",
        "steering.linux.markBase | 0x100000000 | must be 65536-4294901760",
        "steering.linux.rulePriority | 32766 | must be 1-32765",
        "steering.linux.rulePriority | 32764 | would reach the main table",
        "steering.linux.table | 5 | unknown key",
        "steering | x | unknown key",
        "enable | true | unknown key",
        "pathgroup.g1.routingInstance | ri | unknown key",
        "slaRule.sla 1.metricsProfile | m1 | expected slaRule.NAME.FIELD",
    })
    void aBadValueIsReportedWithItsKey(String key, String value, String detail) {
        Map<String, Object> props = MinimalConfiguration.properties();
        props.put(key, value);
        assertRejected(props, key, detail);
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource(delimiter = '|', value = {
        "pathGroup.g1.path.a.interface | pathGroup.g1.path.a.interface | missing",
        "slaRule.sla1.metricsProfile | slaRule.sla1.metricsProfile | missing",
        "apbrProfile.apbr1.rule.r1.destinationGroup | apbrProfile.apbr1.rule.r1.destinationGroup | missing",
        "apbrProfile.apbr1.zone | apbrProfile.apbr1.zone | missing",
        "pathGroup.g1.path.b.reflector | pathGroup.g1.path.b.reflector | probes this path with STAMP (slaRule sla1, activeProbe pp1)",
        "pathGroup.g1.path.a.sourceAddress | pathGroup.g1.path.a.sourceAddress | missing; apbrProfile.apbr1.rule.r1 probes",
    })
    void aMissingKeyIsReportedWithItsKey(String removed, String key, String detail) {
        Map<String, Object> props = MinimalConfiguration.properties();
        props.remove(removed);
        assertRejected(props, key, detail);
    }

    @Test
    void aGroupWithoutPathsIsRejected() {
        Map<String, Object> props = MinimalConfiguration.properties();
        props.put("pathGroup.empty.routingInstance", "ri1");
        assertRejected(props, "pathGroup.empty.path", "at least one path");
    }

    @Test
    void aProfileWithoutRulesIsRejected() {
        Map<String, Object> props = MinimalConfiguration.properties();
        props.put("apbrProfile.apbr2.zone", "dmz");
        assertRejected(props, "apbrProfile.apbr2.rule", "at least one rule");
    }

    @Test
    void aZoneBelongsToOneProfile() {
        Map<String, Object> props = MinimalConfiguration.properties();
        props.put("apbrProfile.apbr2.zone", "dmz, trust");
        props.put("apbrProfile.apbr2.rule.r1.destinationGroup", "g1");
        assertRejected(props, "apbrProfile.apbr2.zone", "zone trust already has apbrProfile apbr1");
    }

    @Test
    void twoRulesWithOneOrderAreRejected() {
        Map<String, Object> props = MinimalConfiguration.properties();
        props.put("apbrProfile.apbr1.rule.r1.order", "5");
        props.put("apbrProfile.apbr1.rule.r2.order", "5");
        props.put("apbrProfile.apbr1.rule.r2.destinationGroup", "g1");
        assertRejected(props, "apbrProfile.apbr1.rule.r2.order", "rule r1 has order 5 too");
    }

    @Test
    void httpHeadNeedsAUrlButNoReflectors() {
        Map<String, Object> props = MinimalConfiguration.properties();
        props.put("activeProbe.pp1.type", "http-head");
        assertRejected(props, "activeProbe.pp1.url", "missing");
        props.put("activeProbe.pp1.url", "ftp://example.com/");
        assertRejected(props, "activeProbe.pp1.url", "http:// or https://");
        props.put("activeProbe.pp1.url", "https://example.com/");
        props.remove("pathGroup.g1.path.a.reflector");
        assertDoesNotThrow(() -> AppQoeSettings.parse(props), "HTTP HEAD probes need no reflector");
    }

    @Test
    void aPathWithoutReflectorIsFineWhenItsRuleIsPassiveOnly() {
        Map<String, Object> props = MinimalConfiguration.properties();
        props.remove("slaRule.sla1.activeProbeParams");
        props.remove("pathGroup.g1.path.a.reflector");
        props.remove("pathGroup.g1.path.a.sourceAddress");
        assertDoesNotThrow(() -> AppQoeSettings.parse(props));
    }

    @Test
    void aViolationCountThePeriodsProbesCannotReachIsRejected() {
        Map<String, Object> props = MinimalConfiguration.properties();
        props.put("activeProbe.pp1.interval", "1s");
        props.put("slaRule.sla1.passive.samplingPeriod", "2s");
        props.put("slaRule.sla1.passive.violationCount", "3");
        assertRejected(props, "slaRule.sla1.passive.violationCount", "at most the 2 probes of activeProbe pp1");
    }

    @Test
    void theOutstandingProbeTableFitsEveryBurstWithinTheLossTimeout() {
        Map<String, Object> props = MinimalConfiguration.properties();
        props.put("activeProbe.pp1.interval", "10ms");
        props.put("activeProbe.pp1.burstSize", "4");
        props.put("activeProbe.pp1.lossTimeout", "2s");
        AppQoeConfig c = AppQoeSettings.parse(props);
        PathConfig a = c.destinationGroups().get("g1").path("a");
        assertEquals(804, c.activeProbes().get("pp1").stampSettings(a).maxOutstanding(), "201 bursts of 4");
        assertEquals(64, AppQoeSettings.parse(MinimalConfiguration.properties()).activeProbes().get("pp1")
                .stampSettings(a).maxOutstanding(), "the sender's default as the floor");
        props.put("activeProbe.pp1.burstSize", "64");
        props.put("activeProbe.pp1.lossTimeout", "20s");
        assertRejected(props, "activeProbe.pp1.lossTimeout", "more than 65536 probes would wait");
    }

    @Test
    void onosSteeringNeedsEveryConnectPoint() {
        Map<String, Object> props = MinimalConfiguration.properties();
        props.put("steering.actuator", "onos");
        props.put("pathGroup.g1.path.a.connectPoint", "of:0000000000000001/1");
        assertRejected(props, "pathGroup.g1.path.b.connectPoint", "missing; steering.actuator onos");
        props.put("pathGroup.g1.path.b.connectPoint", "of:0000000000000001/2");
        assertDoesNotThrow(() -> AppQoeSettings.parse(props));
    }
}
