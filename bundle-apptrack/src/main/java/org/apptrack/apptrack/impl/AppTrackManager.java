package org.apptrack.apptrack.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.Clock;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.config.AppTrackConfig;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.catalog.PortServiceMap;
import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.apptrack.engine.decode.MalformedCause;
import org.apptrack.apptrack.engine.log.SessionLogEmitter;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.syslog.api.SecurityLogService;
import org.onlab.packet.Ethernet;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreService;
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
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONOS app: an observer-priority packet processor on ONOS's PacketService (forwarding apps
 * are not disturbed) that feeds every IPv4 and IPv6 frame to the AppTrack engine, whose session
 * events become AppTrack logs on the security log. Time is the packet source's {@link Clock}
 * when there is one (capture time in replays), else wall time. The engine is single-threaded;
 * packets from several ONOS threads take turns.
 */
@Component(immediate = true, service = AppTrackService.class, configurationPid = AppTrackSettings.PID)
@Designate(ocd = AppTrackConfig.class)
public class AppTrackManager implements AppTrackService {

    public static final String APP_NAME = "org.apptrack.apptrack";
    private static final Logger log = LoggerFactory.getLogger(AppTrackManager.class);
    private static final TrafficSelector IPV4 = DefaultTrafficSelector.builder().matchEthType(Ethernet.TYPE_IPV4)
            .build();
    private static final TrafficSelector IPV6 = DefaultTrafficSelector.builder().matchEthType(Ethernet.TYPE_IPV6)
            .build();

    @Reference
    private PacketService packetService;

    @Reference
    private CoreService coreService;

    @Reference
    private SecurityLogService securityLog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Clock clock;

    private final Object lock = new Object();
    private final PacketProcessor processor = this::process;
    private ApplicationId appId;
    private AppTrackSettings settings;
    private AppTrackEngine engine;
    private SessionLogEmitter emitter;
    private ScheduledExecutorService ticker;
    private final PortServiceMap services =
            PortServiceMap.junosDefaults();

    @Activate
    protected void activate(Map<String, Object> properties) {
        appId = coreService.registerApplication(APP_NAME);
        configure(properties, true);
        packetService.addProcessor(processor, PacketProcessor.observer(1));
        packetService.requestPackets(IPV4, PacketPriority.REACTIVE, appId);
        packetService.requestPackets(IPV6, PacketPriority.REACTIVE, appId);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apptrack-aging");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        log.info("AppTrack started: {}", settings.engine());
    }

    @Modified
    protected void modified(Map<String, Object> properties) {
        configure(properties, false);
    }

    @Deactivate
    protected void deactivate() {
        packetService.removeProcessor(processor);
        packetService.cancelPackets(IPV4, PacketPriority.REACTIVE, appId);
        packetService.cancelPackets(IPV6, PacketPriority.REACTIVE, appId);
        ticker.shutdownNow();
        synchronized (lock) {
            engine.closeAll(CloseReason.POLICY_DELETE, now());
        }
        log.info("AppTrack stopped");
    }

    /** A valid configuration replaces the engine (open sessions close with "policy delete"); an invalid one is refused. */
    private void configure(Map<String, Object> properties, boolean initial) {
        AppTrackSettings parsed;
        try {
            parsed = AppTrackSettings.parse(properties);
        } catch (IllegalArgumentException e) {
            if (initial) {
                log.error("AppTrack configuration rejected, starting with the defaults: {}", e.getMessage());
                parsed = AppTrackSettings.parse(Map.of());
            } else {
                log.error("AppTrack configuration rejected, the previous one stays in force: {}", e.getMessage());
                return;
            }
        }
        synchronized (lock) {
            if (engine != null) {
                engine.closeAll(CloseReason.POLICY_DELETE, now());
            }
            settings = parsed;
            emitter = new SessionLogEmitter(securityLog, parsed.logs());
            engine = new AppTrackEngine(parsed.engine(), emitter);
            emitter.engine(engine);
        }
    }

    private void process(PacketContext context) {
        synchronized (lock) {
            engine.onFrame(context.inPacket().unparsed(), 0, now());
        }
    }

    private void tick() {
        try {
            synchronized (lock) {
                engine.advanceTime(now());
            }
        } catch (RuntimeException e) {
            log.warn("AppTrack aging failed", e);
        }
    }

    private long now() {
        Clock c = clock;
        return (c != null ? c : Clock.SYSTEM).currentTimeNanos();
    }

    @Override
    public AppTrackCounters counters() {
        synchronized (lock) {
            Map<String, Long> closed = new LinkedHashMap<>();
            for (CloseReason r : CloseReason.values()) {
                closed.put(r.wireName(), engine.sessionsClosed(r));
            }
            Map<String, Long> malformed = new LinkedHashMap<>();
            for (MalformedCause c : MalformedCause.values()) {
                malformed.put(c.name(), engine.decoder().malformed(c));
            }
            return new AppTrackCounters(emitter.creates(), emitter.updates(), emitter.closes(), emitter.failures(),
                    engine.sessionsCreated(), engine.sessionsClosed(), engine.active(), engine.refused(),
                    engine.frames(), engine.malformed(), engine.notIp(), closed, malformed);
        }
    }

    @Override
    public List<SessionInfo> sessions(
            Predicate<SessionInfo> filter, int limit) {
        List<SessionInfo> result = new ArrayList<>();
        synchronized (lock) {
            SessionTable t = engine.table();
            for (int pos = t.size() - 1; pos >= 0 && result.size() < limit; pos--) {
                SessionInfo info = describe(t, t.sessionAt(pos));
                if (filter.test(info)) {
                    result.add(info);
                }
            }
        }
        result.sort(Comparator.comparingLong(SessionInfo::sessionId));
        return result;
    }

    private SessionInfo describe(SessionTable t,
                                                            int s) {
        PortServiceMap.Entry service = services.entry(
                services.lookup(t.protocol(s), t.serverPort(s), t.clientPort(s)));
        return new SessionInfo(t.sessionId(s) & 0xffffffffL,
                FrameDecoder.formatAddress(t.clientAddrHi(s), t.clientAddrLo(s)),
                t.clientPort(s),
                FrameDecoder.formatAddress(t.serverAddrHi(s), t.serverAddrLo(s)),
                t.serverPort(s), t.protocol(s), service.serviceName(), service.application(),
                settings.logs().sourceZone(), settings.logs().destinationZone(), t.clientPackets(s),
                t.clientBytes(s), t.serverPackets(s), t.serverBytes(s), t.startNanos(s) / 1_000_000L,
                t.lastSeenNanos(s) / 1_000_000L);
    }

    @Override
    public int clearSessions() {
        synchronized (lock) {
            int n = engine.active();
            engine.closeAll(CloseReason.CLI, now());
            return n;
        }
    }
}
