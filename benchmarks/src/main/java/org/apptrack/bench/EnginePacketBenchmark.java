package org.apptrack.bench;

import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.EngineSettings;
import org.apptrack.apptrack.engine.SessionEventListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The packets of {@link DecodeLookupBenchmark} through the whole engine
 * ({@link AppTrackEngine#onFrame}): decode, zone placement of nothing new, session lookup and
 * count, TCP state, timer-wheel and update-interval checks, for established sessions; no event
 * is due while measuring (updates every 300 s, idle timeouts far away), so this is the engine's
 * per-packet cost without logging. UDP sessions use port 5004, not DNS (a DNS response would
 * close its session).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Threads(1)
@State(Scope.Thread)
public class EnginePacketBenchmark {

    private static final int BATCH = 1024;

    @Param({"10000", "1000000"})
    public int live;

    private SessionFrameStream frames;
    private int frameCount;
    private AppTrackEngine engine;
    private int cursor;
    private long now = 1_700_000_000_000_000_000L;

    @Setup
    public void setup() {
        frames = new SessionFrameStream(live, 7, 5004);
        frameCount = frames.frameCount();
        engine = new AppTrackEngine(EngineSettings.builder().maxSessions(live).build(), SessionEventListener.NONE);
        for (int i = 0; i < live; i++) {
            engine.onFrame(frames.clientFrameOf(i), 0, now);
        }
        if (engine.active() != live) {
            throw new IllegalStateException("expected " + live + " sessions, engine has " + engine.active());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int onFrame() {
        AppTrackEngine e = engine;
        SessionFrameStream f = frames;
        long t = now;
        int tracked = 0;
        int c = cursor;
        for (int i = 0; i < BATCH; i++) {
            if (e.onFrame(f.frame(c), 0, t)) {
                tracked++;
            }
            if (++c == frameCount) {
                c = 0;
            }
        }
        cursor = c;
        now = t + 1_000; // 1 us per 1,024 packets: time moves, no session ages out while measuring
        return tracked;
    }
}
