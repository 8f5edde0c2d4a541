package org.apptrack.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one cache miss costs on the machine at hand, at the sizes the session table has: a
 * chase through {@code megabytes} of memory where each read's address comes from the previous
 * read (a random cycle over all cache lines), as a session lookup's slot read and then its
 * session block read depend on each other, and the same number of independent random reads,
 * which the CPU can overlap. The per-packet figures of {@link DecodeLookupBenchmark} and
 * {@link EnginePacketBenchmark} are bounded by these: at 10,000 sessions the table (1.4 MB) and
 * the frames streamed through the cache must fit in what the last-level cache holds for this
 * core, and at 1,000,000 (144 MB) each packet pays two dependent misses.
 * Run it with and without {@code -jvmArgsAppend -XX:+UseTransparentHugePages}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class MemoryLatencyBenchmark {

    private static final int STEPS = 1 << 16;
    /** Longs per 64-byte cache line. */
    private static final int LINE = 8;

    @Param({"1", "2", "4", "8", "144"})
    public int megabytes;

    private long[] memory;
    private int lines;
    private long position;
    private long random = 42;

    @Setup
    public void setup() {
        lines = megabytes * (1 << 20) / 64;
        memory = new long[lines * LINE];
        int[] order = new int[lines];
        for (int i = 0; i < lines; i++) {
            order[i] = i;
        }
        Random rnd = new Random(42);
        for (int i = lines - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        // One cycle through every line in random order: line order[i] holds where order[i + 1] is.
        for (int i = 0; i < lines; i++) {
            memory[order[i] * LINE] = (long) order[(i + 1) % lines] * LINE;
        }
    }

    /** Each read waits for the one before: the latency of one miss. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long dependentReads() {
        long[] m = memory;
        long p = position;
        for (int i = 0; i < STEPS; i++) {
            p = m[(int) p];
        }
        position = p;
        return p;
    }

    /**
     * Reads at random lines that do not depend on each other (the addresses come from a
     * generator, not from memory, and cover the whole array): what a miss costs when the CPU
     * can overlap them, as a batch of lookups could.
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long independentReads() {
        long[] m = memory;
        long n = lines;
        long x = random;
        long sum = 0;
        for (int i = 0; i < STEPS; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            sum += m[(int) (((x >>> 32) * n) >>> 32) * LINE];
        }
        random = x;
        return sum;
    }
}
