package org.apptrack.appqoe.history;

import org.apptrack.appqoe.api.PathHistory;
import org.apptrack.appqoe.api.PeriodFigures;
import org.apptrack.appqoe.api.SlaTargets;

/**
 * The points of one path in primitive arrays used as a ring: the oldest point is overwritten once
 * {@code capacity} are held. The arrays start small and double up to the capacity, so that a path
 * measured for a few minutes does not hold an hour's worth of memory. Not thread-safe: its
 * {@link PathHistoryStore} locks.
 */
final class PathRing {

    private static final int INITIAL_SIZE = 64;
    private static final String[] STATES = {null, "met", "violated", "dead"};

    private final int capacity;
    private long[] timeMillis;
    private long[] rttMean;
    private long[] rttP95;
    private long[] jitterTwoWay;
    private long[] jitterIngress;
    private long[] jitterEgress;
    private double[] loss;
    private byte[] state;
    /** Where the oldest point is. */
    private int start;
    private int size;
    /** The end time of the last period recorded: each period is recorded once. */
    private long lastEndMillis;
    private String interfaceName = "";
    private SlaTargets targets;

    PathRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        allocate(Math.min(INITIAL_SIZE, capacity));
    }

    /** What the path is now: its interface and its first SLA rule's targets (null without a rule). */
    void describe(String interfaceName, SlaTargets targets) {
        this.interfaceName = interfaceName;
        this.targets = targets;
    }

    /**
     * Records the period unless it is the one recorded last.
     *
     * @param state {@code met}, {@code violated}, {@code dead} or null
     * @return whether it was recorded
     */
    boolean record(PeriodFigures f, String state) {
        long end = f.endMillis();
        if (end == 0 || end == lastEndMillis) {
            return false;
        }
        lastEndMillis = end;
        if (size == timeMillis.length && size < capacity) {
            grow();
        }
        int i;
        if (size < timeMillis.length) {
            i = (start + size) % timeMillis.length;
            size++;
        } else {
            i = start;
            start = (start + 1) % timeMillis.length;
        }
        timeMillis[i] = end;
        rttMean[i] = f.rttMeanMicros();
        rttP95[i] = f.rttP95Micros();
        jitterTwoWay[i] = f.twoWayJitterMicros();
        jitterIngress[i] = f.ingressJitterMicros();
        jitterEgress[i] = f.egressJitterMicros();
        loss[i] = f.lossPercent();
        this.state[i] = code(state);
        return true;
    }

    int size() {
        return size;
    }

    /** The points closed at or after {@code sinceMillis}, oldest first. */
    PathHistory since(String group, String path, long sinceMillis) {
        int n = 0;
        for (int k = 0; k < size; k++) {
            if (timeMillis[(start + k) % timeMillis.length] >= sinceMillis) {
                n++;
            }
        }
        long[] t = new long[n];
        long[] mean = new long[n];
        long[] p95 = new long[n];
        long[] twoWay = new long[n];
        long[] ingress = new long[n];
        long[] egress = new long[n];
        double[] lossOut = new double[n];
        String[] stateOut = new String[n];
        int j = 0;
        for (int k = 0; k < size; k++) {
            int i = (start + k) % timeMillis.length;
            if (timeMillis[i] < sinceMillis) {
                continue;
            }
            t[j] = timeMillis[i];
            mean[j] = rttMean[i];
            p95[j] = rttP95[i];
            twoWay[j] = jitterTwoWay[i];
            ingress[j] = jitterIngress[i];
            egress[j] = jitterEgress[i];
            lossOut[j] = loss[i];
            stateOut[j] = STATES[state[i]];
            j++;
        }
        return new PathHistory(group, path, interfaceName, targets, t, mean, p95, twoWay, ingress, egress, lossOut,
                stateOut);
    }

    private static byte code(String state) {
        for (byte b = 1; b < STATES.length; b++) {
            if (STATES[b].equals(state)) {
                return b;
            }
        }
        return 0;
    }

    /** Doubles the arrays (up to the capacity), the oldest point first in the new ones. */
    private void grow() {
        int length = Math.min(capacity, timeMillis.length * 2);
        timeMillis = unrolled(timeMillis, length);
        rttMean = unrolled(rttMean, length);
        rttP95 = unrolled(rttP95, length);
        jitterTwoWay = unrolled(jitterTwoWay, length);
        jitterIngress = unrolled(jitterIngress, length);
        jitterEgress = unrolled(jitterEgress, length);
        double[] l = new double[length];
        byte[] s = new byte[length];
        for (int k = 0; k < size; k++) {
            int i = (start + k) % loss.length;
            l[k] = loss[i];
            s[k] = state[i];
        }
        loss = l;
        state = s;
        start = 0;
    }

    private long[] unrolled(long[] a, int length) {
        long[] b = new long[length];
        for (int k = 0; k < size; k++) {
            b[k] = a[(start + k) % a.length];
        }
        return b;
    }

    private void allocate(int length) {
        timeMillis = new long[length];
        rttMean = new long[length];
        rttP95 = new long[length];
        jitterTwoWay = new long[length];
        jitterIngress = new long[length];
        jitterEgress = new long[length];
        loss = new double[length];
        state = new byte[length];
    }
}
