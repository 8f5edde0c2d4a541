package org.apptrack.apptrack.engine.zone;

import java.util.List;

/**
 * A security zone: the interfaces (ONOS ConnectPoints or whole devices) and address prefixes that
 * form it, whether AppTrack is enabled for it, and the logical system it belongs to.
 */
public final class Zone {

    private final int id;
    private final String name;
    private final boolean applicationTracking;
    private final String logicalSystem;
    private final List<AddressPrefix> prefixes;
    private final List<String> interfaces;

    public Zone(int id, String name, boolean applicationTracking, String logicalSystem,
                List<AddressPrefix> prefixes, List<String> interfaces) {
        this.id = id;
        this.name = name;
        this.applicationTracking = applicationTracking;
        this.logicalSystem = logicalSystem;
        this.prefixes = List.copyOf(prefixes);
        this.interfaces = List.copyOf(interfaces);
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** False for a zone whose AppTrack is disabled without deleting the zone. */
    public boolean applicationTracking() {
        return applicationTracking;
    }

    /** The logical system, {@code root-logical-system} for the root. */
    public String logicalSystem() {
        return logicalSystem;
    }

    public List<AddressPrefix> prefixes() {
        return prefixes;
    }

    public List<String> interfaces() {
        return interfaces;
    }

    @Override
    public String toString() {
        return name;
    }
}
