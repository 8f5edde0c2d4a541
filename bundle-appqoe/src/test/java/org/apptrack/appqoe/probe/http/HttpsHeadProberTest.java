package org.apptrack.appqoe.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apptrack.appqoe.probe.ProbeResultListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The prober against the JDK's HTTPS server with a self-signed certificate for localhost and
 * 127.0.0.1 ({@code localhost.p12}, made with keytool, password changeit).
 */
class HttpsHeadProberTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final List<Long> rtts = new CopyOnWriteArrayList<>();
    private final AtomicLong lost = new AtomicLong();
    private final ProbeResultListener recorder = new ProbeResultListener() {
        @Override
        public void onResult(String pathId, long sequence, long rttNanos, long forwardNanos, long backwardNanos) {
            throw new AssertionError("HTTP probes have no one-way stamps");
        }

        @Override
        public void onRoundTrip(String pathId, long sequence, long rttNanos) {
            rtts.add(rttNanos);
        }

        @Override
        public void onLost(String pathId, long sequence) {
            lost.incrementAndGet();
        }
    };
    private KeyStore keys;
    private EventLoopGroup group;
    private HttpsServer server;
    private HttpHeadProber prober;

    @BeforeEach
    void setUp() throws Exception {
        keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("localhost.p12")) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        group = new NioEventLoopGroup(1);
    }

    @AfterEach
    void tearDown() {
        if (prober != null) {
            prober.stop();
        }
        server.stop(0);
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private HttpProbeSettings settings(String host) throws java.net.UnknownHostException {
        return HttpProbeSettings.builder("saas-tls").source(InetAddress.getByName("127.0.0.1"))
                .target("https://" + host + ":" + server.getAddress().getPort() + "/")
                .interval(Duration.ofMillis(50)).lossTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void headRequestsGoOverTlsToATrustedServer() throws Exception {
        SslContext trustingTheTestCertificate = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .trustManager((X509Certificate) keys.getCertificate("localhost")).build();
        prober = new HttpHeadProber(group, settings("localhost"), recorder, trustingTheTestCertificate);
        prober.start();
        await(() -> rtts.size() >= 5, "5 answered probes");

        assertEquals(1, prober.counters().connects(), prober.counters().toString());
        assertEquals(0, lost.get());
        for (long rtt : rtts) {
            assertTrue(rtt > 0, "rtt " + rtt);
        }
    }

    @Test
    void aServerTheJvmDoesNotTrustIsNotProbed() throws Exception {
        prober = new HttpHeadProber(group, settings("localhost"), recorder);
        prober.start();
        await(() -> prober.counters().connectFailures() >= 2, "2 failed handshakes");

        assertEquals(0, rtts.size());
        assertEquals(0, prober.counters().sent(), prober.counters().toString());
        assertTrue(lost.get() >= 2, "lost " + lost.get());
        prober.stop();
        assertEquals(0, prober.openConnections());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
