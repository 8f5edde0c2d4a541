package org.apptrack.apptrack.api;

import java.util.Set;

/**
 * Offload mode (inside ONOS: sessions counted by flow rules on the switches): whether it can run
 * here, what it is configured to offload, and its counters, for the console and REST.
 */
public interface OffloadService {

    /**
     * Whether this node can offload: ONOS's flow rule, mastership and storage services are
     * there (never in the standalone distribution, where every session stays in packet-in mode).
     */
    boolean available();

    /** The devices whose punted sessions are offloaded ({@code offload.devices}). */
    Set<String> devices();

    /** The zones whose sessions (from or to them) are offloaded ({@code offload.zones}). */
    Set<String> zones();

    /** Seconds between reads of the rules' statistics ({@code offload.pollInterval}). */
    int pollIntervalSeconds();

    /** Whether any session is offloaded: available, and some device or zone configured. */
    default boolean enabled() {
        return available() && (!devices().isEmpty() || !zones().isEmpty());
    }

    /** The counters since the component started, at one moment. */
    OffloadCounters counters();
}
