package org.apptrack.testsupport.rsyslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.apptrack.testsupport.pki.TestPki;
import org.apptrack.testsupport.prereq.Prerequisites;
import org.apptrack.testsupport.rsyslog.Rsyslog.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Proves the {@link Rsyslog} harness against the real rsyslogd: UDP, TCP and TLS with RFC 6587
 * octet counting, what rsyslog parses (header, parameter order, unescaped values, UTF-8),
 * receiver down / restart on the same ports, mutual TLS, hostname verification and the raw
 * benchmark mode. Needs rsyslogd and openssl ({@code scripts/install-test-deps.sh}, {@link Prerequisites}).
 */
class RsyslogHarnessTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SD_ID = "junos@2636.1.1.1.2.129";

    /** Params deliberately not in alphabetical order; values with the three RFC 5424 escapes and UTF-8. */
    private static final String MESSAGE = "<14>1 2020-05-07T16:27:40.111Z fw-01.example RT_FLOW - APPTRACK_SESSION_CLOSE "
            + "[" + SD_ID + " reason=\"TCP FIN\" source-address=\"10.0.0.1\" zeta=\"last \\\"quoted\\\"\" "
            + "alpha=\"back\\\\slash\" city=\"Zürich\" bracket=\"a\\]b\" mixed=\"\\\"\\\\\\]\"]";

    private static final String[] PARAM_ORDER = {"reason", "source-address", "zeta", "alpha", "city", "bracket", "mixed"};
    private static final String[] PARAM_VALUES = {"TCP FIN", "10.0.0.1", "last \"quoted\"", "back\\slash", "Zürich",
        "a]b", "\"\\]"};

    private static TestPki pki;
    private final List<Rsyslog> instances = new ArrayList<>();

    @BeforeAll
    static void createPki() throws IOException {
        Prerequisites.require("rsyslogd", Rsyslog.isInstalled());
        Prerequisites.require("openssl", TestPki.isOpensslInstalled());
        pki = TestPki.create();
    }

    @AfterAll
    static void deletePki() {
        if (pki != null) {
            pki.close();
        }
    }

    @AfterEach
    void closeInstances() {
        for (Rsyslog r : instances) {
            r.close();
        }
    }

    private Rsyslog track(Rsyslog r) {
        instances.add(r);
        return r;
    }

    @Test
    void deliversAndParsesOverUdpTcpAndTls() throws Exception {
        Rsyslog rsyslog = track(Rsyslog.startParsed(pki));
        sendAll(rsyslog, MESSAGE);
        for (Transport t : Transport.values()) {
            List<JsonNode> got = rsyslog.awaitReceived(t, 1, WAIT);
            assertEquals(1, got.size(), t + ": " + got);
            assertParsed(t, got.get(0));
        }
    }

    @Test
    void receiverDownRefusesThenRestartsOnSamePorts() throws Exception {
        Rsyslog rsyslog = track(Rsyslog.startParsed(pki));
        int udp = rsyslog.udpPort();
        int tcp = rsyslog.tcpPort();
        int tls = rsyslog.tlsPort();
        sendAll(rsyslog, MESSAGE);
        for (Transport t : Transport.values()) {
            rsyslog.awaitCount(t, 1, WAIT);
        }

        rsyslog.stop();
        assertFalse(rsyslog.isRunning());
        assertRefused(tcp);
        assertRefused(tls);

        rsyslog.start();
        assertTrue(rsyslog.isRunning());
        assertEquals(udp, rsyslog.udpPort());
        assertEquals(tcp, rsyslog.tcpPort());
        assertEquals(tls, rsyslog.tlsPort());
        sendAll(rsyslog, MESSAGE);
        for (Transport t : Transport.values()) {
            List<JsonNode> got = rsyslog.awaitReceived(t, 2, WAIT);
            assertEquals(2, got.size(), t + " after restart: " + got);
            assertParsed(t, got.get(1));
        }
    }

    @Test
    void mutualTlsRequiresClientCertificate() throws Exception {
        Rsyslog rsyslog = track(Rsyslog.builder().tls(pki).requireClientCert(true).start());
        sendTls(pki.mutualClientContext(), "localhost", rsyslog.tlsPort(), MESSAGE, true);
        assertParsed(Transport.TLS, rsyslog.awaitReceived(Transport.TLS, 1, WAIT).get(0));

        // without a client certificate the server aborts the handshake (TLS 1.3: possibly only
        // noticed by the client on its next read) and nothing is delivered
        boolean failed = false;
        try {
            sendTls(pki.clientContext(), "localhost", rsyslog.tlsPort(), MESSAGE, true);
        } catch (SSLException | java.net.SocketException e) {
            failed = true;
        }
        Thread.sleep(300);
        assertEquals(1, rsyslog.lineCount(Transport.TLS), "message without client certificate must not be delivered");
        assertTrue(failed, "client without certificate must see the connection fail");
    }

    @Test
    void hostnameVerificationRejectsWrongHostCertificate() throws Exception {
        Rsyslog rsyslog = track(Rsyslog.builder()
                .tls(pki.wrongHostCaCert(), pki.wrongHostServerCert(), pki.wrongHostServerKey())
                .start());
        try {
            sendTls(pki.wrongHostClientContext(), "localhost", rsyslog.tlsPort(), MESSAGE, true);
            fail("hostname verification must reject a certificate for wrong-host.example");
        } catch (SSLHandshakeException expected) {
            // chain is trusted, only the name is wrong
        }
        // control: the same chain without hostname verification is accepted
        sendTls(pki.wrongHostClientContext(), "localhost", rsyslog.tlsPort(), MESSAGE, false);
        assertEquals(1, rsyslog.awaitReceived(Transport.TLS, 1, WAIT).size());
    }

    @Test
    void rawTcpBenchmarkModeCountsLines() throws Exception {
        Rsyslog rsyslog = track(Rsyslog.startRawTcpBenchmark());
        assertFalse(rsyslog.hasInput(Transport.UDP));
        assertFalse(rsyslog.hasInput(Transport.TLS));
        int n = 20_000;
        byte[] frame = Rsyslog.octetCounted(MESSAGE);
        byte[] batch = new byte[frame.length * 100];
        for (int i = 0; i < 100; i++) {
            System.arraycopy(frame, 0, batch, i * frame.length, frame.length);
        }
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), rsyslog.tcpPort())) {
            OutputStream out = s.getOutputStream();
            for (int i = 0; i < n / 100; i++) {
                out.write(batch);
            }
            out.flush();
        }
        assertEquals(n, rsyslog.awaitCount(Transport.TCP, n, Duration.ofSeconds(30)));
        Thread.sleep(1200); // nothing extra arrives after a flush interval
        assertEquals(n, rsyslog.lineCount(Transport.TCP));
        assertEquals(n, Rsyslog.lineCount(rsyslog.output(Transport.TCP)));
        assertEquals(MESSAGE, rsyslog.receivedLines(Transport.TCP).get(0));
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertParsed(Transport t, JsonNode line) {
        String where = t + ": " + line;
        assertEquals(t.name().toLowerCase(), line.path("transport").asText(), where);
        JsonNode hdr = line.path("hdr");
        assertEquals("14", hdr.path("pri").asText(), where);
        assertEquals("1", hdr.path("version").asText(), where);
        assertEquals("2020-05-07T16:27:40.111Z", hdr.path("timestamp").asText(), where);
        assertEquals("2020-05-07T16:27:40.111Z", hdr.path("timestamp_raw").asText(), where);
        assertEquals("fw-01.example", hdr.path("hostname").asText(), where);
        assertEquals("RT_FLOW", hdr.path("appname").asText(), where);
        assertEquals("-", hdr.path("procid").asText(), where);
        assertEquals("APPTRACK_SESSION_CLOSE", hdr.path("msgid").asText(), where);
        assertEquals(MESSAGE, line.path("raw").asText(), where);
        assertEquals(MESSAGE.substring(MESSAGE.indexOf('[')), hdr.path("sd_raw").asText(), where);

        JsonNode sd = line.path("rfc5424-sd");
        assertEquals(1, sd.size(), where);
        JsonNode params = sd.path(SD_ID);
        assertTrue(params.isObject(), where);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertEquals(List.of(PARAM_ORDER), names, where);
        for (int i = 0; i < PARAM_ORDER.length; i++) {
            assertEquals(PARAM_VALUES[i], params.path(PARAM_ORDER[i]).asText(), where);
        }
    }

    private static void sendAll(Rsyslog r, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket udp = new DatagramSocket()) {
            udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), r.udpPort()));
        }
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), r.tcpPort())) {
            tcp.getOutputStream().write(Rsyslog.octetCounted(message));
            tcp.getOutputStream().flush();
        }
        sendTls(pki.clientContext(), "localhost", r.tlsPort(), message, true);
    }

    /** One octet-counted message over TLS, then a clean close (close_notify). */
    private static void sendTls(SSLContext ctx, String host, int port, String message, boolean verifyHostname)
            throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true)) {
                if (verifyHostname) {
                    SSLParameters p = s.getSSLParameters();
                    p.setEndpointIdentificationAlgorithm("HTTPS");
                    s.setSSLParameters(p);
                }
                s.setSoTimeout(2000);
                s.startHandshake();
                s.getOutputStream().write(Rsyslog.octetCounted(message));
                s.getOutputStream().flush();
                // a syslog receiver never answers; a short read surfaces a server-side abort
                // (e.g. rejected client certificate under TLS 1.3) instead of hiding it
                s.setSoTimeout(300);
                InputStream in = s.getInputStream();
                try {
                    int b = in.read();
                    if (b == -1) {
                        throw new java.net.SocketException("server closed the TLS connection");
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // expected: connection open, server silent
                }
            }
        }
    }

    private static void assertRefused(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            fail("port " + port + " still accepts connections after stop()");
        } catch (ConnectException expected) {
            // receiver down
        }
    }
}
