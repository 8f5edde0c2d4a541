package org.apptrack.appqoe.select;

import java.util.Objects;

/**
 * One path of a destination path group: its name (e.g. the egress interface), link tag (e.g. the
 * ISP), priority (lower is better) and weight (higher is preferred among otherwise equal paths).
 */
public final class Path {

    private final String name;
    private final String linkTag;
    private final int priority;
    private final int weight;

    public Path(String name, String linkTag, int priority, int weight) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("path name must not be empty");
        }
        if (priority < 0) {
            throw new IllegalArgumentException("path " + name + ": priority must be >= 0, was " + priority);
        }
        if (weight < 0) {
            throw new IllegalArgumentException("path " + name + ": weight must be >= 0, was " + weight);
        }
        this.name = name;
        this.linkTag = linkTag == null ? "" : linkTag;
        this.priority = priority;
        this.weight = weight;
    }

    public String name() {
        return name;
    }

    /** The link tag, "" when none. */
    public String linkTag() {
        return linkTag;
    }

    public int priority() {
        return priority;
    }

    public int weight() {
        return weight;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Path)) {
            return false;
        }
        Path p = (Path) o;
        return name.equals(p.name) && linkTag.equals(p.linkTag) && priority == p.priority && weight == p.weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, linkTag, priority, weight);
    }

    @Override
    public String toString() {
        return name + (linkTag.isEmpty() ? "" : " tag " + linkTag) + " priority " + priority + " weight " + weight;
    }
}
