package org.apptrack.appqoe.config;

import org.apptrack.appqoe.steer.ExistingSessions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apptrack.appqoe.probe.stamp.ProbePathSettings;
import org.apptrack.appqoe.select.Affinity;
import org.apptrack.appqoe.select.Path;
import org.apptrack.appqoe.sla.JitterType;
import org.apptrack.appqoe.sla.MatchMode;
import org.apptrack.appqoe.sla.MetricsProfile;
import org.junit.jupiter.api.Test;

class AppQoeExampleFileTest {

    private static final long V4_MAPPED = 0x0000_FFFF_0000_0000L;

    @Test
    void theShippedFileIsDisabledAndEmpty() throws Exception {
        AppQoeConfig c = AppQoeSettings.parse(ExampleConfiguration.asShipped());
        assertFalse(c.enabled());
        assertTrue(c.destinationGroups().isEmpty());
        assertTrue(c.apbrProfiles().isEmpty());
        assertEquals(ActuatorKind.NONE, c.steering().actuator());
    }

    @Test
    void theCommentedExampleParsesIntoTheExpectedModel() throws Exception {
        Map<String, Object> props = ExampleConfiguration.uncommented();
        assertEquals("linux", props.get("steering.actuator"), "the example's key lines were uncommented");
        AppQoeConfig c = AppQoeSettings.parse(props);
        assertFalse(c.enabled(), "enabled = false stays as written");

        DestinationGroupConfig internet = c.destinationGroups().get("internet");
        assertEquals(List.of("internet"), List.copyOf(c.destinationGroups().keySet()));
        assertEquals("wan", internet.routingInstance());
        assertEquals(List.of(new Path("ISP1", "ISP1", 10, 1), new Path("ISP2", "ISP2", 20, 1),
                new Path("ISP3", "ISP3", 30, 1)), internet.selectorPaths());
        PathConfig isp1 = internet.path("ISP1");
        assertEquals("eth1", isp1.interfaceName());
        assertEquals("internet/ISP1", isp1.id());
        assertEquals(InetAddress.getByName("192.0.2.2"), isp1.sourceAddress());
        assertEquals(new InetSocketAddress(InetAddress.getByName("203.0.113.10"), 862), isp1.reflector());
        assertEquals(InetAddress.getByName("192.0.2.1"), isp1.gateway());
        assertEquals("of:0000000000000001/1", isp1.connectPoint());
        PathConfig isp3 = internet.path("ISP3");
        assertEquals("wwan0", isp3.interfaceName());
        assertNull(isp3.gateway());
        assertEquals(new InetSocketAddress(InetAddress.getByName("2001:db8:ffff::10"), 862), isp3.reflector());

        ActiveProbeConfig probe1 = c.activeProbes().get("probe1");
        assertEquals(ProbeType.STAMP, probe1.type());
        assertEquals(Duration.ofMillis(200), probe1.interval());
        assertEquals(10, probe1.count());
        assertEquals(2, probe1.burstSize());
        assertEquals(64, probe1.dataSize());
        assertEquals(64, probe1.stampSettings(isp3).padding(), "data-size pads each STAMP probe");
        assertEquals(46, probe1.dscp());
        assertEquals(Duration.ofSeconds(1), probe1.lossTimeout());
        assertEquals(Duration.ofSeconds(60), probe1.slaExportInterval());
        ActiveProbeConfig saas = c.activeProbes().get("saas");
        assertEquals(ProbeType.HTTP_HEAD, saas.type());
        assertEquals(URI.create("https://www.example.com/"), saas.url());
        assertEquals(18, saas.dscp(), "af21");

        MetricsProfile voice = c.metricsProfiles().get("voice");
        assertEquals(150_000, voice.rttMicros());
        assertEquals(30_000, voice.jitterMicros());
        assertEquals(JitterType.TWO_WAY, voice.jitterType());
        assertEquals(2.0, voice.lossPercent());
        assertEquals(MatchMode.ANY, voice.match());

        SlaRuleConfig sla1 = c.slaRules().get("sla1");
        assertSame(voice, sla1.rule().profile());
        assertSame(probe1, sla1.activeProbe());
        assertEquals(10, sla1.samplingPercentage());
        assertEquals(10, sla1.rule().samplingPeriodSeconds());
        assertEquals(3, sla1.rule().violationCount());
        assertEquals(2, sla1.rule().recoveryPeriods());
        assertEquals(Duration.ofSeconds(30), sla1.switchIdleTime());

        ApbrProfileConfig apbr1 = c.apbrProfiles().get("apbr1");
        assertEquals(List.of("trust"), apbr1.zones());
        assertSame(apbr1, c.profileForZone("trust"));
        assertNull(c.profileForZone("untrust"));
        assertEquals(List.of("media", "ssh"), apbr1.rules().stream().map(ApbrRuleConfig::name).collect(
                java.util.stream.Collectors.toList()));
        ApbrRuleConfig media = apbr1.rules().get(0);
        assertEquals(List.of("YOUTUBE", "ZOOM"), media.match().applications());
        assertSame(internet, media.destinationGroup());
        assertSame(sla1, media.slaRule());
        assertEquals("ISP1", media.linkPreference().preferredTag());
        assertEquals(Affinity.LOOSE, media.linkPreference().affinity());
        ApbrRuleConfig ssh = apbr1.rules().get(1);
        assertNull(ssh.slaRule());
        assertEquals(Affinity.STRICT, ssh.linkPreference().affinity());

        long client = V4_MAPPED | 0x0A01_0203L; // 10.1.2.3
        long server = V4_MAPPED | 0x5DB8_D822L; // 93.184.216.34
        assertSame(media, apbr1.firstMatch("HTTP", "YOUTUBE", 6, 0, client, 0, server, 443, 0));
        assertSame(ssh, apbr1.firstMatch("SSH", null, 6, 0, client, 0, server, 2225, 16));
        assertNull(apbr1.firstMatch("SSH", null, 6, 0, client, 0, server, 2225, 0), "dscp cs2 required");
        assertNull(apbr1.firstMatch("SSH", null, 17, 0, client, 0, server, 22, 16), "tcp only");

        assertEquals(ActuatorKind.LINUX, c.steering().actuator());
        assertEquals(ExistingSessions.STAY, c.steering().existingSessions());
        assertEquals(2000, c.steering().linuxTableBase());
        assertEquals(0x4151_0000, c.steering().linuxMarkBase());
        assertEquals(10000, c.steering().linuxRulePriority());

        ProbePathSettings s = probe1.stampSettings(isp3);
        assertEquals("internet/ISP3", s.pathId());
        assertEquals(InetAddress.getByName("2001:db8:3::2"), s.sourceAddress());
        assertEquals(isp3.reflector(), s.reflector());
        assertEquals(46, s.dscp());
        assertEquals(2, s.burstSize());
        assertEquals(Duration.ofMillis(200), s.interval());
        assertEquals(0, s.probeCount(), "probes until stopped");
    }

    @Test
    void theExampleEnabledParsesToo() throws Exception {
        Map<String, Object> props = ExampleConfiguration.uncommented();
        props.put("enabled", "true");
        assertTrue(AppQoeSettings.parse(props).enabled());
    }
}
