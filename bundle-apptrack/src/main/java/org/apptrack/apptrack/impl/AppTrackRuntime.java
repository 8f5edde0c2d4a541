package org.apptrack.apptrack.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apptrack.api.time.Clock;
import org.apptrack.api.traffic.OwnTraffic;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.api.ApplicationCacheEntry;
import org.apptrack.apptrack.api.ApplicationIdentificationService;
import org.apptrack.apptrack.api.ApplicationStatistics;
import org.apptrack.apptrack.api.IpAddresses;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionFilter;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionOrder;
import org.apptrack.apptrack.api.SessionRoute;
import org.apptrack.apptrack.api.ZoneInfo;
import org.apptrack.apptrack.appid.IdentificationCatalog;
import org.apptrack.apptrack.appid.AppIdCounter;
import org.apptrack.apptrack.appid.DpiClassifier;
import org.apptrack.apptrack.appid.cache.ApplicationSystemCache;
import org.apptrack.apptrack.appid.catalog.AppIdCatalog;
import org.apptrack.apptrack.appid.catalog.ReloadResult;
import org.apptrack.apptrack.appid.naming.CatalogIdentification;
import org.apptrack.apptrack.appid.protocol.StandardDissectors;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.EngineCounter;
import org.apptrack.apptrack.engine.EngineCounters;
import org.apptrack.apptrack.engine.OwnTrafficMatcher;
import org.apptrack.apptrack.engine.SessionEventListener;
import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.apptrack.engine.decode.MalformedCause;
import org.apptrack.apptrack.engine.owntraffic.OwnTrafficTable;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.engine.zone.SecurityZones;
import org.apptrack.apptrack.engine.zone.Zone;
import org.apptrack.apptrack.engine.zone.ZonePolicy;
import org.apptrack.apptrack.log.SessionLogEmitter;
import org.apptrack.apptrack.model.SessionModel;
import org.apptrack.apptrack.stats.ApplicationStatisticsTable;
import org.apptrack.syslog.api.SecurityLogService;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.packet.PacketContext;

/**
 * AppTrack with its configuration, engine and log emitter, fed by ONOS packet contexts: what the
 * ONOS app runs and what the offline replay tool runs, so both behave alike. Thread-safe: the
 * engine is single-threaded, so packets, aging ticks, commands and reconfiguration take turns on
 * one lock (uncontended when one packet thread feeds it).
 */
public final class AppTrackRuntime {

    /** Junos's default statistics interval: one day. */
    private static final long STATISTICS_INTERVAL_NANOS = 86_400L * 1_000_000_000L;

    private final Object lock = new Object();
    private final SecurityLogService securityLog;
    private final Clock clock;
    /** Zone of each ingress ConnectPoint seen, under the current zones (cleared on reconfiguration). */
    private final Map<ConnectPoint, Integer> ingressZones = new HashMap<>();
    private final IdentificationCatalog catalog;
    private AppTrackSettings settings;
    private OwnTrafficMatcher ownTraffic = OwnTrafficMatcher.NONE;
    private AppTrackEngine engine;
    private SessionModel model;
    private SessionLogEmitter emitter;
    private DpiClassifier classifier;
    private ApplicationStatisticsTable statistics;
    private ClosedSessionFeed feed;
    private Consumer<? super SessionInfo> closedSessionListener;
    /** Failures of the closed-session listener in the engines replaced by a new session limit. */
    private long earlierListenerFailures;
    private final SessionEventDispatcher sessionEvents;
    private long routeUpdates;
    /** Offload mode's part, or null; read in the engine's turn. */
    private volatile EngineHook hook;
    private long routeUpdatesUnknownSession;

    /** AppTrack with the application catalog bundled with the product, session events delivered synchronously. */
    public AppTrackRuntime(SecurityLogService securityLog, AppTrackSettings settings, Clock clock) {
        this(securityLog, settings, clock, CatalogIdentification.bundled());
    }

    /** AppTrack with the application catalog bundled with the product, session events through {@code events}. */
    public AppTrackRuntime(SecurityLogService securityLog, AppTrackSettings settings, Clock clock,
                           SessionEventDispatcher events) {
        this(securityLog, settings, clock, CatalogIdentification.bundled(), events);
    }

    public AppTrackRuntime(SecurityLogService securityLog, AppTrackSettings settings, Clock clock,
                           IdentificationCatalog catalog) {
        this(securityLog, settings, clock, catalog, SessionEventDispatcher.synchronous());
    }

    /**
     * @param events who hears of the sessions' creation, identification and close (its listeners
     *     may change at any time)
     */
    public AppTrackRuntime(SecurityLogService securityLog, AppTrackSettings settings, Clock clock,
                           IdentificationCatalog catalog, SessionEventDispatcher events) {
        this.securityLog = securityLog;
        this.clock = clock;
        this.settings = settings;
        this.catalog = catalog;
        this.sessionEvents = Objects.requireNonNull(events, "events");
        customApplications(settings);
        build(settings);
    }

    /** The configuration's custom applications, for the sessions created from now on. */
    private void customApplications(AppTrackSettings s) {
        if (catalog instanceof CatalogIdentification) {
            ((CatalogIdentification) catalog).custom(s.customApplications());
        }
    }

    private void build(AppTrackSettings s) {
        emitter = new SessionLogEmitter(securityLog, s.logSessionCreate(), s.logSessionClose());
        if (feed != null) {
            earlierListenerFailures += feed.failures();
        }
        feed = new ClosedSessionFeed(emitter, closedSessionListener);
        statistics = new ApplicationStatisticsTable(STATISTICS_INTERVAL_NANOS);
        classifier = new DpiClassifier(catalog, StandardDissectors.create(catalog), s.appId());
        classifier.enabled(s.applicationIdentification());
        SessionEventFeed events = new SessionEventFeed(sessionEvents);
        engine = new AppTrackEngine(s.engine(), SessionEventListener.both(SessionEventListener.both(
                SessionEventListener.both(feed, statistics), events), new HookEvents()), s.zones(), classifier);
        statistics.bind(engine.side());
        engine.ownTraffic(ownTraffic);
        engine.externalGraceNanos(offloadGraceNanos(s));
        model = new SessionModel(engine, s.zones());
        emitter.bind(engine, model);
        feed.bind(model);
        events.bind(engine, model);
    }

    /**
     * Describes each session as it closes to {@code listener} (after its close log), on the
     * thread that closes it, until another listener (null: none) is set. For tools that measure
     * sessions; costs nothing while none is set.
     */
    public void onSessionClosed(Consumer<? super SessionInfo> listener) {
        synchronized (lock) {
            closedSessionListener = listener;
            feed.listener(listener);
        }
    }

    /** Exceptions the closed-session listener threw (caught, so that each close completes). */
    public long closedSessionListenerFailures() {
        synchronized (lock) {
            return earlierListenerFailures + feed.failures();
        }
    }

    /**
     * One packet from ONOS's packet service. Kept small (the zone lookup is out of line): it runs
     * for every packet. Allocates nothing: what a packet costs in objects is the packet service's
     * (ONOS makes a context per packet; the distribution's service reuses one per capture thread).
     */
    public void process(PacketContext context) {
        synchronized (lock) {
            SecurityZones zones = settings.zones();
            int ingressZone = zones.hasInterfaces() ? ingressZone(zones, context) : -1;
            long now = clock.currentTimeNanos();
            engine.onFrame(context.inPacket().unparsed(), 0, ingressZone, now);
            EngineHook h = hook;
            if (h != null && engine.lastSession() >= 0) {
                h.packetCounted(engine, context, now);
            }
        }
    }

    // ------------------------------------------------------------------ offload mode's seam

    /** Sets (null: removes) the part that counts sessions outside the packets (offload mode). */
    public void engineHook(EngineHook h) {
        synchronized (lock) {
            hook = h;
        }
    }

    /**
     * Runs {@code turn} on the engine in the packets' turn with the clock's time: how counts from
     * another source (flow statistics) reach the engine. The engine changes when a new session
     * limit rebuilds it: do not keep it, or any session index, across turns without checking.
     */
    public <T> T inTurn(EngineHook.Turn<T> turn) {
        synchronized (lock) {
            return turn.run(engine, clock.currentTimeNanos());
        }
    }

    /**
     * How long a session counted by a switch outlives its idle timeout when the switch goes
     * silent: the switch's statistics reach us up to a poll interval late (and ONOS polls the
     * switch on its own interval), so two intervals and a margin before the engine's safety
     * timer ends what the switch normally ends.
     */
    private static long offloadGraceNanos(AppTrackSettings s) {
        return (2L * s.offload().pollIntervalSeconds() + 10L) * 1_000_000_000L;
    }

    /** The name of application id {@code id} in the catalog ("" for 0). */
    public String applicationName(int id) {
        return id == 0 ? "" : catalog.application(id);
    }

    /** The id of the application named {@code name} in the catalog, 0 when it has none. */
    public int applicationId(String name) {
        return name == null || name.isEmpty() ? 0 : catalog.id(name);
    }

    /** The engine's session events that offload mode needs, passed on to the hook. */
    private final class HookEvents implements SessionEventListener {
        @Override
        public void sessionCreated(SessionTable table, int session) {
        }

        @Override
        public void sessionUpdated(SessionTable table, int session) {
        }

        @Override
        public void sessionEnding(SessionTable table, int session, CloseReason reason) {
            EngineHook h = hook;
            if (h != null) {
                h.sessionEnding(engine, session, table.sessionId(session), reason);
            }
        }

        @Override
        public void sessionClosed(SessionTable table, int session, CloseReason reason) {
            EngineHook h = hook;
            if (h != null && engine.countedExternally(session)) {
                h.sessionClosed(engine, session, table.sessionId(session), reason);
            }
        }
    }

    /** Zone of the packet's ingress ConnectPoint, -1 when it has none; under {@link #lock}. */
    private int ingressZone(SecurityZones zones, PacketContext context) {
        ConnectPoint cp = context.inPacket().receivedFrom();
        if (cp == null) {
            return -1;
        }
        Integer z = ingressZones.get(cp);
        if (z == null) {
            z = zones.interfaceZone(cp.toString());
            ingressZones.put(cp, z);
        }
        return z;
    }

    /** Who hears of the sessions' creation, identification and close. */
    public SessionEventDispatcher sessionEvents() {
        return sessionEvents;
    }

    /**
     * See {@link org.apptrack.apptrack.api.AppTrackService#updateRoute}. Takes turns with the
     * packets on the runtime's lock, as every command does: the route is stored in the session's
     * side state, which only the engine's turn-holder touches, and is read by its later logs.
     */
    public boolean updateRoute(long sessionId, SessionRoute route) {
        Objects.requireNonNull(route, "route");
        synchronized (lock) {
            long now = clock.currentTimeNanos();
            engine.advanceTime(now); // a session already due closes first, as a packet would find it
            int s = sessionId > 0 && sessionId <= 0xFFFF_FFFFL ? engine.sessionOfId((int) sessionId) : -1;
            if (s < 0) {
                routeUpdatesUnknownSession++;
                return false;
            }
            SessionRoute previous = engine.side().route(s);
            if (route.equals(previous)) {
                return true;
            }
            engine.side().setRoute(s, route);
            emitter.routeChanged(s, previous, Math.max(now, engine.eventNanos()));
            routeUpdates++;
            return true;
        }
    }

    /** Idle aging while no packets arrive. */
    public void tick() {
        synchronized (lock) {
            engine.advanceTime(clock.currentTimeNanos());
        }
    }

    /**
     * Applies a new configuration. Timeouts, intervals, log switches, zones, policies and users
     * change in place: open sessions stay, those whose zone was removed or whose AppTrack was
     * disabled close with reason "policy delete". A new session limit needs a new session table:
     * every open session closes "policy delete" and the engine's counters restart.
     */
    public void apply(AppTrackSettings next) {
        synchronized (lock) {
            long now = clock.currentTimeNanos();
            AppTrackSettings previous = settings;
            settings = next;
            ingressZones.clear();
            if (!engine.updateSettings(next.engine(), now)) {
                engine.closeAll(CloseReason.POLICY_DELETE, now);
                customApplications(next);
                build(next);
                return;
            }
            SecurityZones before = previous.zones();
            SecurityZones after = next.zones();
            // Sessions closed here are logged under the zones they belonged to; the model takes
            // the new zones only once every remaining session has its new policy index.
            engine.reassignPolicies(after, (t, s) -> {
                ZonePolicy old = before.policy(t.policy(s));
                return after.reresolve(old.sourceZone().name(), old.destinationZone().name(), t.clientAddrHi(s),
                        t.clientAddrLo(s), t.serverAddrHi(s), t.serverAddrLo(s));
            }, now);
            engine.externalGraceNanos(offloadGraceNanos(next));
            model.zones(after);
            emitter.configure(next.logSessionCreate(), next.logSessionClose());
            classifier.configure(next.appId());
            classifier.enabled(next.applicationIdentification());
            customApplications(next);
        }
    }

    /**
     * Leaves the product's own traffic (log export, management) out from now on: a packet of it
     * creates no session and is counted. Sessions of it that are already open (seen before their
     * endpoint was known, e.g. a log stream that connected while the capture started) close with
     * reason "policy delete", as an SRX closes sessions that a policy change no longer permits.
     *
     * @return how many open sessions this closed
     */
    public int ownTraffic(OwnTraffic traffic) {
        OwnTrafficTable table = OwnTrafficTable.of(traffic);
        synchronized (lock) {
            ownTraffic = table;
            engine.ownTraffic(table);
            SessionTable t = engine.table();
            int[] sessions = new int[t.size()];
            int[] ids = new int[t.size()];
            int n = 0;
            for (int pos = t.size() - 1; pos >= 0; pos--) {
                int s = t.sessionAt(pos);
                if (table.matches(t.protocol(s), t.clientAddrHi(s), t.clientAddrLo(s), t.clientPort(s),
                        t.serverAddrHi(s), t.serverAddrLo(s), t.serverPort(s))) {
                    sessions[n] = s;
                    ids[n++] = t.sessionId(s);
                }
            }
            return n == 0 ? 0 : engine.closeSessions(sessions, ids, n, CloseReason.POLICY_DELETE,
                    clock.currentTimeNanos());
        }
    }

    /** Closes every open session with {@code reason} (CLI clear, shutdown). */
    public int closeAll(CloseReason reason) {
        synchronized (lock) {
            int n = engine.active();
            engine.closeAll(reason, clock.currentTimeNanos());
            return n;
        }
    }

    /**
     * Closes the open sessions that pass {@code filter} with {@code reason} (a filtered CLI clear).
     *
     * @return how many of them closed (their children, closed "parent closed", not counted)
     */
    public int closeMatching(Predicate<SessionInfo> filter, CloseReason reason) {
        synchronized (lock) {
            SessionTable t = engine.table();
            SessionSelector selector = selector(filter);
            int[] sessions = new int[t.size()];
            int[] ids = new int[t.size()];
            int n = 0;
            for (int pos = t.size() - 1; pos >= 0; pos--) {
                int s = t.sessionAt(pos);
                if (selector.matches(s) && (selector.exact() || filter.test(model.describe(s)))) {
                    sessions[n] = s;
                    ids[n++] = t.sessionId(s);
                }
            }
            return engine.closeSessions(sessions, ids, n, reason, clock.currentTimeNanos());
        }
    }

    /** The filter evaluated on the table (under {@link #lock}). */
    private SessionSelector selector(Predicate<SessionInfo> filter) {
        return SessionSelector.of(filter, model);
    }

    /** End of a replay: open sessions close as they would age out, at their own deadlines. */
    public void expireAll() {
        synchronized (lock) {
            engine.expireAll(clock.currentTimeNanos());
        }
    }

    public AppTrackSettings settings() {
        synchronized (lock) {
            return settings;
        }
    }

    /** The engine, for reading its counters (the caller must not feed it). */
    public AppTrackEngine engine() {
        synchronized (lock) {
            return engine;
        }
    }

    public SessionLogEmitter emitter() {
        synchronized (lock) {
            return emitter;
        }
    }

    public AppTrackCounters counters() {
        synchronized (lock) {
            Map<String, Long> closed = new LinkedHashMap<>();
            for (CloseReason r : CloseReason.values()) {
                closed.put(r.wireName(), engine.counters().closedBy(r));
            }
            Map<String, Long> malformed = new LinkedHashMap<>();
            for (MalformedCause c : MalformedCause.values()) {
                malformed.put(c.name(), engine.decoder().malformed(c));
            }
            EngineCounters c = engine.counters();
            FrameDecoder d = engine.decoder();
            return new AppTrackCounters(emitter.creates(), emitter.updates(), emitter.closes(), emitter.failures(),
                    c.get(EngineCounter.SESSIONS_CREATED), c.closed(), engine.active(), engine.table().refused(),
                    d.frames(), d.malformedTotal(), d.notIp(), c.get(EngineCounter.FRAMES_WITHOUT_ZONE),
                    c.get(EngineCounter.FRAMES_NOT_TRACKED), c.get(EngineCounter.OWN_TRAFFIC_FRAMES), closed,
                    malformed).withSessionEvents(routeUpdates, routeUpdatesUnknownSession, sessionEvents.delivered(),
                    sessionEvents.dropped(), sessionEvents.failures());
        }
    }

    /** The zones with their open session counts (one pass over the table). */
    public List<ZoneInfo> zones() {
        synchronized (lock) {
            SecurityZones zones = settings.zones();
            int n = zones.zones().size();
            long[] from = new long[n];
            long[] to = new long[n];
            SessionTable t = engine.table();
            for (int pos = t.size() - 1; pos >= 0; pos--) {
                ZonePolicy p = zones.policy(t.policy(t.sessionAt(pos)));
                from[p.sourceZone().id()]++;
                to[p.destinationZone().id()]++;
            }
            List<ZoneInfo> result = new ArrayList<>();
            for (Zone z : zones.zones()) {
                result.add(new ZoneInfo(z.name(), z.applicationTracking(), z.logicalSystem(),
                        z.prefixes().stream().map(Object::toString).collect(Collectors.toList()), z.interfaces(),
                        from[z.id()], to[z.id()]));
            }
            return result;
        }
    }

    /**
     * Up to {@code limit} sessions that pass {@code filter}, in {@code order}. The candidates
     * ({@link SessionSelector}: for a {@link org.apptrack.apptrack.api.SessionFilter}, exactly
     * the sessions that pass, of which the first {@code limit} are kept) are ranked on keys read
     * from the table ({@link SessionRanking}), then described in that order until {@code limit}
     * have passed the filter: only the sessions returned, and those an arbitrary predicate
     * rejected, cost an object.
     */
    public List<SessionInfo> sessions(Predicate<SessionInfo> filter, int limit, SessionOrder order) {
        return sessions(filter, limit, order, model::describe);
    }

    /** The first {@code limit} sessions by id, each described by {@code attributes} alone. */
    public List<SessionInfo> openSessions(int limit, Set<SessionAttribute> attributes) {
        SessionAttribute[] described = attributes.toArray(new SessionAttribute[0]);
        return sessions(new SessionFilter(), limit, SessionOrder.ID, s -> model.describe(s, described));
    }

    private List<SessionInfo> sessions(Predicate<SessionInfo> filter, int limit, SessionOrder order,
            IntFunction<SessionInfo> describer) {
        List<SessionInfo> result = new ArrayList<>();
        if (limit <= 0) {
            return result;
        }
        synchronized (lock) {
            SessionTable t = engine.table();
            SessionSelector selector = selector(filter);
            int n = t.size();
            SessionRanking ranking = new SessionRanking(order, selector.exact() ? limit : Integer.MAX_VALUE, n);
            // Oldest first: without removals that is ascending ids, which the id order then
            // mostly rejects with one comparison.
            for (int pos = 0; pos < n; pos++) {
                int s = t.sessionAt(pos);
                if (selector.matches(s)) {
                    ranking.offer(t, s);
                }
            }
            while (result.size() < limit && ranking.hasNext()) {
                SessionInfo info = describer.apply(ranking.next());
                if (filter.test(info)) {
                    result.add(info);
                }
            }
        }
        return result;
    }

    /** Up to {@code limit} sessions that pass {@code filter}, the lowest session ids first. */
    public List<SessionInfo> sessions(Predicate<SessionInfo> filter, int limit) {
        return sessions(filter, limit, SessionOrder.ID);
    }

    /** Application identification's counters ({@code show services application-identification counter}). */
    public Map<String, Long> appIdCounters() {
        synchronized (lock) {
            Map<String, Long> counters = new LinkedHashMap<>();
            for (AppIdCounter c : AppIdCounter.values()) {
                counters.put(c.description(), classifier.count(c));
            }
            counters.put(EngineCounter.NOT_CLASSIFIED_POOL_FULL.description(),
                    engine.counters().get(EngineCounter.NOT_CLASSIFIED_POOL_FULL));
            ApplicationSystemCache cache = classifier.systemCache();
            counters.put("Application system cache hits", cache.hits());
            counters.put("Application system cache misses", cache.misses());
            counters.put("Application system cache evictions", cache.evictions());
            return counters;
        }
    }

    /** Sessions, packets and bytes per application and nested application. */
    public List<ApplicationStatistics> statistics(ApplicationIdentificationService.Period period) {
        synchronized (lock) {
            statistics.roll(clock.currentTimeNanos());
            return statistics.rows(period == ApplicationIdentificationService.Period.SINCE_START, catalog);
        }
    }

    /** The application system cache's live entries, at most {@code limit}. */
    public List<ApplicationCacheEntry> applicationSystemCache(int limit) {
        List<ApplicationCacheEntry> entries = new ArrayList<>();
        synchronized (lock) {
            long now = engine.eventNanos();
            classifier.systemCache().forEach(now, (high, low, protocol, port, application, nested, expires) -> {
                if (entries.size() < limit) {
                    entries.add(new ApplicationCacheEntry(IpAddresses.format(high, low), port, protocol,
                            catalog.application(application), catalog.application(nested),
                            Math.max(0, (expires - now) / 1_000_000_000L)));
                }
            });
        }
        return entries;
    }

    public void clearApplicationSystemCache() {
        synchronized (lock) {
            classifier.systemCache().clear();
        }
    }

    /** The catalog's version and size, or "" when the runtime runs another catalog (tests). */
    public String catalogVersion() {
        if (!(catalog instanceof CatalogIdentification)) {
            return "";
        }
        AppIdCatalog c = ((CatalogIdentification) catalog).catalog();
        return c.version() + " (" + c.snapshot().applicationCount() + " applications)";
    }

    /** See {@link ApplicationIdentificationService#reloadCatalog}. */
    public String reloadCatalog(String file) {
        if (!(catalog instanceof CatalogIdentification)) {
            throw new IllegalArgumentException("this runtime's catalog cannot be reloaded");
        }
        AppIdCatalog c = ((CatalogIdentification) catalog).catalog();
        ReloadResult r = file == null ? c.reloadBundled() : c.reload(java.nio.file.Paths.get(file));
        if (!r.loaded()) {
            throw new IllegalArgumentException(r.message());
        }
        return r.message();
    }
}
