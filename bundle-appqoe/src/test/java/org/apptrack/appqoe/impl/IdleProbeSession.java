package org.apptrack.appqoe.impl;

import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.appqoe.config.ActiveProbeConfig;
import org.apptrack.appqoe.config.PathConfig;

/** A probe session that sends nothing: the test feeds the path monitor itself. */
final class IdleProbeSession implements ProbeSession {

    private final PathConfig path;
    private final ActiveProbeConfig params;

    IdleProbeSession(PathConfig path, ActiveProbeConfig params) {
        this.path = path;
        this.params = params;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public ProbeStatus status() {
        return new ProbeStatus(path.group(), path.name(), params.name(), params.type().logName(),
                path.sourceAddress().getHostAddress(), String.valueOf(path.reflector()), params.dscp(), 0, 0, 0, "");
    }
}
