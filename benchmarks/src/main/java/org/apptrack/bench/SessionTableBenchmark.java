package org.apptrack.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * The session table alone: lookup plus counter update of existing sessions, both directions, with
 * {@code live} sessions in a table of {@code maxSessions = live}. Reported per packet.
 *
 * <p>Packets are read sequentially from pre-built tuple arrays (as a decoder would hand them over);
 * the keys were inserted in a shuffled order, so session indices and hash slots are visited in
 * random order (random access over the live set). Targets: the full decode+lookup path needs at
 * least 20 Mpps at 10k and 4 Mpps at 1M sessions, so these rows should be well above that, with
 * {@code gc.alloc.rate.norm} 0 B/op.
 * <ul>
 *   <li>{@code findAndCount}: {@code find} + {@code addPacket} (direction from the lookup);</li>
 *   <li>{@code findOrCreateAndCount}: the same through {@code findOrCreate} (always existing).</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class SessionTableBenchmark {

    private static final int BATCH = 1024;

    @Param({"10000", "1000000"})
    public int live;

    private SessionTable table;
    private long[] srcHi;
    private long[] srcLo;
    private long[] dstHi;
    private long[] dstLo;
    private int[] srcPort;
    private int[] dstPort;
    private int[] protocol;
    private int[] context;
    private int cursor;
    /** Flips at each pass over the arrays, so that every key is looked up in both directions. */
    private int flip;
    private long now;

    @Setup
    public void setup() {
        Random rnd = new Random(42);
        int n = live;
        table = new SessionTable(n, 42);
        srcHi = new long[n];
        srcLo = new long[n];
        dstHi = new long[n];
        dstLo = new long[n];
        srcPort = new int[n];
        dstPort = new int[n];
        protocol = new int[n];
        context = new int[n];
        for (int i = 0; i < n; i++) {
            boolean v6 = (i & 3) == 0;
            srcHi[i] = v6 ? 0x2001_0db8_0000_0000L | rnd.nextInt(1 << 16) : 0L;
            srcLo[i] = v6 ? rnd.nextLong() : SessionTable.ipv4Lo(0x0A00_0000 | rnd.nextInt(1 << 24));
            dstHi[i] = v6 ? 0x2001_0db8_ffff_0000L | rnd.nextInt(1 << 16) : 0L;
            dstLo[i] = v6 ? rnd.nextLong() : SessionTable.ipv4Lo(rnd.nextInt());
            srcPort[i] = 1024 + rnd.nextInt(64_000);
            dstPort[i] = (i & 1) == 0 ? 443 : 80;
            protocol[i] = (i % 5) == 0 ? 17 : 6;
            context[i] = (1 + rnd.nextInt(4)) << 12 | rnd.nextInt(4);
        }
        // Insert in a shuffled order: session index order != packet order.
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (table.findOrCreate(srcHi[i], srcLo[i], srcPort[i], dstHi[i], dstLo[i], dstPort[i],
                    protocol[i], context[i], k) < 0) {
                throw new IllegalStateException("not created: " + i);
            }
        }
        if (table.size() != n) {
            throw new IllegalStateException("duplicate random keys: " + table.size());
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long findAndCount() {
        SessionTable t = table;
        int i = cursor;
        int n = live;
        long acc = 0;
        long time = now;
        int flip = this.flip;
        for (int k = 0; k < BATCH; k++) {
            int s;
            // Alternate directions per packet; each pass over the array swaps them.
            if (((i ^ flip) & 1) == 0) {
                s = t.find(srcHi[i], srcLo[i], srcPort[i], dstHi[i], dstLo[i], dstPort[i], protocol[i], context[i]);
            } else {
                s = t.find(dstHi[i], dstLo[i], dstPort[i], srcHi[i], srcLo[i], srcPort[i], protocol[i], context[i]);
            }
            t.addPacket(s, t.lastLookupFromClient(), 100 + k, time + k);
            acc += s;
            if (++i == n) {
                i = 0;
                flip ^= 1;
            }
        }
        cursor = i;
        this.flip = flip;
        now = time + BATCH;
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long findOrCreateAndCount() {
        SessionTable t = table;
        int i = cursor;
        int n = live;
        long acc = 0;
        long time = now;
        int flip = this.flip;
        for (int k = 0; k < BATCH; k++) {
            int s;
            if (((i ^ flip) & 1) == 0) {
                s = t.findOrCreate(srcHi[i], srcLo[i], srcPort[i], dstHi[i], dstLo[i], dstPort[i],
                        protocol[i], context[i], time + k);
            } else {
                s = t.findOrCreate(dstHi[i], dstLo[i], dstPort[i], srcHi[i], srcLo[i], srcPort[i],
                        protocol[i], context[i], time + k);
            }
            t.addPacket(s, t.lastLookupFromClient(), 100 + k, time + k);
            acc += s;
            if (++i == n) {
                i = 0;
                flip ^= 1;
            }
        }
        cursor = i;
        this.flip = flip;
        now = time + BATCH;
        return acc;
    }
}
