package org.apptrack.appqoe.impl;

import java.util.ArrayList;
import java.util.List;

import org.apptrack.appqoe.steer.SteeredSession;
import org.apptrack.appqoe.steer.SteeringActuator;
import org.apptrack.appqoe.steer.SteeringException;
import org.apptrack.appqoe.steer.SteeringPath;

/** Records what it is asked to do; can fail to prepare as an unprivileged Linux actuator does. */
final class RecordingActuator implements SteeringActuator {

    final List<String> calls = new ArrayList<>();
    final List<SteeringPath> prepared = new ArrayList<>();
    String prepareError;

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public boolean steers() {
        return true;
    }

    @Override
    public void preparePaths(List<SteeringPath> paths) throws SteeringException {
        if (prepareError != null) {
            throw new SteeringException(prepareError);
        }
        prepared.addAll(paths);
    }

    @Override
    public void steer(SteeredSession session, SteeringPath path) {
        calls.add("steer " + session.id() + " " + path.name());
    }

    @Override
    public void release(SteeredSession session) {
        calls.add("release " + session.id());
    }

    @Override
    public void close() {
    }
}
