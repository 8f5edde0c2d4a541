package org.apptrack.appqoe.impl;

import org.apptrack.appqoe.config.SteeringConfig;
import org.apptrack.appqoe.steer.SteeringActuator;

/** The actuators a program without ONOS can have: none or Linux policy routing. */
public final class StandaloneActuators {

    private StandaloneActuators() {
    }

    /** @throws IllegalArgumentException naming {@code steering.actuator} for the ONOS actuator */
    public static SteeringActuator create(SteeringConfig config) {
        return Actuators.create(config, null, null, AppQoeManager.APP_NAME);
    }
}
