package org.apptrack.appqoe.impl;

import java.io.IOException;
import java.util.function.LongSupplier;

import org.apptrack.appqoe.api.ProbeStatus;
import org.apptrack.appqoe.config.ActiveProbeConfig;
import org.apptrack.appqoe.config.PathConfig;
import org.apptrack.appqoe.probe.ProbeResultListener;
import org.apptrack.appqoe.probe.http.HttpHeadProber;
import org.apptrack.appqoe.probe.http.HttpProbeCounters;
import org.apptrack.appqoe.probe.http.HttpProbeSettings;

import io.netty.channel.EventLoopGroup;

/** HTTP HEAD probes of a SaaS URL over a path, their round trips fed to the path's monitor. */
final class HttpHeadProbeSession implements ProbeSession {

    private final PathConfig path;
    private final ActiveProbeConfig params;
    private final HttpHeadProber prober;
    private volatile String error = "";

    HttpHeadProbeSession(EventLoopGroup group, LongSupplier monotonicNanos, PathConfig path, ActiveProbeConfig params,
            PathMonitor monitor) {
        this.path = path;
        this.params = params;
        String name = params.name();
        HttpProbeSettings.Builder settings = HttpProbeSettings.builder(path.id())
                .target(params.url())
                .dscp(params.dscp())
                .interval(params.interval())
                .lossTimeout(params.lossTimeout());
        if (path.sourceAddress() != null) {
            settings.source(path.sourceAddress());
        }
        this.prober = new HttpHeadProber(group, settings.build(), new ProbeResultListener() {
            @Override
            public void onResult(String pathId, long sequence, long rttNanos, long forwardNanos, long backwardNanos) {
                monitor.answered(name, monotonicNanos.getAsLong(), rttNanos / 1_000, 0, 0, false);
            }

            @Override
            public void onRoundTrip(String pathId, long sequence, long rttNanos) {
                monitor.answered(name, monotonicNanos.getAsLong(), rttNanos / 1_000, 0, 0, false);
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
            prober.start();
            error = "";
        } catch (IOException | RuntimeException e) {
            error = "cannot probe " + params.url() + ": " + e.getMessage();
        }
    }

    @Override
    public void stop() {
        prober.stop();
    }

    @Override
    public ProbeStatus status() {
        HttpProbeCounters c = prober.counters();
        return new ProbeStatus(path.group(), path.name(), params.name(), params.type().logName(),
                path.sourceAddress() == null ? "" : path.sourceAddress().getHostAddress(), String.valueOf(params.url()),
                params.dscp(), c.sent(), c.answered(), c.lost(), error);
    }
}
