package org.apptrack.it;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apptrack.capture.api.CaptureService;
import org.apptrack.testsupport.rsyslog.Rsyslog;
import org.apptrack.testsupport.rsyslog.Rsyslog.Transport;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.testsupport.prereq.Host;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The whole product in the distribution: a real capture (curl to a closed port over IPv4 and
 * IPv6, recorded by tcpdump) is replayed through bundle-capture into AppTrack, and a real rsyslog
 * receives one APPTRACK_SESSION_CREATE and one APPTRACK_SESSION_CLOSE per connection attempt, with
 * the addresses, ports and per-direction counts tshark reads from the same file.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AppTrackReplayTest {

    private static final Path CAPTURE = Paths.get(System.getProperty("apptrack.capture.samples", "."),
            "lo-sll2.pcap");

    @Inject
    private CaptureService captureService;

    @Inject
    private SecurityLogService securityLog;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return KarafDistribution.boot(KarafDistribution.freePort());
    }

    @Test
    public void replayedConnectionsReachRsyslogAsCreateAndCloseMessages() throws Exception {
        Prerequisite.require("rsyslogd", Rsyslog.isInstalled());
        Prerequisite.require("tshark", Host.hasCommand("tshark"));
        Prerequisite.require("capture sample " + CAPTURE, Files.isRegularFile(CAPTURE));
        // tshark's view: per client port, the client's SYN and the server's RST with their layer-3 lengths.
        Map<String, long[]> expected = AppTrackIt.tsharkTcpCounts(CAPTURE, 9);
        assertEquals(6, expected.size());

        try (Rsyslog rsyslog = Rsyslog.builder().start()) {
            org.osgi.service.cm.Configuration stream = AppTrackIt.tcpStream(configAdmin, securityLog, "it-apptrack",
                    rsyslog.tcpPort());
            try {
                captureService.replay(CAPTURE, false, null);
                List<JsonNode> received = rsyslog.awaitReceived(Transport.TCP, 12, Duration.ofSeconds(20));
                int creates = 0;
                int closes = 0;
                for (JsonNode msg : received) {
                    String tag = msg.path("hdr").path("msgid").asText();
                    JsonNode f = msg.path("rfc5424-sd").path("junos@2636.1.1.1.2.129");
                    long[] want = expected.get(f.path("source-port").asText());
                    assertEquals(msg.toString(), true, want != null);
                    assertEquals("9", f.path("destination-port").asText());
                    assertEquals("6", f.path("protocol-id").asText());
                    if (tag.equals("APPTRACK_SESSION_CREATE")) {
                        creates++;
                    } else {
                        assertEquals("APPTRACK_SESSION_CLOSE", tag);
                        closes++;
                        assertEquals("TCP SERVER RST", f.path("reason").asText());
                        assertEquals(want[0], f.path("packets-from-client").asLong());
                        assertEquals(want[1], f.path("bytes-from-client").asLong());
                        assertEquals(want[2], f.path("packets-from-server").asLong());
                        assertEquals(want[3], f.path("bytes-from-server").asLong());
                    }
                }
                assertEquals(6, creates);
                assertEquals(6, closes);
                String counters = KarafShell.execute(sessionFactory, "apptrack:counters");
                assertEquals(counters, true, counters.matches("(?s).*Session close messages\\s+6\\b.*"));
                assertEquals(counters, true, counters.matches("(?s).*closed: TCP SERVER RST\\s+6\\b.*"));
                String sessions = KarafShell.execute(sessionFactory, "apptrack:sessions --port 9");
                assertEquals(sessions, true, sessions.contains("0 session(s) shown"));
            } finally {
                stream.delete();
            }
        }
    }
}
