package org.apptrack.appqoe.history;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apptrack.api.time.Clock;
import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.api.PathHistory;
import org.apptrack.appqoe.api.PathHistoryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads AppQoE's paths once a second into a {@link PathHistoryStore}. Sampling periods last at
 * least two seconds, so a reading a second sees each of them; reading the paths copies a few
 * figures per path under each path's lock, and nothing happens per packet.
 */
@Component(immediate = true, service = PathHistoryService.class)
public class PathHistoryManager implements PathHistoryService {

    static final long SAMPLE_MILLIS = 1000;
    private static final Logger log = LoggerFactory.getLogger(PathHistoryManager.class);

    @Reference
    private AppQoeService appQoe;

    private final PathHistoryStore store = new PathHistoryStore(MAX_POINTS);
    private final Clock clock;
    private ScheduledExecutorService sampler;

    public PathHistoryManager() {
        this.clock = Clock.SYSTEM;
    }

    /** Without OSGi: reads {@code appQoe} when told to ({@link #sample()}), windows end at {@code clock}'s now. */
    PathHistoryManager(AppQoeService appQoe, Clock clock) {
        this.appQoe = appQoe;
        this.clock = clock;
    }

    @Activate
    protected void activate() {
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apptrack-appqoe-history");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    protected void deactivate() {
        sampler.shutdownNow();
    }

    @Override
    public List<PathHistory> history(String group, Window window) {
        return store.history(group, clock.currentTimeMillis() - window.millis());
    }

    /** One reading; a failure is logged and the next second tries again (the executor would stop on a throw). */
    void sample() {
        try {
            store.record(appQoe.paths());
        } catch (RuntimeException e) {
            log.warn("AppQoE path history: reading the paths failed", e);
        }
    }
}
