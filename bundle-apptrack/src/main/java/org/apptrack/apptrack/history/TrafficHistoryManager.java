package org.apptrack.apptrack.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.ApplicationIdentificationService;
import org.apptrack.apptrack.api.ApplicationIdentificationService.Period;
import org.apptrack.apptrack.api.ApplicationStatistics;
import org.apptrack.apptrack.api.ApplicationVolume;
import org.apptrack.apptrack.api.SessionFilter;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.TrafficHistoryService;
import org.apptrack.apptrack.api.TrafficSample;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples AppTrack once a second into a {@link TrafficHistory}. The bytes so far are those of
 * the closed sessions (the application statistics since start, counted at each close) plus those
 * of the open sessions (read from the session table), so traffic shows while sessions last and
 * not only when they close. Reading the open sessions costs one pass over the session table a
 * second, at most {@value #OPEN_SESSIONS_READ} sessions; nothing happens per packet.
 */
@Component(immediate = true, service = TrafficHistoryService.class)
public class TrafficHistoryManager implements TrafficHistoryService {

    /** The open sessions read per sample: a table larger than this shows less traffic than it carries. */
    static final int OPEN_SESSIONS_READ = 100_000;
    private static final Logger log = LoggerFactory.getLogger(TrafficHistoryManager.class);

    @Reference
    private AppTrackService appTrack;

    @Reference
    private ApplicationIdentificationService identification;

    private final TrafficHistory history = new TrafficHistory();
    private ScheduledExecutorService sampler;

    @Activate
    protected void activate() {
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apptrack-traffic-history");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    protected void deactivate() {
        sampler.shutdownNow();
    }

    @Override
    public List<TrafficSample> traffic(Window window) {
        return history.traffic(window);
    }

    @Override
    public List<ApplicationVolume> topApplications(Window window, int limit) {
        return history.topApplications(window, limit);
    }

    /** One reading; a failure is logged and the next second tries again (the executor would stop on a throw). */
    void sample() {
        try {
            sample(history, appTrack, identification, System.currentTimeMillis());
        } catch (RuntimeException e) {
            log.warn("Traffic history: sampling failed", e);
        }
    }

    static void sample(TrafficHistory history, AppTrackService appTrack, ApplicationIdentificationService identification,
                       long nowMillis) {
        Map<String, Long> bytesByApplication = new HashMap<>();
        long total = 0;
        for (ApplicationStatistics s : identification.statistics(Period.SINCE_START)) {
            bytesByApplication.merge(name(s.application()), s.bytes(), Long::sum);
            total += s.bytes();
        }
        for (SessionInfo s : appTrack.sessions(new SessionFilter(), OPEN_SESSIONS_READ)) {
            bytesByApplication.merge(name(s.application()), s.bytes(), Long::sum);
            total += s.bytes();
        }
        AppTrackCounters counters = appTrack.counters();
        history.record(nowMillis, total, counters.sessionsCreated(), counters.activeSessions(), bytesByApplication);
    }

    private static String name(String application) {
        return application == null || application.isEmpty() ? "UNKNOWN" : application;
    }
}
