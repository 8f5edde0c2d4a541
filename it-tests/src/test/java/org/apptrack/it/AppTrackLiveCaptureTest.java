package org.apptrack.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apptrack.capture.api.CaptureService;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.testsupport.files.TestFiles;
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
 * The live path of the distribution, end to end: real TCP connections on the loopback interface
 * are captured by libpcap (bundle-capture's live source), tracked by AppTrack, and a real rsyslog
 * receives a create and a close message per connection whose per-direction packet and byte counts
 * equal those tshark reads from tcpdump's own recording of the same packets. Needs root (packet
 * capture), rsyslog, tcpdump and tshark ({@link Prerequisite}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AppTrackLiveCaptureTest {

    @Inject
    private CaptureService captureService;

    @Inject
    private SecurityLogService securityLog;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return KarafDistribution.boot(KarafDistribution.freePort());
    }

    @Test
    public void connectionsOnLoopbackReachRsyslogWithTheCountsTsharkSees() throws Exception {
        Prerequisite.require("root, for packet capture", Host.isRoot());
        Prerequisite.require("rsyslogd", Rsyslog.isInstalled());
        Prerequisite.require("tshark and editcap", AppTrackIt.wiresharkToolsInstalled());
        Prerequisite.require("tcpdump", Host.hasCommand("tcpdump"));
        Path dir = Files.createTempDirectory("apptrack-live");
        Path recording = dir.resolve("lo.pcap");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Rsyslog rsyslog = Rsyslog.builder().start()) {
            int port = server.getLocalPort();
            Thread echo = new Thread(() -> serveEcho(server), "it-echo");
            echo.setDaemon(true);
            echo.start();
            org.osgi.service.cm.Configuration stream = AppTrackIt.tcpStream(configAdmin, securityLog, "it-live",
                    rsyslog.tcpPort());
            org.osgi.service.cm.Configuration capture = configAdmin.getConfiguration("org.apptrack.capture", "?");
            Process tcpdump = null;
            try {
                String filter = "tcp port " + port;
                tcpdump = startTcpdump(recording, filter, dir.resolve("tcpdump.err"));
                Hashtable<String, Object> live = new Hashtable<>();
                live.put("source", "live");
                live.put("interfaces", "lo");
                live.put("filter", filter);
                capture.update(live);
                AppTrackIt.awaitLiveSource(captureService, CaptureSourceStatus.State.RUNNING);
                Thread.sleep(500); // the capture thread is reading

                int finPort1 = exchange(port, 1000, false);
                int rstPort = exchange(port, 10, true);
                int finPort2 = exchange(port, 5000, false);

                // A session closes when its linger (2 s after its last packet) ends: "TCP FIN", or the RST's reason.
                List<JsonNode> received = rsyslog.awaitReceived(Transport.TCP, 6, Duration.ofSeconds(40));
                tcpdump.destroy();
                tcpdump.waitFor(10, TimeUnit.SECONDS);
                tcpdump = null;
                Map<String, long[]> expected = AppTrackIt.tsharkTcpCounts(recording, port);
                assertEquals(expected.keySet().toString(), 3, expected.size());

                Map<String, String> reasons = new HashMap<>();
                int creates = 0;
                for (JsonNode msg : received) {
                    String tag = msg.path("hdr").path("msgid").asText();
                    JsonNode f = msg.path("rfc5424-sd").path("junos@2636.1.1.1.2.129");
                    String clientPort = f.path("source-port").asText();
                    long[] want = expected.get(clientPort);
                    assertTrue(msg.toString(), want != null);
                    assertEquals("127.0.0.1", f.path("source-address").asText());
                    assertEquals(Integer.toString(port), f.path("destination-port").asText());
                    assertEquals("trust", f.path("source-zone-name").asText());
                    assertEquals("trust", f.path("destination-zone-name").asText());
                    assertEquals("apptrack-observe", f.path("policy-name").asText());
                    if (tag.equals("APPTRACK_SESSION_CREATE")) {
                        creates++;
                        continue;
                    }
                    assertEquals(msg.toString(), "APPTRACK_SESSION_CLOSE", tag);
                    reasons.put(clientPort, f.path("reason").asText());
                    assertEquals(msg.toString(), want[0], f.path("packets-from-client").asLong());
                    assertEquals(msg.toString(), want[1], f.path("bytes-from-client").asLong());
                    assertEquals(msg.toString(), want[2], f.path("packets-from-server").asLong());
                    assertEquals(msg.toString(), want[3], f.path("bytes-from-server").asLong());
                }
                assertEquals(3, creates);
                assertEquals(Map.of(Integer.toString(finPort1), "TCP FIN", Integer.toString(rstPort),
                        "TCP CLIENT RST", Integer.toString(finPort2), "TCP FIN"), reasons);
            } finally {
                if (tcpdump != null) {
                    tcpdump.destroyForcibly();
                }
                Hashtable<String, Object> none = new Hashtable<>();
                none.put("source", "none");
                capture.update(none);
                stream.delete();
            }
        } finally {
            TestFiles.deleteRecursively(dir);
        }
    }

    /** One connection: sends {@code bytes}, reads them back, then closes (with a RST when {@code reset}). */
    private static int exchange(int port, int bytes, boolean reset) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setTcpNoDelay(true);
            byte[] data = new byte[bytes];
            s.getOutputStream().write(data);
            InputStream in = s.getInputStream();
            int got = 0;
            while (got < bytes) {
                int n = in.read(data, got, bytes - got);
                if (n < 0) {
                    throw new AssertionError("echo ended early");
                }
                got += n;
            }
            if (reset) {
                s.setSoLinger(true, 0); // close() now sends a RST
            } else {
                s.shutdownOutput();
                while (in.read() >= 0) {
                    // until the server's FIN
                }
            }
            return s.getLocalPort();
        }
    }

    private static void serveEcho(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket c = server.accept()) {
                InputStream in = c.getInputStream();
                OutputStream out = c.getOutputStream();
                byte[] buf = new byte[4096];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                }
            } catch (Exception e) {
                // a reset connection, or the server closing: next one
            }
        }
    }

    private static Process startTcpdump(Path file, String filter, Path err) throws Exception {
        // Immediate mode: low-rate traffic would otherwise wait in the kernel's ring for a block to fill.
        // A short snap length (the counts read only headers): with the default of 256 KiB per frame
        // the 2 MiB ring holds eight frames, and a busy machine that is slow to schedule tcpdump
        // makes the kernel drop some of a connection's packets from the reference recording.
        String tcpdump = Host.command("tcpdump").orElseThrow().toString();
        Process p = new ProcessBuilder(tcpdump, "-i", "lo", "--immediate-mode", "-U", "-n", "-s", "256",
                "-w", file.toString(), filter).redirectErrorStream(true).redirectOutput(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(err).contains("listening on")) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                throw new AssertionError("tcpdump did not start: " + Files.readString(err));
            }
            Thread.sleep(20);
        }
        return p;
    }
}
