package org.apptrack.appqoe.impl;

import java.util.function.LongSupplier;

import org.apptrack.api.time.Clock;
import org.apptrack.appqoe.config.ActiveProbeConfig;
import org.apptrack.appqoe.config.PathConfig;
import org.apptrack.appqoe.config.ProbeType;

import io.netty.channel.EventLoopGroup;

/** Creates the probe session a path's active probe parameters ask for, on the shared probe event loop. */
final class ProbeSessions implements AppQoeRuntime.ProbeFactory {

    private final EventLoopGroup group;
    private final Clock clock;
    private final LongSupplier monotonicNanos;

    ProbeSessions(EventLoopGroup group, Clock clock, LongSupplier monotonicNanos) {
        this.group = group;
        this.clock = clock;
        this.monotonicNanos = monotonicNanos;
    }

    @Override
    public ProbeSession create(PathConfig path, ActiveProbeConfig params, PathMonitor monitor) {
        if (params.type() == ProbeType.HTTP_HEAD) {
            return new HttpHeadProbeSession(group, monotonicNanos, path, params, monitor);
        }
        return new StampProbeSession(group, clock, monotonicNanos, path, params, monitor);
    }
}
