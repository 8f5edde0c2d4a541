package org.apptrack.appqoe.api;

import java.util.List;

/**
 * AppQoE: measures each WAN path of the destination path groups, judges it against SLA rules and
 * chooses, per application and APBR rule, the path its sessions take. Snapshots only: every call
 * copies the state at that moment.
 */
public interface AppQoeService {

    /** Whether AppQoE runs (configured and {@code enabled = true}). */
    boolean enabled();

    /** The actuator's name ({@code none}, {@code linux-policy-routing}, {@code onos-flow-objective}). */
    String actuator();

    /** Whether decisions move traffic; false when AppQoE only measures, decides and logs. */
    boolean steering();

    /** The last actuator error (e.g. missing privileges), empty when none. */
    String actuatorError();

    /**
     * Why the last configuration given was refused (starting with the key at fault), empty when
     * the configuration in force is the last one given.
     */
    default String configurationError() {
        return "";
    }

    /** Every path of every destination group, with its measurements and SLA state per rule. */
    List<PathStatus> paths();

    /** The active path of every application selection (APBR profile, rule, application). */
    List<ApplicationPath> applications();

    /** Every probe session (one per path and active probe parameters) with its counters. */
    List<ProbeStatus> probes();

    /** The most recent path switches, newest first, at most {@code limit}. */
    List<PathSwitch> switches(int limit);
}
