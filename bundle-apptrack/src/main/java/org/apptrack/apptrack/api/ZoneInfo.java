package org.apptrack.apptrack.api;

import java.util.List;

/** A configured security zone and how many open sessions start or end in it, as {@code apptrack:zones} shows it. */
public final class ZoneInfo {

    private final String name;
    private final boolean applicationTracking;
    private final String logicalSystem;
    private final List<String> prefixes;
    private final List<String> interfaces;
    private final long sessionsFrom;
    private final long sessionsTo;

    public ZoneInfo(String name, boolean applicationTracking, String logicalSystem, List<String> prefixes,
                    List<String> interfaces, long sessionsFrom, long sessionsTo) {
        this.name = name;
        this.applicationTracking = applicationTracking;
        this.logicalSystem = logicalSystem;
        this.prefixes = List.copyOf(prefixes);
        this.interfaces = List.copyOf(interfaces);
        this.sessionsFrom = sessionsFrom;
        this.sessionsTo = sessionsTo;
    }

    public String name() {
        return name;
    }

    /** False when AppTrack is disabled for the zone (the zone itself stays). */
    public boolean applicationTracking() {
        return applicationTracking;
    }

    public String logicalSystem() {
        return logicalSystem;
    }

    /** Canonical prefixes, e.g. {@code 10.0.0.0/8}. */
    public List<String> prefixes() {
        return prefixes;
    }

    /** ConnectPoints or devices. */
    public List<String> interfaces() {
        return interfaces;
    }

    /** Open sessions whose source zone this is. */
    public long sessionsFrom() {
        return sessionsFrom;
    }

    /** Open sessions whose destination zone this is. */
    public long sessionsTo() {
        return sessionsTo;
    }
}
