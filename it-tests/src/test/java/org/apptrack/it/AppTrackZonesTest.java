package org.apptrack.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apptrack.capture.api.CaptureService;
import org.apptrack.testsupport.packets.CaptureFile;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.apptrack.testsupport.rsyslog.Rsyslog;
import org.apptrack.testsupport.rsyslog.Rsyslog.Transport;
import org.apptrack.syslog.api.SecurityLogService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Zones in the distribution, configured through ConfigAdmin as an operator edits
 * {@code etc/org.apptrack.apptrack.cfg}: sessions are logged to a real rsyslog with their zones,
 * policy, user and logical system, including a volume update when a packet comes after the update
 * interval; a zone with AppTrack disabled gets no session; an invalid
 * change is refused and the previous zones stay; disabling a zone closes its open sessions with
 * reason "policy delete".
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AppTrackZonesTest {

    private static final String SD = "junos@2636.1.1.1.2.129";

    @Inject
    private CaptureService captureService;

    @Inject
    private SecurityLogService securityLog;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return KarafDistribution.boot(KarafDistribution.freePort());
    }

    @Test
    public void sessionsAreLoggedWithTheirZonesAndDisablingAZoneClosesThem() throws Exception {
        Prerequisite.require("rsyslogd", Rsyslog.isInstalled());
        Path capture = Files.createTempFile("apptrack-zones", ".pcap");
        org.osgi.service.cm.Configuration apptrack = configAdmin.getConfiguration("org.apptrack.apptrack", "?");
        Dictionary<String, Object> original = apptrack.getProperties();
        try (Rsyslog rsyslog = Rsyslog.builder().start()) {
            org.osgi.service.cm.Configuration stream = AppTrackIt.tcpStream(configAdmin, securityLog, "it-zones",
                    rsyslog.tcpPort());
            try {
                Hashtable<String, Object> zones = zoneConfig();
                apptrack.update(zones);
                awaitOutput("apptrack:zones", "branch");
                // Timestamps a little ahead of now, written just before the replay: the UDP sessions stay
                // open (60 s idle timeout) after it, and the engine's clock, which never goes back and
                // follows the wall clock between replays, has not passed them when the replay starts.
                long t = (System.currentTimeMillis() + 5_000) * 1000;
                // a little-endian microsecond pcap of Ethernet frames, written by hand so each field is known
                CaptureFile pcap = CaptureFile.pcap(ByteOrder.LITTLE_ENDIAN, false, 65535, 1);
                record(pcap, t, udp4("127.0.0.1", 40001, "127.0.0.2", 5001, 20));      // lo4 -> lo4, user tester
                record(pcap, t + 10, udp4("127.0.0.2", 5001, "127.0.0.1", 40001, 200));
                record(pcap, t + 20, udp4("127.0.0.3", 40002, "127.0.0.2", 5001, 30));  // lo4 -> lo4, no identity
                record(pcap, t + 30, udp4("10.20.0.1", 40003, "10.20.0.2", 5002, 40));  // branch (LSYS1)
                record(pcap, t + 40, udp6(40004, 5003, 50));                              // lo6: AppTrack disabled
                record(pcap, t + 50, udp6(5003, 40004, 60));
                record(pcap, t + 2_500_000, udp4("127.0.0.1", 40001, "127.0.0.2", 5001, 20)); // 2.5 s on: an update
                Files.write(capture, pcap.bytes());

                captureService.replay(capture, false, null);
                List<JsonNode> received = rsyslog.awaitReceived(Transport.TCP, 4, Duration.ofSeconds(20));
                assertEquals(received.toString(), 4, received.size());
                List<JsonNode> created = new ArrayList<>(received.subList(0, 3));
                JsonNode update = received.get(3);
                assertEquals("APPTRACK_SESSION_VOL_UPDATE", update.path("hdr").path("msgid").asText());
                JsonNode u = update.path("rfc5424-sd").path(SD);
                assertEquals("40001", u.path("source-port").asText());
                assertEquals("2", u.path("packets-from-client").asText());
                assertEquals("96", u.path("bytes-from-client").asText());
                assertEquals("1", u.path("packets-from-server").asText());
                assertEquals("228", u.path("bytes-from-server").asText());
                assertEquals("2", u.path("elapsed-time").asText());
                assertEquals("tester", u.path("username").asText());
                assertEquals("lo4", u.path("source-zone-name").asText());
                JsonNode user = field(created, "40001");
                assertEquals("APPTRACK_SESSION_CREATE", tag(created, "40001"));
                assertEquals("lo4", user.path("source-zone-name").asText());
                assertEquals("lo4", user.path("destination-zone-name").asText());
                assertEquals("it-local", user.path("policy-name").asText());
                assertEquals("tester", user.path("username").asText());
                assertEquals("qa,ops", user.path("roles").asText());
                JsonNode anonymous = field(created, "40002");
                assertEquals("unauthenticated user", anonymous.path("username").asText());
                assertEquals("N/A", anonymous.path("roles").asText());
                assertEquals("APPTRACK_SESSION_CREATE_LS", tag(created, "40003"));
                JsonNode branch = field(created, "40003");
                assertEquals("LSYS1", branch.path("logical-system-name").asText());
                assertEquals("default-policy-logical-system-00", branch.path("policy-name").asText());
                assertEquals("N/A", branch.path("username").asText());

                String counters = KarafShell.execute(sessionFactory, "apptrack:counters");
                assertTrue(counters, counters.matches("(?s).*Frames with AppTrack disabled\\s+2\\b.*"));
                assertTrue(counters, counters.matches("(?s).*Active sessions\\s+3\\b.*"));
                String zoneTable = KarafShell.execute(sessionFactory, "apptrack:zones");
                assertTrue(zoneTable, zoneTable.matches("(?s).*lo6\\s*\\|\\s*disabled.*"));
                JsonNode rest = AppTrackIt.get("/onos/apptrack/v1/zones");
                for (JsonNode z : rest.path("zones")) {
                    switch (z.path("name").asText()) {
                        case "lo4":
                            assertEquals(z.toString(), 2, z.path("sessionsFrom").asLong());
                            break;
                        case "lo6":
                            assertEquals(z.toString(), false, z.path("applicationTracking").asBoolean());
                            break;
                        case "branch":
                            assertEquals(z.toString(), "LSYS1", z.path("logicalSystem").asText());
                            break;
                        default:
                            throw new AssertionError("unexpected zone " + z);
                    }
                }

                // An invalid change is refused: the zones stay as they were.
                Hashtable<String, Object> invalid = zoneConfig();
                invalid.put("zone.lo4.prefixes", "127.0.0.0/99");
                apptrack.update(invalid);
                Thread.sleep(1000);
                assertEquals(3, sessionsShown());
                assertTrue(KarafShell.execute(sessionFactory, "apptrack:zones").contains("127.0.0.0/8"));

                // Disabling lo4 and removing branch closes their three sessions with "policy delete".
                Hashtable<String, Object> disabled = zoneConfig();
                disabled.put("zone.lo4.applicationTracking", "false");
                disabled.remove("zone.branch.prefixes");
                disabled.remove("zone.branch.logicalSystem");
                apptrack.update(disabled);
                List<JsonNode> all = rsyslog.awaitReceived(Transport.TCP, 7, Duration.ofSeconds(20));
                List<JsonNode> closes = new ArrayList<>(all.subList(4, all.size()));
                assertEquals(all.toString(), 3, closes.size());
                for (JsonNode close : closes) {
                    JsonNode f = close.path("rfc5424-sd").path(SD);
                    assertEquals("policy delete", f.path("reason").asText());
                }
                assertEquals("APPTRACK_SESSION_CLOSE_LS", tag(closes, "40003"));
                assertEquals("branch", field(closes, "40003").path("source-zone-name").asText());
                assertEquals("2", field(closes, "40001").path("packets-from-client").asText());
                assertEquals("1", field(closes, "40001").path("packets-from-server").asText());
                assertEquals("228", field(closes, "40001").path("bytes-from-server").asText());
                assertEquals(0, sessionsShown());
            } finally {
                stream.delete();
                if (original != null) {
                    apptrack.update(original);
                }
            }
        } finally {
            Files.deleteIfExists(capture);
        }
    }

    private static Hashtable<String, Object> zoneConfig() {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("logSessionCreate", "true");
        p.put("logSessionClose", "true");
        p.put("sessionUpdateInterval", "1");
        p.put("zone.lo4.prefixes", "127.0.0.0/8");
        p.put("zone.lo6.prefixes", "::1/128");
        p.put("zone.lo6.applicationTracking", "false");
        p.put("zone.branch.prefixes", "10.20.0.0/16");
        p.put("zone.branch.logicalSystem", "LSYS1");
        p.put("policy.lo4.lo4", "it-local");
        p.put("policy.lo4.lo4.userIdentity", "true");
        p.put("user.tester.addresses", "127.0.0.1");
        p.put("user.tester.roles", "qa, ops");
        return p;
    }

    private int sessionsShown() throws Exception {
        return AppTrackIt.commandSessionsShown(KarafShell.execute(sessionFactory, "apptrack:sessions"));
    }

    private static JsonNode record(List<JsonNode> messages, String sourcePort) {
        for (JsonNode m : messages) {
            if (m.path("rfc5424-sd").path(SD).path("source-port").asText().equals(sourcePort)) {
                return m;
            }
        }
        throw new AssertionError("no message for source port " + sourcePort + ": " + messages);
    }

    private static JsonNode field(List<JsonNode> messages, String sourcePort) {
        return record(messages, sourcePort).path("rfc5424-sd").path(SD);
    }

    private static String tag(List<JsonNode> messages, String sourcePort) {
        return record(messages, sourcePort).path("hdr").path("msgid").asText();
    }

    private void awaitOutput(String command, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String out;
        while (!(out = KarafShell.execute(sessionFactory, command)).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(command + " never showed " + text + ": " + out);
            }
            Thread.sleep(100);
        }
    }

    /** An Ethernet / IPv4 / UDP frame between two address literals, {@code payload} bytes of data. */
    private static byte[] udp4(String src, int sport, String dst, int dport, int payload) {
        return Frames.udp(Packets.ip4(src), sport, Packets.ip4(dst), dport, payload);
    }

    /** An Ethernet / IPv6 / UDP frame from ::1 to ::1, {@code payload} bytes of data. */
    private static byte[] udp6(int sport, int dport, int payload) {
        byte[] loopback = Packets.address("::1");
        return Frames.ipv6(Packets.UDP, loopback, loopback, Packets.udp(sport, dport, Packets.payload(payload)));
    }

    /** A pcap record at {@code micros} (microseconds since the epoch). */
    private static void record(CaptureFile pcap, long micros, byte[] frame) {
        pcap.record(micros / 1_000_000, micros % 1_000_000, frame, frame.length);
    }
}
