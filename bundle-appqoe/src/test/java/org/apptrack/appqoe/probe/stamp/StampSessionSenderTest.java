package org.apptrack.appqoe.probe.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apptrack.api.time.Clock;
import org.apptrack.appqoe.probe.ProbeResultListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sender and a reflector exchanging probes over real UDP sockets on 127.0.0.1. */
class StampSessionSenderTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Recorder recorder = new Recorder();
    private EventLoopGroup group;
    private StampSessionReflector reflector;
    private StampSessionSender sender;

    @BeforeEach
    void setUp() throws IOException {
        group = new NioEventLoopGroup(2);
        reflector = new StampSessionReflector(group, Clock.SYSTEM, new ReflectorSettings(LOOPBACK, 0, 0));
        reflector.start();
    }

    @AfterEach
    void tearDown() {
        if (sender != null) {
            sender.stop();
        }
        reflector.stop();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private ProbePathSettings.Builder path() {
        return ProbePathSettings.builder("wan-1").source(LOOPBACK, 0).reflector(reflector.localAddress());
    }

    private StampSessionSender start(ProbePathSettings settings) throws IOException {
        sender = new StampSessionSender(group, Clock.SYSTEM, settings, recorder);
        sender.start();
        return sender;
    }

    @Test
    void everyProbeOfABurstIsAnsweredAndMatchedBySequence() throws IOException {
        start(path().probeCount(10).burstSize(5).interval(Duration.ofMillis(20))
                .lossTimeout(Duration.ofSeconds(30)).build());
        await(() -> recorder.results.size() == 10, "10 results");

        Set<Long> sequences = new TreeSet<>();
        for (Result r : recorder.results) {
            assertEquals("wan-1", r.pathId);
            assertTrue(r.rttNanos >= 0, "rtt " + r.rttNanos);
            // One clock on both ends: each one-way delta is non-negative and they add up to the RTT.
            assertTrue(r.forwardNanos >= 0 && r.backwardNanos >= 0, r.toString());
            assertEquals(r.rttNanos, r.forwardNanos + r.backwardNanos);
            sequences.add(r.sequence);
        }
        assertEquals(Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), sequences);
        assertTrue(recorder.lost.isEmpty());
        assertEquals(10, sender.counters().sent());
        assertEquals(10, sender.counters().answered());
        assertEquals(10, reflector.counters().reflected());
    }

    @Test
    void probesAreLostAfterTheTimeoutOnceTheReflectorStops() throws IOException {
        start(path().interval(Duration.ofMillis(20)).lossTimeout(Duration.ofMillis(300)).build());
        await(() -> recorder.results.size() >= 3, "3 results");
        reflector.stop();
        await(() -> recorder.lost.size() >= 3, "3 lost probes");

        long lastAnswered = recorder.results.stream().mapToLong(r -> r.sequence).max().getAsLong();
        for (long lost : recorder.lost) {
            assertTrue(lost > lastAnswered - sender.settings().maxOutstanding(), "lost " + lost);
            assertFalse(recorder.results.stream().anyMatch(r -> r.sequence == lost), "both answered and lost: " + lost);
        }
        assertTrue(sender.counters().lost() >= 3);
    }

    @Test
    void outstandingProbesAreBounded() throws IOException {
        ProbePathSettings settings = path().probeCount(20).burstSize(20).interval(Duration.ofMillis(10))
                .lossTimeout(Duration.ofSeconds(60)).maxOutstanding(4).build();
        reflector.stop(); // nobody answers: every probe stays outstanding until its long timeout
        start(settings);
        await(() -> sender.counters().sent() + sender.counters().suppressed() == 20, "20 attempts");
        assertEquals(4, sender.counters().sent());
        assertEquals(16, sender.counters().suppressed());
    }

    @Test
    void theSendObserverSeesEveryProbeAgainstItsBurstsDueTime() throws IOException {
        List<long[]> sends = new CopyOnWriteArrayList<>();
        long interval = TimeUnit.MILLISECONDS.toNanos(20);
        sender = new StampSessionSender(group, Clock.SYSTEM,
                path().probeCount(6).burstSize(2).interval(Duration.ofNanos(interval)).build(), recorder);
        sender.sendObserver((due, sent) -> sends.add(new long[] {due, sent}));
        long started = System.nanoTime();
        sender.start();
        long startReturned = System.nanoTime();
        await(() -> sends.size() == 6, "6 probes sent");

        // The first burst is due at a random phase within one interval of the start (which may
        // itself take a while on a loaded machine: the bound counts from its end).
        long firstDue = sends.get(0)[0];
        assertTrue(firstDue - started >= 0 && firstDue - startReturned < interval,
                "first due " + (firstDue - started) + " ns after start began, start took "
                        + (startReturned - started) + " ns");
        for (int i = 0; i < 6; i++) {
            // Probes of one burst share its due time; bursts are one interval apart.
            assertEquals(firstDue + (i / 2) * interval, sends.get(i)[0], "due time of probe " + i);
            // Never earlier than the half-millisecond lead ahead of the due time.
            assertTrue(sends.get(i)[1] - sends.get(i)[0] >= -StampSessionSender.TIMER_LEAD_NANOS,
                    "probe " + i + " sent " + (sends.get(i)[1] - sends.get(i)[0]) + " ns after due");
        }
        assertThrows(IllegalStateException.class, () -> sender.sendObserver((due, sent) -> { }));
    }

    @Test
    void probeSocketCarriesThePathDscp() throws IOException {
        start(path().dscp(46).probeCount(1).build());
        assertEquals(46 << 2, sender.channel().config().getOption(ChannelOption.IP_TOS));
        assertEquals(LOOPBACK, sender.localAddress().getAddress());
    }

    @Test
    void probeSocketIsBoundToTheConfiguredSourcePort() throws IOException {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
            port = probe.getLocalPort();
        }
        start(path().source(LOOPBACK, port).probeCount(1).build());
        assertEquals(new InetSocketAddress(LOOPBACK, port), sender.localAddress());
    }

    @Test
    void probesArePaddedToTheDataSizeAndPaddedRepliesAreMatched() throws IOException {
        try (DatagramSocket wire = new DatagramSocket(0, LOOPBACK)) {
            wire.setSoTimeout(20_000);
            start(path().reflector(new InetSocketAddress(LOOPBACK, wire.getLocalPort())).probeCount(1).padding(100)
                    .build());
            DatagramPacket probe = new DatagramPacket(new byte[2048], 2048);
            wire.receive(probe);
            assertEquals(44 + 100, probe.getLength());
            for (int i = 14; i < probe.getLength(); i++) {
                assertEquals(0, probe.getData()[i], "MBZ and padding byte " + i);
            }
        }
        sender.stop();
        start(path().probeCount(3).padding(1400).lossTimeout(Duration.ofSeconds(30)).build());
        await(() -> recorder.results.size() == 3, "3 results of padded probes");
        assertEquals(3, reflector.counters().reflected());
        assertThrows(IllegalArgumentException.class, () -> path().padding(1401).build());
    }

    @Test
    void shortAndForeignRepliesAreCountedAndIgnored() throws IOException {
        start(path().probeCount(1).lossTimeout(Duration.ofSeconds(30)).build());
        await(() -> recorder.results.size() == 1, "first result");
        try (DatagramSocket stranger = new DatagramSocket(0, LOOPBACK)) {
            stranger.send(new DatagramPacket(new byte[20], 20, sender.localAddress()));
            byte[] foreign = new byte[44];
            foreign[27] = 77; // session-sender sequence 77: never sent
            stranger.send(new DatagramPacket(foreign, 44, sender.localAddress()));
        }
        await(() -> sender.counters().malformed() == 1 && sender.counters().unmatched() == 1, "counters");
        assertEquals(1, recorder.results.size());
        assertTrue(recorder.lost.isEmpty());
    }

    @Test
    void listenerFailureDoesNotStopProbing() throws IOException {
        ProbeResultListener failing = new ProbeResultListener() {
            @Override
            public void onResult(String pathId, long sequence, long rtt, long forward, long backward) {
                recorder.onResult(pathId, sequence, rtt, forward, backward);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onLost(String pathId, long sequence) {
            }
        };
        sender = new StampSessionSender(group, Clock.SYSTEM,
                path().probeCount(3).interval(Duration.ofMillis(10)).build(), failing);
        sender.start();
        await(() -> recorder.results.size() == 3, "3 results despite the failing listener");
    }

    @Test
    void settingsRejectInvalidValuesNamingTheField() {
        assertField("pathId", () -> ProbePathSettings.builder("").source(LOOPBACK, 0)
                .reflector(new InetSocketAddress(LOOPBACK, 862)).build());
        assertField("dscp", () -> path().dscp(64).build());
        assertField("burstSize", () -> path().burstSize(0).build());
        assertField("interval", () -> path().interval(Duration.ZERO).build());
        assertField("lossTimeout", () -> path().lossTimeout(Duration.ofMillis(-1)).build());
        assertField("maxOutstanding", () -> path().maxOutstanding(0).build());
        assertField("sourcePort", () -> path().source(LOOPBACK, -1).build());
        assertField("reflector", () -> path().reflector(new InetSocketAddress(LOOPBACK, 0)).build());
        assertField("padding", () -> path().padding(-1).build());
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
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

    private static final class Result {
        final String pathId;
        final long sequence;
        final long rttNanos;
        final long forwardNanos;
        final long backwardNanos;

        Result(String pathId, long sequence, long rttNanos, long forwardNanos, long backwardNanos) {
            this.pathId = pathId;
            this.sequence = sequence;
            this.rttNanos = rttNanos;
            this.forwardNanos = forwardNanos;
            this.backwardNanos = backwardNanos;
        }

        @Override
        public String toString() {
            return "probe " + sequence + " rtt " + rttNanos + " fwd " + forwardNanos + " bwd " + backwardNanos;
        }
    }

    private static final class Recorder implements ProbeResultListener {
        final List<Result> results = new CopyOnWriteArrayList<>();
        final List<Long> lost = new CopyOnWriteArrayList<>();

        @Override
        public void onResult(String pathId, long sequence, long rttNanos, long forwardNanos, long backwardNanos) {
            results.add(new Result(pathId, sequence, rttNanos, forwardNanos, backwardNanos));
        }

        @Override
        public void onLost(String pathId, long sequence) {
            lost.add(sequence);
        }
    }
}
