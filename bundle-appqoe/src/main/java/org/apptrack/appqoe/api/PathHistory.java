package org.apptrack.appqoe.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * One path's points over a window, oldest first: when each sampling period closed, its figures
 * ({@link PeriodFigures#NOT_MEASURED} for a figure without samples, loss -1 without a verdict)
 * and the path's state under its first SLA rule. Held in primitive arrays, one element per point.
 */
public final class PathHistory {

    private final String group;
    private final String path;
    private final String interfaceName;
    private final SlaTargets targets;
    private final long[] timeMillis;
    private final long[] rttMeanMicros;
    private final long[] rttP95Micros;
    private final long[] twoWayJitterMicros;
    private final long[] ingressJitterMicros;
    private final long[] egressJitterMicros;
    private final double[] lossPercent;
    private final String[] state;

    /**
     * The arrays are the caller's to give away (not copied) and all of the same length.
     *
     * @param targets the first SLA rule's targets, null when no rule judges the path
     * @param state   {@code met}, {@code violated}, {@code dead}, or null when no rule judges the path
     */
    public PathHistory(String group, String path, String interfaceName, SlaTargets targets, long[] timeMillis,
            long[] rttMeanMicros, long[] rttP95Micros, long[] twoWayJitterMicros, long[] ingressJitterMicros,
            long[] egressJitterMicros, double[] lossPercent, String[] state) {
        this.group = Objects.requireNonNull(group);
        this.path = Objects.requireNonNull(path);
        this.interfaceName = Objects.requireNonNull(interfaceName);
        this.targets = targets;
        int n = timeMillis.length;
        if (rttMeanMicros.length != n || rttP95Micros.length != n || twoWayJitterMicros.length != n
                || ingressJitterMicros.length != n || egressJitterMicros.length != n || lossPercent.length != n
                || state.length != n) {
            throw new IllegalArgumentException("the point arrays differ in length");
        }
        this.timeMillis = timeMillis;
        this.rttMeanMicros = rttMeanMicros;
        this.rttP95Micros = rttP95Micros;
        this.twoWayJitterMicros = twoWayJitterMicros;
        this.ingressJitterMicros = ingressJitterMicros;
        this.egressJitterMicros = egressJitterMicros;
        this.lossPercent = lossPercent;
        this.state = state;
    }

    public String group() {
        return group;
    }

    public String path() {
        return path;
    }

    public String interfaceName() {
        return interfaceName;
    }

    /** The targets of the path's first SLA rule, null when no rule judges it. */
    public SlaTargets targets() {
        return targets;
    }

    /** The number of points. */
    public int size() {
        return timeMillis.length;
    }

    /** Wall-clock milliseconds when point {@code i}'s period closed. */
    public long timeMillis(int i) {
        return timeMillis[i];
    }

    public long rttMeanMicros(int i) {
        return rttMeanMicros[i];
    }

    public long rttP95Micros(int i) {
        return rttP95Micros[i];
    }

    public long twoWayJitterMicros(int i) {
        return twoWayJitterMicros[i];
    }

    public long ingressJitterMicros(int i) {
        return ingressJitterMicros[i];
    }

    public long egressJitterMicros(int i) {
        return egressJitterMicros[i];
    }

    /** Loss in percent, -1 without a verdict. */
    public double lossPercent(int i) {
        return lossPercent[i];
    }

    /** {@code met}, {@code violated}, {@code dead}, or null when no rule judged the path. */
    public String state(int i) {
        return state[i];
    }

    @Override
    public String toString() {
        return group + "/" + path + " (" + interfaceName + ") " + size() + " points "
                + Arrays.toString(timeMillis);
    }
}
