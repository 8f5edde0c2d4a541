package org.apptrack.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Callable;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficService;
import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.testsupport.rsyslog.Rsyslog;
import org.apptrack.testsupport.rsyslog.Rsyslog.Transport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * AppQoE in the distribution, configured as an operator edits {@code etc/org.apptrack.appqoe.cfg}:
 * the STAMP reflector component answers the AppQoE component's probes on loopback, a path whose
 * reflector does not answer is declared dead, the console, REST and a real rsyslog show it, and an
 * invalid change is refused with the previous configuration kept.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AppQoeTest {

    private static final String SD = "junos@2636.1.1.1.2.129";
    private static final int REFLECTOR_PORT = 18_620;
    /** Nothing listens there: probes to it are lost. */
    private static final int SILENT_PORT = 18_621;

    @Inject
    private AppQoeService appQoe;

    @Inject
    private SecurityLogService securityLog;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private OwnTrafficService ownTraffic;

    @Configuration
    public Option[] config() {
        return KarafDistribution.boot(KarafDistribution.freePort());
    }

    private static Hashtable<String, Object> appQoeConfig() {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("enabled", "true");
        p.put("pathGroup.site1.routingInstance", "ri1");
        p.put("pathGroup.site1.path.isp1.interface", "lo");
        p.put("pathGroup.site1.path.isp1.linkTag", "ISP1");
        p.put("pathGroup.site1.path.isp1.priority", "10");
        p.put("pathGroup.site1.path.isp1.sourceAddress", "127.0.0.1");
        p.put("pathGroup.site1.path.isp1.reflector", "127.0.0.1:" + REFLECTOR_PORT);
        p.put("pathGroup.site1.path.isp2.interface", "lo");
        p.put("pathGroup.site1.path.isp2.linkTag", "ISP2");
        p.put("pathGroup.site1.path.isp2.priority", "20");
        p.put("pathGroup.site1.path.isp2.sourceAddress", "127.0.0.1");
        p.put("pathGroup.site1.path.isp2.reflector", "127.0.0.1:" + SILENT_PORT);
        p.put("activeProbe.pp1.interval", "100ms");
        p.put("activeProbe.pp1.dscp", "ef");
        p.put("activeProbe.pp1.lossTimeout", "500ms");
        p.put("metricsProfile.m1.rtt", "200000");
        p.put("metricsProfile.m1.loss", "5");
        p.put("slaRule.sla1.metricsProfile", "m1");
        p.put("slaRule.sla1.activeProbeParams", "pp1");
        p.put("slaRule.sla1.passive.samplingPeriod", "2s");
        p.put("apbrProfile.apbr1.zone", "trust");
        p.put("apbrProfile.apbr1.rule.web.application", "HTTP");
        p.put("apbrProfile.apbr1.rule.web.destinationGroup", "site1");
        p.put("apbrProfile.apbr1.rule.web.slaRule", "sla1");
        return p;
    }

    @Test
    public void probesPathStatesConsoleRestAndLogs() throws Exception {
        Prerequisite.require("rsyslogd", Rsyslog.isInstalled());
        org.osgi.service.cm.Configuration reflector = configAdmin.getConfiguration("org.apptrack.appqoe.reflector", "?");
        org.osgi.service.cm.Configuration config = configAdmin.getConfiguration("org.apptrack.appqoe", "?");
        try (Rsyslog rsyslog = Rsyslog.builder().start()) {
            org.osgi.service.cm.Configuration stream = AppTrackIt.tcpStream(configAdmin, securityLog, "it-appqoe",
                    rsyslog.tcpPort());
            try {
                Hashtable<String, Object> r = new Hashtable<>();
                r.put("enabled", "true");
                r.put("address", "127.0.0.1");
                r.put("port", Integer.toString(REFLECTOR_PORT));
                reflector.update(r);
                config.update(appQoeConfig());

                await("isp1 answered and met, isp2 dead", () -> {
                    List<PathStatus> paths = appQoe.paths();
                    return paths.size() == 2 && "met".equals(paths.get(0).sla().get(0).state())
                            && paths.get(0).lastPeriod().answered() > 0
                            && "dead".equals(paths.get(1).sla().get(0).state());
                });
                // The probes and the reflector are the product's own traffic: never tracked.
                try {
                    await("the probes and the reflector are own traffic", () -> {
                        List<OwnTrafficRule> rules = ownTraffic.ownTraffic().rules();
                        return rules.stream().anyMatch(x -> x.origin().equals("AppQoE probe pp1 on site1/isp1")
                                && x.port() == REFLECTOR_PORT && x.protocol() == OwnTrafficRule.Protocol.UDP)
                                && rules.stream().anyMatch(x -> x.origin().equals("AppQoE probe pp1 on site1/isp2")
                                && x.port() == SILENT_PORT)
                                && rules.stream().anyMatch(x -> x.origin().equals("AppQoE STAMP reflector")
                                && x.port() == REFLECTOR_PORT && x.peers().isEmpty());
                    });
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; own traffic: " + ownTraffic.ownTraffic()
                            + "; AppQoE paths: " + appQoe.paths(), e);
                }
                ProbeStatus isp1 = appQoe.probes().get(0);
                assertEquals("stamp", isp1.type());
                assertEquals(46, isp1.dscp());
                assertTrue(isp1.toString(), isp1.answered() > 0);
                assertTrue(appQoe.probes().get(1).lost() > 0);

                String paths = KarafShell.execute(sessionFactory, "appqoe:paths");
                assertTrue(paths, paths.contains("isp1") && paths.contains("met") && paths.contains("dead"));
                assertTrue(paths, paths.contains("Decisions are logged, not applied"));
                String probes = KarafShell.execute(sessionFactory, "appqoe:probes");
                assertTrue(probes, probes.contains("ef (46)") && probes.contains("127.0.0.1:" + REFLECTOR_PORT));
                JsonNode rest = AppTrackIt.get("/onos/apptrack/v1/appqoe/paths");
                assertEquals(rest.toString(), true, rest.path("enabled").asBoolean());
                assertEquals(rest.toString(), "none", rest.path("actuator").asText());

                // Every 2 s sampling period each probed path is reported, as an SRX exports it.
                List<JsonNode> received = rsyslog.awaitReceived(Transport.TCP, 2, Duration.ofSeconds(20));
                JsonNode report = received.stream()
                        .filter(m -> "APPQOE_ACTIVE_SLA_METRIC_REPORT".equals(m.path("hdr").path("msgid").asText()))
                        .findFirst().orElseThrow(() -> new AssertionError(received.toString()));
                JsonNode f = report.path("rfc5424-sd").path(SD);
                assertEquals(f.toString(), "lo", f.path("destination-interface-name").asText());
                assertEquals(f.toString(), "46", f.path("ip-dscp").asText());
                assertEquals(f.toString(), "pp1", f.path("active-probe-params").asText());
                assertEquals(f.toString(), "site1", f.path("destination-group-name").asText());

                // An invalid change is refused and the running configuration stays.
                Hashtable<String, Object> invalid = appQoeConfig();
                invalid.put("slaRule.sla1.passive.violationCount", "99");
                config.update(invalid);
                await("the refusal is logged", () -> !AppTrackIt.karafLogLines("slaRule.sla1.passive.violationCount").isEmpty());
                assertTrue(appQoe.configurationError(),
                        appQoe.configurationError().startsWith("slaRule.sla1.passive.violationCount:"));
                String refused = KarafShell.execute(sessionFactory, "appqoe:paths");
                assertTrue(refused, refused.contains("Configuration refused, the previous one stays in force"));
                assertEquals(2, appQoe.paths().size());
                assertTrue(appQoe.enabled());
            } finally {
                config.delete();
                reflector.delete();
                stream.delete();
            }
        }
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + AppTrackIt.WAIT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + AppTrackIt.WAIT + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
