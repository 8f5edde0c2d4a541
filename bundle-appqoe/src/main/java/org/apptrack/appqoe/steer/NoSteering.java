package org.apptrack.appqoe.steer;

import java.util.List;

/** The actuator of a measuring-only AppQoE: decisions are logged, no traffic is moved. */
public final class NoSteering implements SteeringActuator {

    public static final String NAME = "none";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean steers() {
        return false;
    }

    @Override
    public void preparePaths(List<SteeringPath> paths) {
        // nothing to create
    }

    @Override
    public void steer(SteeredSession session, SteeringPath path) {
        // measuring only
    }

    @Override
    public void release(SteeredSession session) {
        // nothing was installed
    }

    @Override
    public void close() {
        // nothing was created
    }
}
