package org.apptrack.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apptrack.testsupport.rsyslog.Rsyslog;
import org.apptrack.testsupport.rsyslog.Rsyslog.Transport;
import org.apptrack.testsupport.pki.TestPki;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.LogStreamState;
import org.apptrack.syslog.api.LogStreamStatus;
import org.apptrack.syslog.api.SecurityLogService;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The standalone distribution, booted by Pax Exam: streams configured through ConfigAdmin deliver
 * to a real rsyslog over UDP, TCP (octet counting) and TLS, and rsyslog's parse of the structured
 * data equals what was sent, field for field and in order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityLogStreamTest {

    private static final String FACTORY_PID = "org.apptrack.syslog.stream";
    private static final String SD_ID = "junos@2636.1.1.1.2.129";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private SecurityLogService securityLog;

    @Inject
    private SessionFactory sessionFactory;

    private final List<org.osgi.service.cm.Configuration> created = new java.util.ArrayList<>();

    @Configuration
    public Option[] config() {
        return KarafDistribution.boot(KarafDistribution.freePort());
    }

    @After
    public void deleteStreams() throws IOException {
        for (org.osgi.service.cm.Configuration c : created) {
            c.delete();
        }
        created.clear();
    }

    // ------------------------------------------------------------------------------------------

    @Test
    public void udpTcpAndTlsDeliverWhatRsyslogParsesBackFieldForField() throws Exception {
        Prerequisite.require("rsyslogd", Rsyslog.isInstalled());
        try (TestPki pki = TestPki.create(); Rsyslog rsyslog = Rsyslog.startParsed(pki)) {
            stream("it-udp", "transport", "udp", "host", "127.0.0.1", "port", rsyslog.udpPort(), "hostname", "fw-udp");
            stream("it-tcp", "transport", "tcp", "host", "127.0.0.1", "port", rsyslog.tcpPort(), "hostname", "fw-tcp");
            stream("it-tls", "transport", "tls", "host", "localhost", "port", rsyslog.tlsPort(), "hostname", "fw-tls",
                    "tlsTrustStore", pki.trustStore().toString(), "tlsTrustStorePassword", pki.password());
            for (String name : new String[] {"it-udp", "it-tcp", "it-tls"}) {
                awaitState(name, LogStreamState.UP);
            }

            LogRecord close = sessionClose();
            securityLog.log(close);

            for (Transport t : Transport.values()) {
                JsonNode msg = rsyslog.awaitReceived(t, 1, WAIT).get(0);
                String host = "fw-" + t.name().toLowerCase();
                assertEquals("14", msg.path("hdr").path("pri").asText());
                assertEquals(host, msg.path("hdr").path("hostname").asText());
                assertEquals("RT_FLOW", msg.path("hdr").path("appname").asText());
                assertEquals("APPTRACK_SESSION_CLOSE", msg.path("hdr").path("msgid").asText());
                assertEquals("2020-05-07T16:27:40.111Z", msg.path("hdr").path("timestamp_raw").asText());
                assertFieldsInOrder(close, msg.path("rfc5424-sd").path(SD_ID), t);
            }
            for (String name : new String[] {"it-udp", "it-tcp", "it-tls"}) {
                awaitCondition(() -> securityLog.stream(name).map(s -> s.sent() == 1).orElse(false),
                        name + " counts one record sent");
                assertEquals(0, status(name).dropped());
            }
        }
    }

    @Test
    public void invalidConfigurationIsRejectedNamingTheFieldWhileOtherStreamsRun() throws Exception {
        Prerequisite.require("rsyslogd", Rsyslog.isInstalled());
        try (Rsyslog rsyslog = Rsyslog.builder().start()) {
            stream("it-good", "transport", "tcp", "host", "127.0.0.1", "port", rsyslog.tcpPort());
            stream("it-port", "transport", "tcp", "host", "127.0.0.1", "port", "70000");
            stream("it-format", "transport", "udp", "host", "127.0.0.1", "format", "cef");
            stream("it-transport", "transport", "sctp", "host", "127.0.0.1");
            stream("it-host", "transport", "tcp", "host", "no-such-host.invalid");
            stream("it-trust", "transport", "tls", "host", "127.0.0.1", "tlsTrustStore", "/nonexistent/trust.p12");
            awaitState("it-good", LogStreamState.UP);
            Map<String, String> expectedField = Map.of("it-port", "port", "it-format", "format",
                    "it-transport", "transport", "it-host", "host", "it-trust", "tlsTrustStore");
            for (Map.Entry<String, String> e : expectedField.entrySet()) {
                LogStreamStatus s = awaitState(e.getKey(), LogStreamState.REJECTED);
                assertTrue(s.configError(), s.configError().startsWith(e.getValue() + ": "));
            }

            String out = execute("apptrack:log-streams");
            assertTrue(out, out.contains("it-port: configuration error: port: out of range 0..65535: 70000"));
            assertTrue(out, out.contains("it-format: configuration error: format: unknown format 'cef'"));

            JsonNode json = httpGet("/onos/apptrack/v1/log-streams/it-host");
            assertEquals("REJECTED", json.path("state").asText());
            assertTrue(json.path("configError").asText().startsWith("host: cannot resolve"));

            securityLog.log(sessionClose());
            assertEquals(1, rsyslog.awaitReceived(Transport.TCP, 1, WAIT).size());

            // A bad update of a running stream leaves the running configuration in force.
            update("it-good", "transport", "tcp", "host", "127.0.0.1", "port", rsyslog.tcpPort(), "facility", "99");
            awaitCondition(() -> securityLog.stream("it-good").map(s -> s.configError() != null).orElse(false),
                    "update rejected");
            assertTrue(status("it-good").configError().contains("facility: "));
            securityLog.log(sessionClose());
            assertEquals(2, rsyslog.awaitReceived(Transport.TCP, 2, WAIT).size());
        }
    }

    @Test
    public void receiverStoppedAndRestartedCountsWhatWasDroppedAndResumes() throws Exception {
        Prerequisite.require("rsyslogd", Rsyslog.isInstalled());
        try (Rsyslog rsyslog = Rsyslog.builder().start()) {
            stream("it-restart", "transport", "tcp", "host", "127.0.0.1", "port", rsyslog.tcpPort(),
                    "queueCapacity", "1000", "reconnectMinMillis", "50", "reconnectMaxMillis", "200");
            awaitState("it-restart", LogStreamState.UP);
            for (int i = 0; i < 100; i++) {
                securityLog.log(sessionClose());
            }
            rsyslog.awaitCount(Transport.TCP, 100, WAIT);
            awaitCondition(() -> securityLog.stream("it-restart").map(s -> s.sent() == 100).orElse(false), "100 sent");

            rsyslog.stop();
            awaitState("it-restart", LogStreamState.CONNECTING);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heapBefore = rt.totalMemory() - rt.freeMemory();
            for (int i = 0; i < 200_000; i++) {
                securityLog.log(sessionClose());
            }
            LogStreamStatus down = status("it-restart");
            assertEquals(1000, down.queueDepth());
            assertEquals(199_000, down.dropped());
            System.gc();
            long heapAfter = rt.totalMemory() - rt.freeMemory();
            assertTrue("queue holds at most its capacity: heap grew by " + (heapAfter - heapBefore),
                    heapAfter - heapBefore < 64L << 20);
            String out = execute("apptrack:log-streams it-restart");
            assertTrue(out, out.contains("199000"));

            rsyslog.start();
            awaitState("it-restart", LogStreamState.UP);
            rsyslog.awaitCount(Transport.TCP, 1100, WAIT);
            securityLog.log(sessionClose());
            rsyslog.awaitCount(Transport.TCP, 1101, WAIT);
            LogStreamStatus after = status("it-restart");
            assertEquals(1101, after.sent());
            assertEquals(199_000, after.dropped());
            assertEquals(after.queued(), after.sent());
            assertTrue(after.reconnects() >= 1);
            assertEquals(1101, rsyslog.lineCount(Transport.TCP));
        }
    }

    @Test
    public void rateLimitDeliversTheLimitsWorthCountsTheRestAndSummarizesThem() throws Exception {
        Prerequisite.require("rsyslogd", Rsyslog.isInstalled());
        int rate = 50;
        int burst = 5000;
        try (Rsyslog rsyslog = Rsyslog.builder().start()) {
            stream("it-limit", "transport", "tcp", "host", "127.0.0.1", "port", rsyslog.tcpPort(),
                    "rateLimit", rate, "rateLimitSummarySeconds", "1");
            awaitState("it-limit", LogStreamState.UP);

            long start = System.nanoTime();
            String out = execute("apptrack:log-test --stream it-limit --count " + burst + " storm");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(out, out.contains("Sent " + burst + " test record(s) to it-limit"));
            LogStreamStatus s = status("it-limit");
            long refused = s.rateLimited();
            long passed = burst - refused;
            // A full bucket (one second's worth) at once, then the rate: a bound, not a count.
            assertTrue(passed + " passed in " + seconds + " s", passed >= rate && passed <= rate + rate * seconds + 1);
            assertEquals("the limit acts before the queue, which never filled", 0, s.dropped());

            // rsyslog gets exactly what passed, and summaries (from the timer: nothing follows
            // the burst) whose counts add up to what the limit refused.
            awaitCondition(() -> received(rsyslog, "APPTRACK_LOG_TEST").size() == passed
                    && summedDrops(rsyslog) == refused, passed + " test records and summaries of " + refused
                    + " refused at rsyslog");
            List<JsonNode> summaries = received(rsyslog, "APPTRACK_LOG_RATE_LIMITED");
            assertTrue("one summary per interval: " + summaries.size() + " in " + seconds + " s",
                    summaries.size() <= 3 + (int) seconds);
            for (JsonNode summary : summaries) {
                assertEquals("12", summary.path("hdr").path("pri").asText()); // user.warning
                JsonNode sd = summary.path("rfc5424-sd").path(SD_ID);
                List<String> names = new java.util.ArrayList<>();
                sd.fieldNames().forEachRemaining(names::add);
                assertEquals(List.of("stream-name", "dropped-records", "interval", "rate-limit"), names);
                assertEquals("it-limit", sd.path("stream-name").asText());
                assertEquals("1", sd.path("interval").asText());
                assertEquals("50", sd.path("rate-limit").asText());
            }

            String table = execute("apptrack:log-streams it-limit");
            assertTrue(table, table.contains(" " + refused + " "));
            assertTrue(table, table.contains("it-limit: rate limit 50 records per second"));
            JsonNode json = httpGet("/onos/apptrack/v1/log-streams/it-limit");
            assertEquals(refused, json.path("rateLimited").asLong());
            assertEquals(rate, json.path("rateLimit").asInt());
            assertEquals(0, json.path("dropped").asLong());

            // Drops stopped: two more intervals bring no summary; the bucket has refilled.
            Thread.sleep(2500);
            assertEquals(summaries.size(), received(rsyslog, "APPTRACK_LOG_RATE_LIMITED").size());
            execute("apptrack:log-test --stream it-limit after");
            awaitCondition(() -> received(rsyslog, "APPTRACK_LOG_TEST").size() == passed + 1,
                    "a record after the storm delivered");
            assertEquals(refused, status("it-limit").rateLimited());
        }
    }

    private static List<JsonNode> received(Rsyslog rsyslog, String msgid) {
        List<JsonNode> result = new java.util.ArrayList<>();
        for (JsonNode n : rsyslog.received(Transport.TCP)) {
            if (msgid.equals(n.path("hdr").path("msgid").asText())) {
                result.add(n);
            }
        }
        return result;
    }

    private static long summedDrops(Rsyslog rsyslog) {
        long sum = 0;
        for (JsonNode n : received(rsyslog, "APPTRACK_LOG_RATE_LIMITED")) {
            sum += n.path("rfc5424-sd").path(SD_ID).path("dropped-records").asLong();
        }
        return sum;
    }

    @Test
    public void tlsChecksTheReceiversNameUnlessToldNotTo() throws Exception {
        Prerequisite.require("rsyslogd", Rsyslog.isInstalled());
        try (TestPki pki = TestPki.create();
             Rsyslog wrongHost = Rsyslog.builder()
                     .tls(pki.wrongHostCaCert(), pki.wrongHostServerCert(), pki.wrongHostServerKey()).start()) {
            stream("it-verify", "transport", "tls", "host", "localhost", "port", wrongHost.tlsPort(),
                    "tlsTrustStore", pki.wrongHostTrustStore().toString(), "tlsTrustStorePassword", pki.password(),
                    "reconnectMinMillis", "100", "reconnectMaxMillis", "200");
            awaitCondition(() -> securityLog.stream("it-verify").map(s -> s.errors() >= 1).orElse(false),
                    "handshake failure counted");
            assertTrue(status("it-verify").lastError(), status("it-verify").lastError().contains("No subject alternative DNS name matching localhost"));
            assertEquals(LogStreamState.CONNECTING, status("it-verify").state());
            securityLog.log(sessionClose());
            Thread.sleep(500);
            assertEquals(0, wrongHost.lineCount(Transport.TLS));
            assertEquals(0, status("it-verify").sent());

            update("it-verify", "transport", "tls", "host", "localhost", "port", wrongHost.tlsPort(),
                    "tlsTrustStore", pki.wrongHostTrustStore().toString(), "tlsTrustStorePassword", pki.password(),
                    "tlsVerifyHostname", "false");
            awaitState("it-verify", LogStreamState.UP);
            securityLog.log(sessionClose());
            assertEquals(1, wrongHost.awaitReceived(Transport.TLS, 1, WAIT).size());
        }
    }

    @Test
    public void mutualTlsPresentsTheConfiguredClientCertificate() throws Exception {
        Prerequisite.require("rsyslogd", Rsyslog.isInstalled());
        try (TestPki pki = TestPki.create(); Rsyslog rsyslog = Rsyslog.builder().tls(pki).requireClientCert(true).start()) {
            stream("it-mtls", "transport", "tls", "host", "localhost", "port", rsyslog.tlsPort(),
                    "tlsTrustStore", pki.trustStore().toString(), "tlsTrustStorePassword", pki.password(),
                    "tlsKeyStore", pki.clientKeyStore().toString(), "tlsKeyStorePassword", pki.password());
            stream("it-nocert", "transport", "tls", "host", "localhost", "port", rsyslog.tlsPort(),
                    "tlsTrustStore", pki.trustStore().toString(), "tlsTrustStorePassword", pki.password(),
                    "reconnectMinMillis", "100", "reconnectMaxMillis", "200");
            awaitState("it-mtls", LogStreamState.UP);
            securityLog.log("it-mtls", sessionClose());
            securityLog.log("it-nocert", sessionClose());
            assertEquals(1, rsyslog.awaitReceived(Transport.TLS, 1, WAIT).size());
            awaitCondition(() -> securityLog.stream("it-nocert").map(s -> s.errors() >= 1).orElse(false),
                    "the receiver refused the client without a certificate");
            Thread.sleep(500);
            assertEquals("only the stream with a client certificate delivered", 1, rsyslog.lineCount(Transport.TLS));
            assertEquals(0, status("it-nocert").sent());
        }
    }

    @Test
    public void defaultLocalFileStreamReceivesTheLogTestRecord() throws Exception {
        awaitState("local", LogStreamState.UP);
        Path file = Paths.get(System.getProperty("karaf.data"), "log", "apptrack-security.log");
        String out = execute("apptrack:log-test --stream local \"hello from the test\"");
        assertTrue(out, out.contains("Sent 1 test record(s) to local"));
        awaitCondition(() -> {
            try {
                return Files.exists(file) && new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                        .contains("message=\"hello from the test\"");
            } catch (IOException e) {
                return false;
            }
        }, "test record in " + file);
        String line = Files.readAllLines(file).stream().filter(l -> l.contains("hello from the test")).findFirst()
                .orElseThrow();
        assertTrue(line, line.matches("<14>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\S+ RT_FLOW - "
                + "APPTRACK_LOG_TEST \\[junos@2636\\.1\\.1\\.1\\.2\\.129 stream-name=\"local\" sequence=\"\\d+\" "
                + "message=\"hello from the test\"\\]"));
        JsonNode all = httpGet("/onos/apptrack/v1/log-streams");
        assertEquals("local", all.path("streams").get(0).path("name").asText());
        assertTrue(all.path("streams").get(0).path("sent").asLong() >= 1);

        // The same over REST: POST .../log-streams/local/test as the administrator.
        AppTrackIt.Reply sent = AppTrackIt.http("POST", "/onos/apptrack/v1/log-streams/local/test?message=over%20rest");
        assertEquals(sent.toString(), 202, sent.status);
        assertEquals("local", sent.json.path("name").asText());
        awaitCondition(() -> {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains("message=\"over rest\"");
            } catch (IOException e) {
                return false;
            }
        }, "REST test record in " + file);
        AppTrackIt.Reply absent = AppTrackIt.http("POST", "/onos/apptrack/v1/log-streams/no-such-stream/test");
        assertEquals(absent.toString(), 404, absent.status);
        assertEquals("no log stream named no-such-stream", absent.json.path("message").asText());
    }

    @Test
    public void aFailingLogCommandThrowsNamingTheStream() throws Exception {
        Exception e = KarafShell.failure(sessionFactory, "apptrack:log-test --stream no-such-stream hi");
        assertEquals("No log stream named no-such-stream", e.getMessage());
        assertEquals("--count must be at least 1: 0",
                KarafShell.failure(sessionFactory, "apptrack:log-test --count 0 hi").getMessage());
    }

    // ------------------------------------------------------------------------------------------

    /** An APPTRACK_SESSION_CLOSE with every field, some values needing escapes or carrying controls. */
    private static LogRecord sessionClose() {
        return LogRecord.builder("APPTRACK_SESSION_CLOSE")
                .time(java.time.Instant.parse("2020-05-07T16:27:40.111Z").toEpochMilli())
                .field("reason", "TCP FIN").field("source-address", "10.224.129.218").field("source-port", "57838")
                .field("destination-address", "10.228.24.14").field("destination-port", "443")
                .field("service-name", "junos-https").field("application", "SSL").field("nested-application", "UNKNOWN")
                .field("nat-source-address", "10.224.129.218").field("nat-source-port", "57838")
                .field("nat-destination-address", "10.228.24.14").field("nat-destination-port", "443")
                .field("src-nat-rule-name", "N/A").field("dst-nat-rule-name", "N/A").field("protocol-id", "6")
                .field("policy-name", "allow \"web\" [v2]").field("source-zone-name", "trust")
                .field("destination-zone-name", "untrust").field("session-id-32", "4091")
                .field("packets-from-client", "29").field("bytes-from-client", "2066")
                .field("packets-from-server", "20").field("bytes-from-server", "18000").field("elapsed-time", "608")
                .field("username", "DOMAIN\\zoë").field("roles", "a]b").field("encrypted", "No")
                .field("profile-name", "N/A").field("rule-name", "N/A").field("routing-instance", "default")
                .field("destination-interface-name", "ge-0/0/1.0").field("uplink-incoming-interface-name", "")
                .field("uplink-tx-bytes", "0").field("uplink-rx-bytes", "0").field("category", "Web")
                .field("sub-category", "N/A").field("multipath-rule-name", "N/A")
                .field("source-l3vpn-vrf-group-name", "N/A").field("destination-l3vpn-vrf-group-name", "N/A")
                .field("dscp-value", "N/A").field("apbr-rule-type", "host\r\ninjected=\"1\"")
                .body("AppTrack session closed TCP FIN").build();
    }

    /** rsyslog's parsed parameters equal the record's fields, in order; controls arrive as spaces. */
    private static void assertFieldsInOrder(LogRecord sent, JsonNode params, Transport t) {
        Iterator<Map.Entry<String, JsonNode>> it = params.fields();
        for (int i = 0; i < sent.fieldCount(); i++) {
            assertTrue(t + ": missing field " + sent.name(i), it.hasNext());
            Map.Entry<String, JsonNode> p = it.next();
            assertEquals(t + ": field " + i, sent.name(i), p.getKey());
            String expected = sent.value(i).replace('\r', ' ').replace('\n', ' ');
            assertEquals(t + ": value of " + sent.name(i), expected, p.getValue().asText());
        }
        assertTrue(t + ": extra fields", !it.hasNext());
    }

    private void stream(String name, Object... kv) throws IOException {
        org.osgi.service.cm.Configuration c = configAdmin.getFactoryConfiguration(FACTORY_PID, name, "?");
        c.update(dictionary(kv));
        created.add(c);
    }

    private void update(String name, Object... kv) throws IOException {
        configAdmin.getFactoryConfiguration(FACTORY_PID, name, "?").update(dictionary(kv));
    }

    private static Dictionary<String, Object> dictionary(Object... kv) {
        Hashtable<String, Object> d = new Hashtable<>();
        for (int i = 0; i < kv.length; i += 2) {
            d.put((String) kv[i], kv[i + 1].toString());
        }
        return d;
    }

    private LogStreamStatus status(String name) {
        return securityLog.stream(name).orElseThrow(() -> new AssertionError("no stream " + name
                + "; streams: " + securityLog.streams()));
    }

    private LogStreamStatus awaitState(String name, LogStreamState state) throws InterruptedException {
        awaitCondition(() -> securityLog.stream(name).map(s -> s.state() == state).orElse(false),
                name + " in state " + state);
        return status(name);
    }

    private void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; streams: " + securityLog.streams());
            }
            Thread.sleep(20);
        }
    }

    private String execute(String command) throws Exception {
        return KarafShell.execute(sessionFactory, command);
    }

    /** GET on the REST API as the administrator, which must answer 200. */
    private static JsonNode httpGet(String path) throws Exception {
        return AppTrackIt.get(path);
    }
}
