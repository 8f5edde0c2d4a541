package org.apptrack.appqoe.metrics;

import java.util.Arrays;

/**
 * RTT samples of one sampling period in a fixed array: mean on the fly, p95 by sorting a scratch
 * copy when asked (once per period or per event, not per sample). When a period holds more
 * samples than the capacity, later samples still count in the mean and replace slots round-robin,
 * so the percentile stays an estimate over a bounded, recent subset.
 */
public final class RttWindow {

    private final long[] samples;
    private final long[] scratch;
    private int count;
    private long total;
    private long sum;

    public RttWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.samples = new long[capacity];
        this.scratch = new long[capacity];
    }

    public void add(long rttMicros) {
        samples[(int) (total % samples.length)] = rttMicros;
        total++;
        sum += rttMicros;
        count = (int) Math.min(total, samples.length);
    }

    public long samples() {
        return total;
    }

    /** Mean RTT in microseconds, 0 without samples. */
    public long meanMicros() {
        return total == 0 ? 0 : sum / total;
    }

    /** 95th percentile (nearest rank) in microseconds, 0 without samples. */
    public long p95Micros() {
        if (count == 0) {
            return 0;
        }
        System.arraycopy(samples, 0, scratch, 0, count);
        Arrays.sort(scratch, 0, count);
        int rank = (int) Math.ceil(0.95 * count);
        return scratch[rank - 1];
    }

    public void clear() {
        count = 0;
        total = 0;
        sum = 0;
    }
}
