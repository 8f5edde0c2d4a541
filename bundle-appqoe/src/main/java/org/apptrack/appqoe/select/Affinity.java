package org.apptrack.appqoe.select;

/** Junos link-preference affinity of a preferred link tag. */
public enum Affinity {
    /** Only paths with the preferred tag are ever chosen. */
    STRICT,
    /** Paths with the preferred tag come first and are returned to once they meet the SLA. */
    LOOSE
}
