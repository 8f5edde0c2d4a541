package org.apptrack.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.apptrack.engine.session.SessionTable;
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
 * The per-packet path of an existing session, one core: decode the frame (Ethernet, IPv4 or
 * IPv6, TCP or UDP) and look the session up and count the packet in its direction. Frames of
 * {@code live} sessions (a quarter IPv6, half TCP) in both directions, streamed in memory order
 * while the sessions they belong to come in random order (every packet a random table access).
 * Reported per packet; the targets are 20 Mpps at 10,000 sessions and 4 Mpps at
 * 1,000,000, with no allocation.
 * The frames: {@link SessionFrameStream}. {@link EnginePacketBenchmark} measures the same
 * packets through the whole engine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Threads(1)
@State(Scope.Thread)
public class DecodeLookupBenchmark {

    private static final int BATCH = 1024;

    @Param({"10000", "1000000"})
    public int live;

    private SessionFrameStream frames;
    private int frameCount;
    private final FrameDecoder decoder = new FrameDecoder();
    private SessionTable table;
    private int cursor;
    private long now = 1_000_000_000L;

    @Setup
    public void setup() {
        frames = new SessionFrameStream(live, 7, 53);
        frameCount = frames.frameCount();
        table = new SessionTable(live, 7);
        // Every session exists before measuring: this is the path of established sessions.
        for (int i = 0; i < live; i++) {
            packet(frames.clientFrameOf(i));
        }
        if (table.size() != live) {
            throw new IllegalStateException("expected " + live + " sessions, table has " + table.size());
        }
    }

    private ByteBuffer frame(int k) {
        return frames.frame(k);
    }

    private int packet(ByteBuffer frame) {
        FrameDecoder d = decoder;
        if (!d.decode(frame)) {
            return -1;
        }
        int s = table.findOrCreate(d.srcHigh(), d.srcLow(), d.srcPort(), d.dstHigh(), d.dstLow(), d.dstPort(),
                d.protocol(), 0, now);
        if (s >= 0) {
            table.addPacket(s, table.lastLookupFromClient(), d.l3Length(), now);
        }
        return s;
    }

    /** Packets the batched variant holds at a time. */
    private static final int GROUP = 16;
    // The batched variant's decoded tuples, one group at a time.
    private final long[] groupSrcHi = new long[GROUP];
    private final long[] groupSrcLo = new long[GROUP];
    private final long[] groupDstHi = new long[GROUP];
    private final long[] groupDstLo = new long[GROUP];
    private final int[] groupPorts = new int[GROUP];
    private final int[] groupProtocol = new int[GROUP];
    private final int[] groupLength = new int[GROUP];

    /**
     * The same packets, as a batched packet path would handle them (the engine does not, yet):
     * decode {@value #GROUP} frames, touch their sessions ({@link SessionTable#prefetch}), then
     * look each up and count it, so that the cache misses of the group overlap.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int decodeAndLookupBatched() {
        FrameDecoder d = decoder;
        SessionTable t = table;
        int acc = 0;
        int c = cursor;
        for (int g = 0; g < BATCH; g += GROUP) {
            int n = 0;
            for (int i = 0; i < GROUP; i++) {
                if (d.decode(frame(c))) {
                    groupSrcHi[n] = d.srcHigh();
                    groupSrcLo[n] = d.srcLow();
                    groupDstHi[n] = d.dstHigh();
                    groupDstLo[n] = d.dstLow();
                    groupPorts[n] = d.srcPort() << 16 | d.dstPort();
                    groupProtocol[n] = d.protocol();
                    groupLength[n] = d.l3Length();
                    n++;
                }
                if (++c == frameCount) {
                    c = 0;
                }
            }
            for (int i = 0; i < n; i++) {
                acc += t.prefetch(groupSrcHi[i], groupSrcLo[i], groupPorts[i] >>> 16, groupDstHi[i], groupDstLo[i],
                        groupPorts[i] & 0xFFFF, groupProtocol[i], 0);
            }
            for (int i = 0; i < n; i++) {
                int s = t.findOrCreate(groupSrcHi[i], groupSrcLo[i], groupPorts[i] >>> 16, groupDstHi[i],
                        groupDstLo[i], groupPorts[i] & 0xFFFF, groupProtocol[i], 0, now);
                if (s >= 0) {
                    t.addPacket(s, t.lastLookupFromClient(), groupLength[i], now);
                }
                acc += s;
            }
        }
        cursor = c;
        now += 1000;
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int decodeAndLookup() {
        int acc = 0;
        int c = cursor;
        for (int i = 0; i < BATCH; i++) {
            acc += packet(frame(c));
            if (++c == frameCount) {
                c = 0;
            }
        }
        cursor = c;
        now += 1000;
        return acc;
    }
}
