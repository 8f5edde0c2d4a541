package org.apptrack.appqoe.impl;

import org.apptrack.appqoe.select.Path;
import org.apptrack.appqoe.select.PathState;

/**
 * A path's state under one SLA rule, copied under the path's lock so that the selector (on the
 * worker thread) reads a consistent view while probe results keep arriving on I/O threads.
 */
final class PathSnapshot implements PathState {

    private final Path path;
    private final boolean slaMet;
    private final boolean dead;
    private final int metricsMet;
    private final long scoreMicros;

    PathSnapshot(Path path, boolean slaMet, boolean dead, int metricsMet, long scoreMicros) {
        this.path = path;
        this.slaMet = slaMet;
        this.dead = dead;
        this.metricsMet = metricsMet;
        this.scoreMicros = scoreMicros;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public boolean slaMet() {
        return slaMet;
    }

    @Override
    public boolean dead() {
        return dead;
    }

    @Override
    public int metricsMet() {
        return metricsMet;
    }

    @Override
    public long scoreMicros() {
        return scoreMicros;
    }
}
