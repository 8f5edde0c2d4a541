package org.apptrack.appqoe.impl;

import java.io.IOException;
import java.util.function.LongSupplier;

import org.apptrack.api.time.Clock;
import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.appqoe.config.ActiveProbeConfig;
import org.apptrack.appqoe.config.PathConfig;
import org.apptrack.appqoe.probe.ProbeResultListener;
import org.apptrack.appqoe.probe.stamp.SenderCounters;
import org.apptrack.appqoe.probe.stamp.StampSessionSender;

import io.netty.channel.EventLoopGroup;

/** A STAMP session sender on a path, its results fed to the path's monitor. */
final class StampProbeSession implements ProbeSession {

    private final PathConfig path;
    private final ActiveProbeConfig params;
    private final StampSessionSender sender;
    private volatile String error = "";

    StampProbeSession(EventLoopGroup group, Clock clock, LongSupplier monotonicNanos, PathConfig path,
            ActiveProbeConfig params, PathMonitor monitor) {
        this.path = path;
        this.params = params;
        String name = params.name();
        this.sender = new StampSessionSender(group, clock, params.stampSettings(path), new ProbeResultListener() {
            @Override
            public void onResult(String pathId, long sequence, long rttNanos, long forwardNanos, long backwardNanos) {
                monitor.answered(name, monotonicNanos.getAsLong(), rttNanos / 1_000, forwardNanos / 1_000,
                        backwardNanos / 1_000, true);
            }

            @Override
            public void onLost(String pathId, long sequence) {
                monitor.lost(name, monotonicNanos.getAsLong());
            }
        });
    }

    @Override
    public void start() {
        try {
            sender.start();
            error = "";
        } catch (IOException | RuntimeException e) {
            error = "cannot probe from " + path.sourceAddress().getHostAddress() + ": " + e.getMessage();
        }
    }

    @Override
    public void stop() {
        sender.stop();
    }

    @Override
    public ProbeStatus status() {
        SenderCounters c = sender.counters();
        return new ProbeStatus(path.group(), path.name(), params.name(), params.type().logName(),
                path.sourceAddress().getHostAddress(), path.reflector().getHostString() + ":" + path.reflector().getPort(),
                params.dscp(), c.sent(), c.answered(), c.lost(), error);
    }
}
