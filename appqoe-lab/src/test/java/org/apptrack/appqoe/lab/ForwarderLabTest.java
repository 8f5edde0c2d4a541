package org.apptrack.appqoe.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apptrack.api.time.Clock;
import org.apptrack.appqoe.probe.ProbeResultListener;
import org.apptrack.appqoe.probe.stamp.ProbePathSettings;
import org.apptrack.appqoe.probe.stamp.StampSessionSender;
import io.netty.channel.nio.NioEventLoopGroup;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The site's delaying forwarder: the RTT a STAMP sender measures over an uplink is never below
 * the configured delay, jitter spreads it, and a change is acknowledged with the arrival of the
 * first probe under it. Lower bounds and spreads only: a busy machine adds delay, never removes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwarderLabTest {

    private NetnsLab lab;

    @BeforeAll
    void setUp() throws Exception {
        NetnsLab.requirePrerequisites();
        lab = NetnsLab.create();
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void delayAndJitterShapeTheMeasuredRtt() throws Exception {
        SettingChange delay = lab.delay(1, 40_000);
        lab.jitter(2, 0);
        lab.delay(2, 40_000);
        SettingChange jitter = lab.jitter(2, 20_000);
        long before = System.nanoTime();
        List<Long> plain = rtts(1, 20);
        List<Long> jittered = rtts(2, 40);
        long firstDelayed = delay.firstDatagramNanos(Duration.ofSeconds(5));
        assertTrue(firstDelayed > delay.appliedNanos() && firstDelayed > before,
                "first probe after the change arrived after it was applied and after the probes started");
        assertTrue(jitter.firstDatagramNanos(Duration.ofSeconds(5)) > jitter.appliedNanos());
        System.out.printf("uplink 1 delay 40 ms: rtt %d..%d us; uplink 2 delay 40 +/- 20 ms: rtt %d..%d us%n",
                Collections.min(plain), Collections.max(plain), Collections.min(jittered), Collections.max(jittered));
        assertTrue(Collections.min(plain) >= 40_000, "never below the delay: " + plain);
        assertTrue(Collections.min(jittered) >= 20_000, "never below delay - jitter: " + jittered);
        assertTrue(Collections.min(jittered) < 35_000 && Collections.max(jittered) > 45_000,
                "jitter spreads the RTT over most of 20..60 ms: " + jittered);
        lab.delay(1, 0);
        lab.jitter(2, 0);
        lab.delay(2, 0);
        assertThrows(IllegalArgumentException.class, () -> lab.delay(4, 1));
        assertThrows(IllegalArgumentException.class, () -> lab.delay(1, -1).appliedNanos());
        assertTrue(lab.forwarderStats(1).contains("forwarded"), lab.forwarderStats(1));
    }

    /** RTTs of {@code count} probes over the uplink, in microseconds. */
    private List<Long> rtts(int uplink, int count) throws Exception {
        List<Long> rtts = Collections.synchronizedList(new ArrayList<>());
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        Uplink u = lab.uplink(uplink);
        StampSessionSender sender = new StampSessionSender(group, Clock.SYSTEM,
                ProbePathSettings.builder("uplink-" + uplink).source(u.branchInet(), 0).reflector(u.reflector())
                        .interval(Duration.ofMillis(20)).probeCount(count).lossTimeout(Duration.ofSeconds(5)).build(),
                new ProbeResultListener() {
                    @Override
                    public void onResult(String pathId, long sequence, long rttNanos, long forward, long backward) {
                        rtts.add(rttNanos / 1000);
                    }

                    @Override
                    public void onLost(String pathId, long sequence) {
                    }
                });
        try {
            sender.start();
            assertTrue(LabProbes.await(Duration.ofSeconds(30), () -> rtts.size() == count), "all answered");
        } finally {
            sender.stop();
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
        assertEquals(count, rtts.size());
        return new ArrayList<>(rtts);
    }
}
