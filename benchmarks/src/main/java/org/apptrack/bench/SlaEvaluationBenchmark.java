package org.apptrack.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.apptrack.appqoe.sla.JitterType;
import org.apptrack.appqoe.sla.MatchMode;
import org.apptrack.appqoe.sla.MetricsProfile;
import org.apptrack.appqoe.sla.SlaEvaluator;
import org.apptrack.appqoe.sla.SlaEvent;
import org.apptrack.appqoe.sla.SlaListener;
import org.apptrack.appqoe.sla.SlaRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * AppQoE SLA evaluation per probe result: metrics (RTT window, three RFC 3550 jitter estimators,
 * loss), violation counting, and the period close every 100 results (10 s periods at 100 ms
 * spacing, with its p95 sort) amortised over them.
 * <ul>
 *   <li>{@code compliantPath}: RTT below target with 1% loss, no events;</li>
 *   <li>{@code hoveringPath}: RTT in phases above and below the target, so violations and
 *       recoveries (and their event objects) happen as they would on a flaky link.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SlaEvaluationBenchmark -f 1 -wi 3 -i 5 -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SlaEvaluationBenchmark {

    private static final int SAMPLES = 1 << 14;
    private static final long SPACING_NANOS = 100_000_000L;

    private long[] compliantRtt;
    private long[] hoveringRtt;
    private SlaEvaluator compliant;
    private SlaEvaluator hovering;
    private long now;
    private int next;
    /** Counts events so that their creation cannot be optimised away. */
    private long events;

    @Setup
    public void setUp() {
        MetricsProfile profile = new MetricsProfile("bench", 50_000, 10_000, JitterType.TWO_WAY, 5, MatchMode.ANY);
        SlaRule rule = new SlaRule("bench", profile, 10, 3, 10, 2);
        SlaListener listener = new SlaListener() {
            @Override
            public void event(SlaEvent event) {
                events++;
            }
        };
        compliant = new SlaEvaluator("compliant", rule, listener);
        hovering = new SlaEvaluator("hovering", rule, listener);
        Random rnd = new Random(1);
        compliantRtt = new long[SAMPLES];
        hoveringRtt = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            // -1 marks a lost probe.
            compliantRtt[i] = rnd.nextDouble() < 0.01 ? -1 : 20_000 + rnd.nextInt(4_000);
            // 30 s phases: long enough below target for two clean 10 s periods, so it recovers.
            boolean above = (i / 300) % 2 == 0;
            hoveringRtt[i] = (above ? 52_000 : 48_000) + rnd.nextInt(2_000) - 1_000;
        }
        now = 1_000_000_000_000L;
    }

    @Benchmark
    public long compliantPath() {
        return feed(compliant, compliantRtt);
    }

    @Benchmark
    public long hoveringPath() {
        return feed(hovering, hoveringRtt);
    }

    private long feed(SlaEvaluator evaluator, long[] rtts) {
        long rtt = rtts[next++ & (SAMPLES - 1)];
        now += SPACING_NANOS;
        if (rtt < 0) {
            evaluator.lost(now);
        } else {
            evaluator.answered(now, rtt, rtt / 2 + 300, rtt / 2 - 300);
        }
        return events;
    }
}
