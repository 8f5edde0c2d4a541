package org.apptrack.apptrack.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apptrack.api.time.Clock;
import org.apptrack.api.traffic.OwnTraffic;
import org.apptrack.api.traffic.OwnTrafficListener;
import org.apptrack.api.traffic.OwnTrafficService;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.AppTrackSessionListener;
import org.apptrack.apptrack.api.ApplicationCacheEntry;
import org.apptrack.apptrack.api.ApplicationIdentificationService;
import org.apptrack.apptrack.api.ApplicationStatistics;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionOrder;
import org.apptrack.apptrack.api.SessionRoute;
import org.apptrack.apptrack.api.ZoneInfo;
import org.apptrack.apptrack.config.AppTrackConfig;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.onos.config.ConfigurationLayers;
import org.apptrack.apptrack.onos.config.NetworkConfigSource;
import org.apptrack.apptrack.onos.config.OnosComponentProperties;
import org.apptrack.apptrack.onos.netcfg.AppTrackNetworkConfig;
import org.apptrack.syslog.api.SecurityLogService;
import org.onlab.packet.Ethernet;
import org.onosproject.cfg.ComponentConfigService;
import org.onosproject.cluster.ClusterService;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreService;
import org.onosproject.net.config.NetworkConfigRegistry;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.packet.PacketContext;
import org.onosproject.net.packet.PacketPriority;
import org.onosproject.net.packet.PacketProcessor;
import org.onosproject.net.packet.PacketService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONOS app: an observer-priority packet processor on ONOS's PacketService (forwarding apps
 * are not disturbed) that feeds every IPv4 and IPv6 frame to AppTrack ({@link AppTrackRuntime}),
 * whose session events become AppTrack logs on the security log. Time is the packet source's
 * {@link Clock} when there is one (capture time in replays), else wall time. The product's own
 * traffic ({@link OwnTrafficService}: log export, management) gets no session, whoever captures.
 */
@Component(immediate = true, service = {AppTrackService.class, ApplicationIdentificationService.class,
        OnosComponentProperties.class, AppTrackRuntimeAccess.class}, configurationPid = AppTrackSettings.PID)
@Designate(ocd = AppTrackConfig.class)
public class AppTrackManager implements AppTrackService, ApplicationIdentificationService, OnosComponentProperties,
        AppTrackRuntimeAccess {

    public static final String APP_NAME = "org.apptrack.apptrack";
    private static final Logger log = LoggerFactory.getLogger(AppTrackManager.class);
    private static final TrafficSelector IPV4 = DefaultTrafficSelector.builder().matchEthType(Ethernet.TYPE_IPV4)
            .build();
    /**
     * Session events waiting for the listeners: at most a few seconds of session churn on a busy
     * link; beyond that the listeners are not keeping up and events are dropped (counted).
     */
    private static final int SESSION_EVENT_QUEUE = 16_384;
    private static final TrafficSelector IPV6 = DefaultTrafficSelector.builder().matchEthType(Ethernet.TYPE_IPV6)
            .build();

    @Reference
    private PacketService packetService;

    @Reference
    private CoreService coreService;

    @Reference
    private SecurityLogService securityLog;

    /** Inside an ONOS cluster: this node's range of session ids ({@link SessionIdPartition}). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ClusterService clusterService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    private volatile OwnTrafficService ownTrafficService;
    private final OwnTrafficListener ownTrafficListener = event -> applyOwnTraffic(event.subject());

    private final PacketProcessor processor = this::process;
    private final Clock time = () -> {
        Clock c = clock;
        return (c != null ? c : Clock.SYSTEM).currentTimeNanos();
    };
    private ApplicationId appId;
    private volatile AppTrackRuntime runtime;
    /** Outlives reconfigurations; listeners may register before activation. */
    private final SessionEventDispatcher sessionEvents =
            SessionEventDispatcher.queued(SESSION_EVENT_QUEUE, "apptrack-session-events");
    private ScheduledExecutorService ticker;
    /** The file's properties, and inside ONOS cfg's values and the network configuration over them. */
    private final ConfigurationLayers<AppTrackNetworkConfig> configuration =
            new ConfigurationLayers<>(AppTrackNetworkConfig.OWNED_PREFIXES);
    private final NetworkConfigSource<AppTrackNetworkConfig> networkConfig = new NetworkConfigSource<>(APP_NAME,
            AppTrackNetworkConfig.class, AppTrackNetworkConfig.KEY, AppTrackNetworkConfig::new,
            this::networkConfigChanged);
    private NetworkConfigRegistry networkConfigRegistry;

    @Activate
    protected void activate(Map<String, Object> properties) {
        appId = coreService.registerApplication(APP_NAME);
        AppTrackSettings settings;
        try {
            settings = configuration.withConfigAdmin(properties, AppTrackSettings::parse);
        } catch (IllegalArgumentException e) {
            log.error("AppTrack configuration rejected, starting with the defaults: {}", e.getMessage());
            settings = AppTrackSettings.parse(Map.of());
        }
        runtime = new AppTrackRuntime(securityLog, settings, time, sessionEvents);
        partitionSessionIds(clusterService);
        OwnTrafficService own = ownTrafficService;
        if (own != null) {
            applyOwnTraffic(own.ownTraffic());
        }
        packetService.addProcessor(processor, PacketProcessor.observer(1));
        packetService.requestPackets(IPV4, PacketPriority.REACTIVE, appId);
        packetService.requestPackets(IPV6, PacketPriority.REACTIVE, appId);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apptrack-aging");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        log.info("AppTrack started: {}, zones {}", settings.engine(), settings.zones().zones());
        startNetworkConfig();
    }

    /** A valid configuration is applied (see {@link AppTrackRuntime#apply}); an invalid one is refused, naming the property. */
    @Modified
    protected void modified(Map<String, Object> properties) {
        synchronized (configuration) {
            AppTrackSettings settings;
            try {
                settings = configuration.withConfigAdmin(properties, AppTrackSettings::parse);
            } catch (IllegalArgumentException e) {
                log.error("AppTrack configuration rejected, the previous one stays in force: {}", e.getMessage());
                return;
            }
            runtime.apply(settings);
            log.info("AppTrack reconfigured: {}, zones {}", settings.engine(), settings.zones().zones());
        }
    }

    private void partitionSessionIds(ClusterService cluster) {
        if (cluster == null) {
            return; // standalone: one node, the whole id range
        }
        List<String> nodes = new ArrayList<>();
        cluster.getNodes().forEach(n -> nodes.add(n.id().id()));
        String local = cluster.getLocalNode().id().id();
        int partition = SessionIdPartition.of(local, nodes);
        if (partition < 0) {
            log.warn("AppTrack: node {} of {} gets no range of session ids of its own; sessions moved between"
                    + " nodes may share an id with one of the new node's", local, nodes);
            return;
        }
        runtime.inTurn((engine, now) -> {
            engine.partitionSessionIds(partition, SessionIdPartition.BITS);
            return null;
        });
        log.info("AppTrack: session ids of node {} start at {} (partition {} of {} nodes)", local,
                Integer.toUnsignedString((partition << (32 - SessionIdPartition.BITS)) | 1), partition, nodes.size());
    }

    @Deactivate
    protected void deactivate() {
        networkConfig.stop();
        packetService.removeProcessor(processor);
        packetService.cancelPackets(IPV4, PacketPriority.REACTIVE, appId);
        packetService.cancelPackets(IPV6, PacketPriority.REACTIVE, appId);
        ticker.shutdownNow();
        runtime.closeAll(CloseReason.POLICY_DELETE);
        sessionEvents.close();
        log.info("AppTrack stopped");
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    protected void bindOwnTrafficService(OwnTrafficService service) {
        ownTrafficService = service;
        service.addListener(ownTrafficListener);
        applyOwnTraffic(service.ownTraffic());
    }

    protected void unbindOwnTrafficService(OwnTrafficService service) {
        service.removeListener(ownTrafficListener);
        if (ownTrafficService == service) {
            ownTrafficService = null;
            applyOwnTraffic(OwnTraffic.NONE);
        }
    }

    // ---- ONOS-native configuration (org.apptrack.apptrack.onos.*); these services are absent outside ONOS.

    /** Makes the properties of {@code AppTrackManager.cfgdef} visible and settable with ONOS's {@code cfg}. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    protected void bindComponentConfigService(ComponentConfigService service) {
        service.registerProperties(AppTrackManager.class);
    }

    protected void unbindComponentConfigService(ComponentConfigService service) {
        service.unregisterProperties(AppTrackManager.class, false);
    }

    /** The values set with ONOS's cfg, delivered by {@code onos.cfg.AppTrackCfgProperties}; they win over the file's. */
    @Override
    public void componentProperties(Map<String, ?> properties) {
        synchronized (configuration) {
            AppTrackSettings settings;
            try {
                settings = configuration.withComponentProperties(properties, AppTrackSettings::parse);
            } catch (IllegalArgumentException e) {
                log.error("AppTrack cfg properties rejected, the previous configuration stays in force: {}",
                        e.getMessage());
                return;
            }
            if (runtime != null) {
                runtime.apply(settings);
                log.info("AppTrack reconfigured (cfg): {}", settings.engine());
            }
        }
    }

    /** Zones, policies and users from ONOS network configuration (apps -> org.apptrack.apptrack -> apptrack). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    protected synchronized void bindNetworkConfigRegistry(NetworkConfigRegistry registry) {
        networkConfigRegistry = registry;
        if (runtime != null) {
            startNetworkConfig();
        }
    }

    protected synchronized void unbindNetworkConfigRegistry(NetworkConfigRegistry registry) {
        if (networkConfigRegistry == registry) {
            networkConfigRegistry = null;
            networkConfig.stop();
            if (runtime != null && !ticker.isShutdown()) {
                networkConfigChanged(null);
            }
        }
    }

    private synchronized void startNetworkConfig() {
        if (networkConfigRegistry != null) {
            networkConfig.start(networkConfigRegistry);
        }
    }

    /** A valid network configuration replaces the file's zones, policies and users; an invalid one is refused. */
    private void networkConfigChanged(AppTrackNetworkConfig config) {
        synchronized (configuration) {
            AppTrackSettings settings;
            try {
                settings = configuration.withNetwork(config, AppTrackSettings::parse);
            } catch (IllegalArgumentException e) {
                log.error("AppTrack network configuration rejected, the previous one stays in force: {}",
                        e.getMessage());
                return;
            }
            runtime.apply(settings);
            log.info("AppTrack {}: zones {}", config == null ? "network configuration removed, the file's zones apply"
                    : "network configuration applied", settings.zones().zones());
        }
    }

    // ---- end of ONOS-native configuration

    private void applyOwnTraffic(OwnTraffic traffic) {
        AppTrackRuntime r = runtime;
        if (r == null) {
            return; // not active yet: activate() reads the service's current set
        }
        int closed = r.ownTraffic(traffic);
        if (closed > 0) {
            log.info("AppTrack: {} open session(s) of the product's own traffic closed", closed);
        }
    }

    private void process(PacketContext context) {
        runtime.process(context);
    }

    private void tick() {
        try {
            runtime.tick();
        } catch (RuntimeException e) {
            log.warn("AppTrack aging failed", e);
        }
    }

    @Override
    public AppTrackRuntime runtime() {
        return runtime;
    }

    @Override
    public AppTrackCounters counters() {
        return runtime.counters();
    }

    @Override
    public Map<String, Long> identificationCounters() {
        return runtime.appIdCounters();
    }

    @Override
    public List<ApplicationStatistics> statistics(Period period) {
        return runtime.statistics(period);
    }

    @Override
    public List<ApplicationCacheEntry> applicationSystemCache(int limit) {
        return runtime.applicationSystemCache(limit);
    }

    @Override
    public String catalogVersion() {
        return runtime.catalogVersion();
    }

    @Override
    public String reloadCatalog(String file) {
        String result = runtime.reloadCatalog(file);
        log.info("Application catalog: {}", result);
        return result;
    }

    @Override
    public void clearApplicationSystemCache() {
        runtime.clearApplicationSystemCache();
    }

    @Override
    public List<SessionInfo> sessions(Predicate<SessionInfo> filter, int limit) {
        return runtime.sessions(filter, limit);
    }

    @Override
    public List<SessionInfo> sessions(Predicate<SessionInfo> filter, int limit, SessionOrder order) {
        return runtime.sessions(filter, limit, order);
    }

    @Override
    public List<SessionInfo> openSessions(int limit, Set<SessionAttribute> attributes) {
        return runtime.openSessions(limit, attributes);
    }

    @Override
    public int clearSessions() {
        return runtime.closeAll(CloseReason.CLI);
    }

    @Override
    public int clearSessions(Predicate<SessionInfo> filter) {
        return runtime.closeMatching(filter, CloseReason.CLI);
    }

    @Override
    public boolean updateRoute(long sessionId, SessionRoute route) {
        return runtime.updateRoute(sessionId, route);
    }

    @Override
    public void addListener(AppTrackSessionListener listener) {
        sessionEvents.addListener(listener);
    }

    @Override
    public void removeListener(AppTrackSessionListener listener) {
        sessionEvents.removeListener(listener);
    }

    @Override
    public List<ZoneInfo> zones() {
        return runtime.zones();
    }

    @Override
    public boolean enabled() {
        return runtime.settings().zones().enabled();
    }
}
