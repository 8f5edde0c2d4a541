package org.apptrack.appqoe.probe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apptrack.appqoe.probe.ProbeResultListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The prober against a real HTTP server (the JDK's) over loopback TCP. */
class HttpHeadProberTest {

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Recorder recorder = new Recorder();
    private final AtomicLong serverDelayMillis = new AtomicLong();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger maxOpenConnections = new AtomicInteger();
    private EventLoopGroup group;
    private ExecutorService serverThreads;
    private HttpServer server;
    private HttpHeadProber prober;

    @BeforeEach
    void setUp() throws IOException {
        group = new NioEventLoopGroup(1);
        serverThreads = Executors.newFixedThreadPool(4);
        server = startServer(0);
    }

    @AfterEach
    void tearDown() {
        if (prober != null) {
            prober.stop();
        }
        server.stop(0);
        serverThreads.shutdownNow();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private HttpServer startServer(int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        s.setExecutor(serverThreads);
        s.createContext("/", this::handle);
        s.start();
        return s;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " Host="
                + exchange.getRequestHeaders().getFirst("Host"));
        clients.add(exchange.getRemoteAddress());
        long delay = serverDelayMillis.get();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private HttpProbeSettings.Builder path() {
        return HttpProbeSettings.builder("saas-1").source(InetAddress.getLoopbackAddress())
                .target("http://127.0.0.1:" + server.getAddress().getPort() + "/probe?x=1")
                .interval(Duration.ofMillis(50)).lossTimeout(Duration.ofSeconds(5));
    }

    private HttpHeadProber start(HttpProbeSettings settings) throws IOException {
        prober = new HttpHeadProber(group, settings, recorder);
        prober.start();
        return prober;
    }

    @Test
    void headRequestsOnOneKeptAliveConnectionReportTheirRoundTrips() throws IOException {
        start(path().dscp(46).build());
        await(() -> recorder.rtts.size() >= 10, "10 answered probes");

        for (long rtt : recorder.rtts) {
            assertTrue(rtt > 0 && rtt < TimeUnit.SECONDS.toNanos(5), "rtt " + rtt);
        }
        assertEquals(0, recorder.lost.get());
        assertEquals(1, prober.counters().connects(), prober.counters().toString());
        assertEquals(1, clients.size(), "one connection for all probes: " + clients);
        assertTrue(requests.get(0).startsWith("HEAD /probe?x=1 Host=127.0.0.1:"), requests.get(0));
        assertEquals(46 << 2, (int) prober.channel().config().getOption(ChannelOption.IP_TOS));
        assertEquals("saas-1", recorder.pathIds.iterator().next());
        assertEquals(1, recorder.pathIds.size());
    }

    @Test
    void theConnectionIsBoundToThePathsSourceAddress() throws IOException {
        InetAddress uplink = InetAddress.getByName("127.0.0.2");
        start(path().source(uplink).build());
        await(() -> recorder.rtts.size() >= 1, "an answered probe");

        assertEquals(uplink, clients.iterator().next().getAddress());
        assertEquals(uplink, ((InetSocketAddress) prober.channel().localAddress()).getAddress());
    }

    @Test
    void aDelayTheServerAddsIsInTheRoundTrip() throws IOException {
        start(path().build());
        await(() -> recorder.rtts.size() >= 3, "answered probes without delay");
        long fast = recorder.rtts.get(0);

        serverDelayMillis.set(150);
        int before = recorder.rtts.size();
        await(() -> recorder.rtts.size() >= before + 6, "answered probes with delay");
        // The first delayed answers may belong to requests sent before the delay was set.
        long slow = recorder.rtts.get(recorder.rtts.size() - 1);
        assertTrue(slow >= TimeUnit.MILLISECONDS.toNanos(150), "rtt " + slow + " with 150 ms server delay");
        assertTrue(fast < TimeUnit.MILLISECONDS.toNanos(150), "rtt " + fast + " without delay");
        // A 150 ms server at 50 ms intervals with one request outstanding: the probes due meanwhile are skipped.
        assertTrue(prober.counters().suppressed() > 0, prober.counters().toString());
        assertEquals(0, recorder.lost.get());
    }

    @Test
    void aResponseLaterThanTheLossTimeoutIsALossAndTheConnectionIsReplaced() throws IOException {
        serverDelayMillis.set(400);
        start(path().lossTimeout(Duration.ofMillis(100)).build());
        await(() -> recorder.lost.get() >= 3, "3 lost probes");

        assertEquals(0, recorder.rtts.size(), "a late response must not answer a later probe");
        assertTrue(prober.counters().connects() >= 2, prober.counters().toString());
        assertTrue(prober.openConnections() <= 1, "open connections " + prober.openConnections());
    }

    @Test
    void whileTheServerIsDownProbesAreLostAndReconnectsAreBoundedThenItRecovers() throws Exception {
        start(path().build());
        await(() -> recorder.rtts.size() >= 2, "answered probes");
        int port = server.getAddress().getPort();

        server.stop(0);
        long lostBefore = recorder.lost.get();
        await(() -> recorder.lost.get() >= lostBefore + 20, "20 probes lost while the server is down");
        HttpProbeCounters c = prober.counters();
        // Backoff: far fewer connection attempts than probes lost.
        assertTrue(c.connectFailures() * 2 < c.lost(), c.toString());
        assertTrue(prober.openConnections() <= 1, "open connections " + prober.openConnections());

        server = startServer(port);
        int answeredBefore = recorder.rtts.size();
        await(() -> recorder.rtts.size() > answeredBefore, "answers once the server is back");
    }

    @Test
    void stopClosesTheConnectionAndReportsNothingMore() throws Exception {
        start(path().build());
        await(() -> recorder.rtts.size() >= 2, "answered probes");

        prober.stop();
        assertEquals(0, prober.openConnections());
        assertNull(prober.channel());
        int answered = recorder.rtts.size();
        long lost = recorder.lost.get();
        Thread.sleep(300);
        assertEquals(answered, recorder.rtts.size());
        assertEquals(lost, recorder.lost.get());
    }

    @Test
    void noConnectionLeaksAcrossManyFailedAttempts() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        // Refused at once; an interval shorter than any backoff so attempts are as frequent as allowed.
        start(path().target("http://127.0.0.1:" + port + "/").interval(Duration.ofMillis(5)).build());
        await(() -> prober.counters().connectFailures() >= 4, "4 failed attempts");
        assertTrue(prober.openConnections() <= 1, "open connections " + prober.openConnections());

        prober.stop();
        assertEquals(0, prober.openConnections());
        server = startServer(0);
    }

    @Test
    void invalidSettingsNameTheField() {
        assertField("target", () -> path().target("ftp://example.com/").build());
        assertField("target", () -> path().target("http:///nohost").build());
        assertField("target", () -> path().target("http://exa mple.com/").build());
        assertField("dscp", () -> path().dscp(64).build());
        assertField("interval", () -> path().interval(Duration.ZERO).build());
        assertField("lossTimeout", () -> path().lossTimeout(Duration.ofMillis(-1)).build());
        assertField("maxOutstanding", () -> path().maxOutstanding(0).build());
        assertField("pathId", () -> HttpProbeSettings.builder("").build());
    }

    @Test
    void theRequestTargetAndHostHeaderComeFromTheUrl() {
        HttpProbeSettings plain = path().target("http://saas.example.com").build();
        assertEquals("/", plain.requestTarget());
        assertEquals("saas.example.com", plain.hostHeader());
        assertEquals(80, plain.port());
        HttpProbeSettings v6 = path().target("http://[2001:db8::1]:8080/a/b?c=d").build();
        assertEquals("/a/b?c=d", v6.requestTarget());
        assertEquals("[2001:db8::1]:8080", v6.hostHeader());
        HttpProbeSettings tls = path().target("https://saas.example.com/").build();
        assertTrue(tls.tls());
        assertEquals(443, tls.port());
        assertEquals("saas.example.com", tls.hostHeader());
    }

    @Test
    void aTargetWithoutAddressOfTheSourceFamilyFailsToStart() throws IOException {
        HttpHeadProber p = new HttpHeadProber(group, path().source(InetAddress.getByName("::1")).build(), recorder);
        IOException e = assertThrows(IOException.class, p::start);
        assertTrue(e.getMessage().contains("IPv6"), e.getMessage());
    }

    private static void assertField(String field, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Records results from the prober's event loop. */
    private static final class Recorder implements ProbeResultListener {
        final List<Long> rtts = new CopyOnWriteArrayList<>();
        final Set<String> pathIds = ConcurrentHashMap.newKeySet();
        final AtomicLong lost = new AtomicLong();

        @Override
        public void onResult(String pathId, long sequence, long rttNanos, long forwardNanos, long backwardNanos) {
            throw new AssertionError("HTTP probes have no one-way stamps");
        }

        @Override
        public void onRoundTrip(String pathId, long sequence, long rttNanos) {
            pathIds.add(pathId);
            rtts.add(rttNanos);
        }

        @Override
        public void onLost(String pathId, long sequence) {
            lost.incrementAndGet();
        }
    }
}
