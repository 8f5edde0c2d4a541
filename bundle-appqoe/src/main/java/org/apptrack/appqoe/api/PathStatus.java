package org.apptrack.appqoe.api;

import java.util.List;
import java.util.Objects;

/**
 * One path of a destination group: its configuration, the figures of its last closed sampling
 * period and its state under each SLA rule that judges it.
 */
public final class PathStatus {

    private final String group;
    private final String path;
    private final String interfaceName;
    private final String linkTag;
    private final int priority;
    private final int weight;
    private final PeriodFigures lastPeriod;
    private final List<SlaState> sla;

    public PathStatus(String group, String path, String interfaceName, String linkTag, int priority, int weight,
            PeriodFigures lastPeriod, List<SlaState> sla) {
        this.group = Objects.requireNonNull(group);
        this.path = Objects.requireNonNull(path);
        this.interfaceName = Objects.requireNonNull(interfaceName);
        this.linkTag = Objects.requireNonNull(linkTag);
        this.priority = priority;
        this.weight = weight;
        this.lastPeriod = Objects.requireNonNull(lastPeriod);
        this.sla = List.copyOf(sla);
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

    public String linkTag() {
        return linkTag;
    }

    public int priority() {
        return priority;
    }

    public int weight() {
        return weight;
    }

    /** The figures of the last closed sampling period of the path's first SLA rule. */
    public PeriodFigures lastPeriod() {
        return lastPeriod;
    }

    public List<SlaState> sla() {
        return sla;
    }
}
