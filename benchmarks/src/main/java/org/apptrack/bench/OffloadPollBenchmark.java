package org.apptrack.bench;

import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.EngineSettings;
import org.apptrack.apptrack.engine.SessionEventListener;
import org.apptrack.apptrack.offload.OffloadedFlows;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Offload mode's bookkeeping at {@code live} offloaded sessions (two flow rules each, one per
 * direction): one poll of every rule's statistics, on one core, from the rules' absolute totals
 * (flow id, packets, bytes: what a {@code FlowEntry} carries, as primitive arrays here so that
 * ONOS's own objects do not dominate) through {@code OffloadedFlows} (flow id lookup, increment
 * since the last poll) into the engine ({@code externalCounters}: counts, activity, aging,
 * volume-update check) in one engine turn. Every rule counted something since the last poll (the
 * worst case), time moves 10 s per poll, so a thirtieth of the sessions have a volume update due
 * per poll (to a listener that drops it). Compare with {@link EnginePacketBenchmark} at the same
 * {@code live} in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Threads(1)
@State(Scope.Thread)
public class OffloadPollBenchmark {

    private static final long POLL_NANOS = 10_000_000_000L;

    @Param({"1000000"})
    public int live;

    private AppTrackEngine engine;
    private OffloadedFlows flows;
    private long[] flowIds;
    private long[] packets;
    private long[] bytes;
    private long now = 1_700_000_000_000_000_000L;

    @Setup
    public void setup() {
        SessionFrameStream frames = new SessionFrameStream(live, 7, 5004);
        engine = new AppTrackEngine(EngineSettings.builder().maxSessions(live).build(), SessionEventListener.NONE);
        flows = new OffloadedFlows(1024);
        int rules = 2 * live;
        flowIds = new long[rules];
        packets = new long[rules];
        bytes = new long[rules];
        for (int i = 0; i < live; i++) {
            engine.onFrame(frames.clientFrameOf(i), 0, now);
            int s = engine.lastSession();
            int id = engine.table().sessionId(s);
            for (int d = 0; d < 2; d++) {
                boolean fromClient = d == 0;
                engine.countExternally(s, id, fromClient, now);
                int r = 2 * i + d;
                // ONOS flow ids: the app id in the top 16 bits, a hash below.
                flowIds[r] = 7L << 48 | (r * 0x9E37_79B9L & 0xFFFF_FFFF_FFFFL);
                flows.track(flowIds[r], 0, s, id, fromClient, true);
            }
        }
        if (engine.active() != live || flows.size() != rules) {
            throw new IllegalStateException("expected " + live + " sessions and " + rules + " rules");
        }
    }

    /** One poll of all rules; returns the directions updated. */
    @Benchmark
    public int pollAll() {
        long[] ids = flowIds;
        long[] p = packets;
        long[] b = bytes;
        OffloadedFlows f = flows;
        for (int r = 0; r < ids.length; r++) {
            p[r] += 10;
            b[r] += 14_000;
            f.observe(ids[r], p[r], b[r]);
        }
        now += POLL_NANOS;
        return f.applyTo(engine, now);
    }

    /**
     * Heap of the bookkeeping per offloaded session, beside the engine's own (see
     * {@code SessionMemory}): {@code java -Xmx8g -XX:+UseSerialGC -cp benchmarks.jar
     * org.apptrack.bench.OffloadPollBenchmark [N]}.
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        OffloadPollBenchmark b = new OffloadPollBenchmark();
        b.live = n;
        long before = used();
        b.engine = new AppTrackEngine(EngineSettings.builder().maxSessions(n).build(), SessionEventListener.NONE);
        long engineOnly = used();
        b.engine = null;
        b.setup();
        long all = used();
        long arrays = 3L * 8 * 2 * n; // the benchmark's own input arrays
        long flowsBytes = all - before - (engineOnly - before) - arrays;
        System.out.printf("%d offloaded sessions (%d rules): engine %.1f B/session, offload bookkeeping %.1f B/session"
                        + " (measured), %.1f B/session (array sizes)%n", n, 2 * n, (engineOnly - before) / (double) n,
                flowsBytes / (double) n, b.flows.memoryBytes() / (double) n);
        long t0 = System.nanoTime();
        int polls = 5;
        for (int i = 0; i < polls; i++) {
            b.pollAll();
        }
        System.out.printf("%d polls (cold, no JIT warm-up beyond setup): %.1f ms each%n", polls,
                (System.nanoTime() - t0) / 1e6 / polls);
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
