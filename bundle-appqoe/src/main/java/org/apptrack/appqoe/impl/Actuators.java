package org.apptrack.appqoe.impl;

import org.apptrack.appqoe.config.SteeringConfig;
import org.apptrack.appqoe.steer.ExistingSessions;
import org.apptrack.appqoe.steer.NoSteering;
import org.apptrack.appqoe.steer.SteeringActuator;
import org.apptrack.appqoe.steer.linux.LinuxPolicyRouting;
import org.apptrack.appqoe.steer.linux.LinuxSteeringSettings;
import org.apptrack.appqoe.steer.linux.ProcessCommandRunner;
import org.apptrack.appqoe.steer.onos.FlowObjectiveActuator;
import org.onosproject.core.CoreService;
import org.onosproject.net.flowobjective.FlowObjectiveService;

/** The actuator {@code steering.actuator} names, from what this container provides. */
final class Actuators {

    /** Above ONOS's reactive forwarding (priority 10) and below its control-plane punts (40000). */
    static final int FLOW_OBJECTIVE_PRIORITY = 30_000;

    private Actuators() {
    }

    /**
     * @throws IllegalArgumentException naming {@code steering.actuator} when the container lacks
     *     what the actuator needs (ONOS's flow objective service outside ONOS)
     */
    static SteeringActuator create(SteeringConfig config, FlowObjectiveService flowObjectives, CoreService core,
            String appName) {
        switch (config.actuator()) {
            case LINUX:
                // The runtime already leaves existing sessions alone under "stay" (it never moves
                // them), so the actuator moves whatever it is asked to.
                return new LinuxPolicyRouting(LinuxSteeringSettings.defaults()
                        .tableBase(config.linuxTableBase())
                        .markBase(Integer.toUnsignedLong(config.linuxMarkBase()))
                        .rulePriority(config.linuxRulePriority())
                        .existingSessions(ExistingSessions.MOVE), ProcessCommandRunner.local());
            case ONOS:
                if (flowObjectives == null || core == null) {
                    throw new IllegalArgumentException("steering.actuator: onos needs ONOS's FlowObjectiveService"
                            + " and CoreService, which this container does not provide (use linux or none)");
                }
                return new FlowObjectiveActuator(flowObjectives, core.registerApplication(appName),
                        FLOW_OBJECTIVE_PRIORITY);
            default:
                return new NoSteering();
        }
    }
}
