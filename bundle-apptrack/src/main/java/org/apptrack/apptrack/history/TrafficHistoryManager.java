package org.apptrack.apptrack.history;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.AppTrackSessionEvent;
import org.apptrack.apptrack.api.AppTrackSessionListener;
import org.apptrack.apptrack.api.Dimension;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.TrafficHistoryService;
import org.apptrack.apptrack.api.TrafficSample;
import org.apptrack.apptrack.api.Volume;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples AppTrack once a second into a {@link TrafficHistory}. The bytes so far, in total and
 * per name of each {@link Dimension}, are those of the closed sessions (counted from AppTrack's
 * close event, one per session) plus those of the open sessions (read from the session table in
 * one pass for all dimensions, each session described by those attributes alone), so traffic shows while sessions last and not only when they
 * close. Reading the open sessions costs one pass over the session table a second, at most
 * {@value #OPEN_SESSIONS_READ} sessions; nothing happens per packet.
 *
 * <p>The closed bytes are read before the table: a session that closes in between is then in
 * neither for that second (the history keeps its highest reading, see {@link TrafficHistory}),
 * never in both.
 */
@Component(immediate = true, service = TrafficHistoryService.class)
public class TrafficHistoryManager implements TrafficHistoryService {

    /** The open sessions read per sample: a table larger than this shows less traffic than it carries. */
    static final int OPEN_SESSIONS_READ = 100_000;
    private static final Logger log = LoggerFactory.getLogger(TrafficHistoryManager.class);
    private static final Dimension[] DIMENSIONS = Dimension.values();
    /** What a sample reads of each open session: its names in the dimensions and its bytes, nothing else. */
    private static final Set<SessionAttribute> ATTRIBUTES_READ = attributesRead();

    @Reference
    AppTrackService appTrack;

    private final TrafficHistory history;
    private final ClosedVolumes closed;
    /** Runs on AppTrack's event thread; {@link ClosedVolumes} is what it shares with the sampler. */
    final AppTrackSessionListener closedSessions;
    private ScheduledExecutorService sampler;

    public TrafficHistoryManager() {
        this(TrafficHistory.MAX_NAMES);
    }

    /** A manager whose history keeps at most {@code maxNames} names apart per dimension. */
    TrafficHistoryManager(int maxNames) {
        history = new TrafficHistory(maxNames);
        closed = new ClosedVolumes(maxNames);
        closedSessions = event -> {
            if (event.type() == AppTrackSessionEvent.Type.SESSION_CLOSED) {
                closed.add(event.subject());
            }
        };
    }

    @Activate
    protected void activate() {
        appTrack.addListener(closedSessions);
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apptrack-traffic-history");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    protected void deactivate() {
        appTrack.removeListener(closedSessions);
        sampler.shutdownNow();
    }

    @Override
    public List<TrafficSample> traffic(Window window) {
        return history.traffic(window);
    }

    @Override
    public List<Volume> top(Dimension by, Window window, int limit) {
        return history.top(by, window, limit);
    }

    private static Set<SessionAttribute> attributesRead() {
        Set<SessionAttribute> read = EnumSet.of(SessionAttribute.BYTES_FROM_CLIENT, SessionAttribute.BYTES_FROM_SERVER);
        for (Dimension d : DIMENSIONS) {
            read.add(d.attribute());
        }
        return Collections.unmodifiableSet(read);
    }

    /** One reading; a failure is logged and the next second tries again (the executor would stop on a throw). */
    void sample() {
        try {
            sample(System.currentTimeMillis());
        } catch (RuntimeException e) {
            log.warn("Traffic history: sampling failed", e);
        }
    }

    void sample(long nowMillis) {
        Map<Dimension, Map<String, Long>> bytesByName = new EnumMap<>(Dimension.class);
        long total = closed.copyInto(bytesByName);
        Map<Dimension, Map<String, Long>> open = new EnumMap<>(Dimension.class);
        @SuppressWarnings("unchecked")
        Map<String, Long>[] openByDimension = new Map[DIMENSIONS.length];
        for (Dimension d : DIMENSIONS) {
            openByDimension[d.ordinal()] = new HashMap<>();
            open.put(d, openByDimension[d.ordinal()]);
        }
        for (SessionInfo s : appTrack.openSessions(OPEN_SESSIONS_READ, ATTRIBUTES_READ)) {
            long bytes = s.bytes();
            for (Dimension d : DIMENSIONS) {
                openByDimension[d.ordinal()].merge(d.nameOf(s), bytes, Long::sum);
            }
            total += bytes;
        }
        open.forEach((d, byName) -> closed.countedNames(d, byName)
                .forEach((name, bytes) -> bytesByName.get(d).merge(name, bytes, Long::sum)));
        AppTrackCounters counters = appTrack.counters();
        history.record(nowMillis, total, counters.sessionsCreated(), counters.activeSessions(), bytesByName);
    }
}
