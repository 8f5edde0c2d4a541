package org.apptrack.apptrack.offload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apptrack.apptrack.api.OffloadCounters;
import org.apptrack.apptrack.api.OffloadService;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.config.OffloadSettings;
import org.apptrack.apptrack.engine.AdoptedSession;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.session.SessionSideTable;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.engine.zone.SecurityZones;
import org.apptrack.apptrack.engine.zone.ZonePolicy;
import org.apptrack.apptrack.impl.AppTrackManager;
import org.apptrack.apptrack.impl.AppTrackRuntime;
import org.apptrack.apptrack.impl.AppTrackRuntimeAccess;
import org.apptrack.apptrack.impl.EngineHook;
import org.onlab.packet.Ethernet;
import org.onlab.packet.MacAddress;
import org.onlab.packet.VlanId;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.CoreService;
import org.onosproject.mastership.MastershipEvent;
import org.onosproject.mastership.MastershipListener;
import org.onosproject.mastership.MastershipService;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleEvent;
import org.onosproject.net.flow.FlowRuleListener;
import org.onosproject.net.flow.FlowRuleOperations;
import org.onosproject.net.flow.FlowRuleOperationsContext;
import org.onosproject.net.flow.FlowRuleService;
import org.onosproject.net.packet.PacketContext;
import org.onosproject.store.service.ConsistentMap;
import org.onosproject.store.service.Serializer;
import org.onosproject.store.service.StorageService;
import org.onosproject.store.service.Versioned;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offload mode inside ONOS: complete counts from the switches. Once a session punted by a device
 * in offload mode is classified (its application final, or {@code offload.afterPackets} packets
 * seen), each direction gets a flow rule on that device (exact 5-tuple and in_port, the treatment
 * of the highest-priority rule already matching it, i.e. as the forwarding decided, idle timeout
 * = the session's), or, where the forwarding's own rule is already an exact 5-tuple, that rule's
 * counters are used. Every poll interval the rules' statistics become the session's counts
 * ({@link AppTrackEngine#externalCounters}); a removed rule's final counts close the session
 * ("idle Timeout"), and per device higher-priority rules punt TCP FIN/RST so that the packets
 * show a connection's end ("TCP FIN", "TCP ... RST"), after which the session's rules are
 * removed and their final counts close it.
 *
 * <p>Cluster: a node offloads only on devices it masters. What another node needs to go on with
 * a session is kept in a cluster-wide map by flow rule id ({@link OffloadedSessionRecord}); when
 * a device's mastership comes here its sessions are adopted from its flow table without a new
 * create message, and the node that loses it drops them without a close message.
 *
 * <p>Threads: the hook runs in the engine's turn on the packet thread and only hands work to one
 * worker thread with a bounded queue; everything else (the bookkeeping, ONOS calls) is the
 * worker's. Only inside ONOS: it needs the flow rule, mastership and storage services, which the
 * standalone distribution does not have, so there it stays idle (and says so: {@link #available}).
 * Its counters are {@link LongAdder}s, bumped only per offloaded direction, rule, poll or event.
 */
@Component(immediate = true, service = OffloadService.class)
public class OffloadManager implements OffloadService {

    static final String MAP_NAME = "apptrack-offloaded-sessions";
    private static final Logger log = LoggerFactory.getLogger(OffloadManager.class);
    /** Work waiting for the worker (offload requests, rule removals, session ends): a burst's worth. */
    private static final int WORK_QUEUE = 65_536;
    /** Looks for the forwarding's rule before a direction is left in packet-in mode. */
    private static final int MAX_ATTEMPTS = 3;
    private static final long NANOS = 1_000_000_000L;

    /** Kryo through ONOS's own namespace: the record holds only strings and primitives, its key a Long. */
    static final Serializer SERIALIZER = Serializer.forTypes(OffloadedSessionRecord.class);

    // Optional (greedy: bound as soon as they exist), so that the bundle still resolves and runs
    // in packet-in mode where there is no ONOS core: the standalone distribution.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    protected FlowRuleService flowRuleService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    protected MastershipService mastershipService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    protected StorageService storageService;

    @Reference
    protected CoreService coreService;

    @Reference
    protected AppTrackRuntimeAccess apptrack;

    private ApplicationId appId;
    private AppTrackRuntime runtime;
    private ConsistentMap<Long, OffloadedSessionRecord> records;
    private Executor worker;
    private ThreadPoolExecutor ownWorker;
    private ScheduledExecutorService ticker;

    // The worker's state.
    private final OffloadedFlows flows = new OffloadedFlows(1024);
    private final List<DeviceId> devices = new ArrayList<>();
    private final Map<DeviceId, Integer> deviceIndex = new HashMap<>();
    private final Set<DeviceId> puntRulesOn = new HashSet<>();
    private final Set<DeviceId> foreignRulesOn = new HashSet<>();
    private List<Request> retries = new ArrayList<>();
    private AppTrackEngine knownEngine;

    private final LongAdder requested = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder installed = new LongAdder();
    private final LongAdder forwardingRulesUsed = new LongAdder();
    private final LongAdder removed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder givenUp = new LongAdder();
    private final LongAdder endPunts = new LongAdder();
    private final LongAdder polls = new LongAdder();
    private final LongAdder pollFailures = new LongAdder();
    private final LongAdder adopted = new LongAdder();
    private final LongAdder released = new LongAdder();
    // The worker's bookkeeping as of its last task, for readers on other threads.
    private volatile int trackedRulesNow;
    private volatile int offloadedSessionsNow;

    private final EngineHook hook = new Hook();
    private final FlowRuleListener flowListener = this::flowEvent;
    private final MastershipListener mastershipListener = this::mastershipEvent;

    /** One offload of a session direction: what the worker needs. */
    private static final class Request {
        final PacketFields fields;
        final int session;
        final int sessionId;
        final boolean fromClient;
        int attempts;

        Request(PacketFields fields, int session, int sessionId, boolean fromClient) {
            this.fields = fields;
            this.session = session;
            this.sessionId = sessionId;
            this.fromClient = fromClient;
        }
    }

    @Activate
    protected void activate() {
        if (flowRuleService == null || mastershipService == null || storageService == null) {
            log.info("AppTrack offload mode unavailable without ONOS's flow rule, mastership and storage services:"
                    + " packet-in mode only");
            return;
        }
        ownWorker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WORK_QUEUE),
                r -> daemon(r, "apptrack-offload"), (r, executor) -> {
                    throw new RejectedExecutionException("offload work queue full");
                });
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "apptrack-offload-poll"));
        start(ownWorker);
        schedulePolls();
        log.info("AppTrack offload ready: {}", runtime.settings().offload());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Wires everything but the timers, with {@code executor} as the worker (tests drive it by hand). */
    void start(Executor executor) {
        appId = coreService.registerApplication(AppTrackManager.APP_NAME);
        runtime = apptrack.runtime();
        records = storageService.<Long, OffloadedSessionRecord>consistentMapBuilder().withName(MAP_NAME)
                .withSerializer(SERIALIZER).withApplicationId(appId).build();
        worker = executor;
        flowRuleService.addListener(flowListener);
        mastershipService.addListener(mastershipListener);
        runtime.engineHook(hook);
    }

    /** Polls at the configured interval (read again after each poll, so a new interval applies). */
    private void schedulePolls() {
        int seconds = runtime.settings().offload().pollIntervalSeconds();
        ticker.schedule(() -> {
            submit(this::poll);
            schedulePolls();
        }, seconds, TimeUnit.SECONDS);
    }

    @Deactivate
    protected void deactivate() {
        if (runtime == null) {
            return; // never started (no ONOS core)
        }
        // The rules stay: on a node that shuts down, the new master takes their sessions over;
        // when the application is deactivated, ONOS removes its rules.
        runtime.engineHook(null);
        flowRuleService.removeListener(flowListener);
        mastershipService.removeListener(mastershipListener);
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (ownWorker != null) {
            ownWorker.shutdownNow();
        }
        log.info("AppTrack offload stopped: {} rule(s) installed, {} forwarding rule(s) used, {} session(s) taken"
                + " over, {} handed over", installed.sum(), forwardingRulesUsed.sum(), adopted.sum(), released.sum());
    }

    private void submit(Runnable work) {
        try {
            worker.execute(() -> {
                work.run();
                publish();
            });
        } catch (RejectedExecutionException e) {
            dropped.increment(); // a direction left in packet-in mode, or a poll skipped
        }
    }

    /** The worker's bookkeeping, for {@link #counters} on other threads. */
    private void publish() {
        trackedRulesNow = flows.size();
        offloadedSessionsNow = flows.sessions();
    }

    // ------------------------------------------------------------------ the engine's turn

    private final class Hook implements EngineHook {
        @Override
        public void packetCounted(AppTrackEngine engine, PacketContext context, long nowNanos) {
            int s = engine.lastSession();
            boolean fromClient = engine.lastFromClient();
            if (engine.countedExternally(s, fromClient)) {
                return; // a packet the rule did not take (a punted FIN, one in flight before it): counted as a packet
            }
            AppTrackSettings settings = runtime.settings();
            OffloadSettings offload = settings.offload();
            if (!offload.enabled()) {
                return;
            }
            ConnectPoint cp = context.inPacket().receivedFrom();
            if (cp == null) {
                return;
            }
            SessionTable t = engine.table();
            if (!offload.device(cp.deviceId().toString()) && !zoneOffloaded(offload, settings.zones(), t.policy(s))) {
                return;
            }
            if (!classified(engine, s, offload) || !mastershipService.isLocalMaster(cp.deviceId())) {
                return;
            }
            int id = t.sessionId(s);
            PacketFields fields = fields(engine, s, fromClient, cp, context);
            // Marked now, so that its next packets go straight on; the packets keep being counted
            // until the rule counts them, and a direction whose rule never comes stays correct.
            engine.countExternally(s, id, fromClient, nowNanos);
            requested.increment();
            Request r = new Request(fields, s, id, fromClient);
            submit(() -> install(r));
        }

        @Override
        public void sessionEnding(AppTrackEngine engine, int session, int sessionId, CloseReason reason) {
            endPunts.increment();
            submit(() -> endSession(session, sessionId));
        }

        @Override
        public void sessionClosed(AppTrackEngine engine, int session, int sessionId, CloseReason reason) {
            submit(() -> sessionGone(session, sessionId));
        }
    }

    private static boolean zoneOffloaded(OffloadSettings offload, SecurityZones zones, int policy) {
        ZonePolicy p = zones.policy(policy);
        return offload.zone(p.sourceZone().id()) || offload.zone(p.destinationZone().id());
    }

    /** Its application is final (inspection over, and something named it), or it showed enough packets. */
    private static boolean classified(AppTrackEngine engine, int s, OffloadSettings offload) {
        SessionTable t = engine.table();
        if (t.clientPackets(s) + t.serverPackets(s) >= offload.afterPackets()) {
            return true;
        }
        return t.classificationSlot(s) < 0
                && engine.side().identifiedBy(s) != SessionSideTable.IDENTIFIED_NOT_YET;
    }

    /** The direction's header fields: the tuple from the session, MACs from the frame, VLAN from the decoder. */
    private static PacketFields fields(AppTrackEngine engine, int s, boolean fromClient, ConnectPoint cp,
                                       PacketContext context) {
        SessionTable t = engine.table();
        java.nio.ByteBuffer frame = context.inPacket().unparsed();
        byte[] dst = new byte[6];
        byte[] src = new byte[6];
        int p = frame.position();
        for (int i = 0; i < 6; i++) {
            dst[i] = frame.get(p + i);
            src[i] = frame.get(p + 6 + i);
        }
        int vlan = engine.decoder().outerVlan();
        var client = SessionRules.address(t.clientAddrHi(s), t.clientAddrLo(s));
        var server = SessionRules.address(t.serverAddrHi(s), t.serverAddrLo(s));
        short ethType = client.isIp4() ? Ethernet.TYPE_IPV4 : Ethernet.TYPE_IPV6;
        return fromClient
                ? new PacketFields(cp.deviceId(), cp.port(), MacAddress.valueOf(src), MacAddress.valueOf(dst),
                        vlan == 0 ? VlanId.NONE : VlanId.vlanId((short) vlan), ethType, client, server, t.protocol(s),
                        t.clientPort(s), t.serverPort(s))
                : new PacketFields(cp.deviceId(), cp.port(), MacAddress.valueOf(src), MacAddress.valueOf(dst),
                        vlan == 0 ? VlanId.NONE : VlanId.vlanId((short) vlan), ethType, server, client, t.protocol(s),
                        t.serverPort(s), t.clientPort(s));
    }

    // ------------------------------------------------------------------ the worker

    /** Installs a direction's rule, or takes the forwarding's exact rule; retried at the next poll when no rule forwards it yet. */
    private void install(Request r) {
        PacketFields f = r.fields;
        if (!mastershipService.isLocalMaster(f.device)) {
            return;
        }
        OffloadSettings offload = runtime.settings().offload();
        FlowEntry best = null;
        for (FlowEntry e : flowRuleService.getFlowEntries(f.device)) {
            if (!offloadRule(e, offload) && e.state() == FlowEntry.FlowEntryState.ADDED
                    && (best == null || e.priority() > best.priority()) && RuleMatcher.matches(e.selector(), f)) {
                best = e;
            }
        }
        if (best == null || !RuleMatcher.forwards(best.treatment())) {
            // The forwarding has not decided yet (its rule is on its way) or only punts.
            if (++r.attempts < MAX_ATTEMPTS) {
                retries.add(r);
            } else {
                givenUp.increment();
            }
            return;
        }
        boolean useForwarding = best.appId() != appId.id() && RuleMatcher.isExactFiveTuple(best.selector(), f);
        FlowRule rule = useForwarding ? best : SessionRules.sessionRule(appId, f, best.treatment(),
                offload.priority(), idleSeconds(f.protocol));
        OffloadedSessionRecord record = runtime.inTurn((engine, now) -> {
            engineCheck(engine);
            return engine.isOpen(r.session, r.sessionId) ? record(engine, r, rule, !useForwarding) : null;
        });
        if (record == null) {
            return; // closed meanwhile
        }
        long id = rule.id().value();
        records.put(id, record);
        flows.track(id, deviceIndex(f.device), r.session, r.sessionId, r.fromClient, !useForwarding);
        if (useForwarding) {
            foreignRulesOn.add(f.device);
            forwardingRulesUsed.increment();
        } else {
            flowRuleService.apply(FlowRuleOperations.builder().add(rule).build(new FlowRuleOperationsContext() {
                @Override
                public void onError(FlowRuleOperations ops) {
                    failed.increment();
                    submit(() -> ruleFailed(id));
                }
            }));
            installed.increment();
        }
        if (puntRulesOn.add(f.device)) {
            flowRuleService.applyFlowRules(SessionRules.endPuntRules(appId, f.device, offload.priority() + 1)
                    .toArray(new FlowRule[0]));
        }
    }

    /**
     * Offload mode's own rules (same application, its two priorities): never a forwarding
     * decision. AppQoE's steering rules share the application id but not the priority, and are
     * one (the session then keeps the path AppQoE chose).
     */
    private boolean offloadRule(FlowEntry e, OffloadSettings offload) {
        return e.appId() == appId.id() && (e.priority() == offload.priority() || e.priority() == offload.priority() + 1);
    }

    private int idleSeconds(int protocol) {
        var engine = runtime.settings().engine();
        long nanos = protocol == 6 ? engine.tcpTimeoutNanos() : engine.timeoutNanos(protocol);
        return (int) Math.min(SessionRules.MAX_IDLE_SECONDS, Math.max(1, nanos / NANOS));
    }

    private OffloadedSessionRecord record(AppTrackEngine engine, Request r, FlowRule rule, boolean ours) {
        SessionTable t = engine.table();
        int s = r.session;
        ZonePolicy policy = runtime.settings().zones().policy(t.policy(s));
        long[] tuple = {t.clientAddrHi(s), t.clientAddrLo(s), t.clientPort(s), t.serverAddrHi(s), t.serverAddrLo(s),
            t.serverPort(s), t.protocol(s)};
        long[] counts = {t.clientPackets(s), t.clientBytes(s), t.serverPackets(s), t.serverBytes(s)};
        return new OffloadedSessionRecord(r.fields.device.toString(), r.fields.inPort.toLong(), rule.priority(),
                r.fromClient, ours, r.sessionId, t.startNanos(s), tuple, t.context(s), policy.sourceZone().name(),
                policy.destinationZone().name(), runtime.applicationName(engine.side().applicationId(s)),
                runtime.applicationName(engine.side().nestedApplicationId(s)), t.tcpState(s), t.dscp(s), counts);
    }

    /** A new session limit rebuilt the engine: its sessions closed, the indices here mean nothing. */
    private void engineCheck(AppTrackEngine engine) {
        if (engine != knownEngine) {
            if (knownEngine != null) {
                flows.clear();
            }
            knownEngine = engine;
        }
    }

    private int deviceIndex(DeviceId device) {
        Integer i = deviceIndex.get(device);
        if (i == null) {
            i = devices.size();
            devices.add(device);
            deviceIndex.put(device, i);
        }
        return i;
    }

    /** The switch or ONOS refused our rule: its direction stays counted by packets, nothing waits for its removal. */
    private void ruleFailed(long id) {
        int slot = flows.slotOf(id);
        if (slot >= 0) {
            flows.forget(slot);
            records.remove(id);
        }
    }

    /** Reads the statistics of every offloaded rule into the sessions, in one engine turn. */
    void poll() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            // ONOS's stores can fail (a cluster partition): the next poll reads the totals again.
            pollFailures.increment();
            log.warn("AppTrack offload: reading the rules' statistics failed: {}", e.toString());
        }
        publish();
    }

    private void pollOnce() {
        List<Request> again = retries;
        retries = new ArrayList<>();
        for (Request r : again) {
            install(r);
        }
        if (flows.size() == 0) {
            return;
        }
        for (FlowEntry e : flowRuleService.getFlowEntriesById(appId)) {
            flows.observe(e.id().value(), e.packets(), e.bytes());
        }
        for (DeviceId d : foreignRulesOn) {
            for (FlowEntry e : flowRuleService.getFlowEntries(d)) {
                if (e.appId() != appId.id()) {
                    flows.observe(e.id().value(), e.packets(), e.bytes());
                }
            }
        }
        runtime.inTurn((engine, now) -> {
            engineCheck(engine);
            return flows.applyTo(engine, now);
        });
        polls.increment();
    }

    private void flowEvent(FlowRuleEvent event) {
        if (event.type() == FlowRuleEvent.Type.RULE_REMOVED) {
            FlowRule rule = event.subject();
            submit(() -> ruleRemoved(rule));
        }
    }

    /** A rule is gone (idle timeout, or removed at the connection's end): its final counts; the last one closes. */
    private void ruleRemoved(FlowRule rule) {
        long id = rule.id().value();
        int slot = flows.slotOf(id);
        if (slot < 0) {
            return;
        }
        removed.increment();
        if (rule instanceof FlowEntry) {
            flows.observe(id, ((FlowEntry) rule).packets(), ((FlowEntry) rule).bytes());
        }
        int s = flows.session(slot);
        int sid = flows.sessionId(slot);
        boolean last = flows.partner(slot) < 0;
        runtime.inTurn((engine, now) -> {
            engineCheck(engine);
            flows.applyTo(engine, now);
            return null;
        });
        flows.forget(slot);
        records.remove(id);
        if (last) {
            runtime.inTurn((engine, now) -> engine.closeExternal(s, sid, null, now));
        }
    }

    /** The packets showed the connection's end: its rules go, and their removal closes it with their final counts. */
    private void endSession(int s, int sid) {
        int slot = flows.slotOfSession(s, sid);
        if (slot < 0) {
            runtime.inTurn((engine, now) -> engine.closeExternal(s, sid, null, now)); // no rule ever counted it
            return;
        }
        int partner = flows.partner(slot);
        boolean waitForRemoval = false;
        for (int sl : new int[] {slot, partner}) {
            if (sl < 0) {
                continue;
            }
            if (flows.ours(sl)) {
                Versioned<OffloadedSessionRecord> v = records.get(flows.flowId(sl));
                if (v != null) {
                    flowRuleService.removeFlowRules(rebuild(v.value()));
                    waitForRemoval = true;
                    continue;
                }
            }
            records.remove(flows.flowId(sl)); // the forwarding's rule stays: its last poll is final
            flows.forget(sl);
        }
        if (!waitForRemoval) {
            runtime.inTurn((engine, now) -> engine.closeExternal(s, sid, null, now));
        }
    }

    /**
     * The session closed without its source (CLI clear, policy change, the engine's safety timer,
     * or after its last rule's removal): its remaining rules and records go.
     */
    private void sessionGone(int s, int sid) {
        for (int slot = flows.slotOfSession(s, sid); slot >= 0; slot = flows.slotOfSession(s, sid)) {
            long id = flows.flowId(slot);
            Versioned<OffloadedSessionRecord> v = records.remove(id);
            if (flows.ours(slot) && v != null) {
                flowRuleService.removeFlowRules(rebuild(v.value()));
            }
            flows.forget(slot);
        }
    }

    /** Our rule for a record, as ONOS identifies it (device, selector, priority; the treatment is not part of its id). */
    private FlowRule rebuild(OffloadedSessionRecord r) {
        var client = SessionRules.address(r.clientHi(), r.clientLo());
        var server = SessionRules.address(r.serverHi(), r.serverLo());
        short ethType = client.isIp4() ? Ethernet.TYPE_IPV4 : Ethernet.TYPE_IPV6;
        PacketFields f = r.clientToServer()
                ? new PacketFields(DeviceId.deviceId(r.device()), PortNumber.portNumber(r.inPort()), null, null, null,
                        ethType, client, server, r.protocol(), r.clientPort(), r.serverPort())
                : new PacketFields(DeviceId.deviceId(r.device()), PortNumber.portNumber(r.inPort()), null, null, null,
                        ethType, server, client, r.protocol(), r.serverPort(), r.clientPort());
        return SessionRules.sessionRule(appId, f, DefaultTrafficTreatment.emptyTreatment(), r.priority(),
                idleSeconds(r.protocol()));
    }

    // ------------------------------------------------------------------ mastership

    private void mastershipEvent(MastershipEvent event) {
        if (event.type() == MastershipEvent.Type.MASTER_CHANGED) {
            DeviceId device = event.subject();
            submit(() -> mastershipChanged(device));
        }
    }

    private void mastershipChanged(DeviceId device) {
        if (mastershipService.isLocalMaster(device)) {
            takeOver(device);
        } else {
            handOver(device);
        }
    }

    /**
     * This node now masters {@code device}: the offloaded sessions whose rules are in its flow
     * table go on here, with the identity and counts their records hold, and no create message.
     */
    private void takeOver(DeviceId device) {
        Set<Long> onDevice = new HashSet<>();
        for (FlowEntry e : flowRuleService.getFlowEntries(device)) {
            onDevice.add(e.id().value());
        }
        Map<Long, List<Map.Entry<Long, OffloadedSessionRecord>>> bySession = new LinkedHashMap<>();
        String name = device.toString();
        for (Map.Entry<Long, Versioned<OffloadedSessionRecord>> e : records.entrySet()) {
            OffloadedSessionRecord r = e.getValue().value();
            if (name.equals(r.device()) && onDevice.contains(e.getKey()) && flows.slotOf(e.getKey()) < 0) {
                long key = (long) r.sessionId() << 32 ^ r.startNanos();
                bySession.computeIfAbsent(key, k -> new ArrayList<>()).add(Map.entry(e.getKey(), r));
            }
        }
        if (bySession.isEmpty()) {
            return;
        }
        int dev = deviceIndex(device);
        int taken = runtime.inTurn((engine, now) -> {
            engineCheck(engine);
            SecurityZones zones = runtime.settings().zones();
            int n = 0;
            for (List<Map.Entry<Long, OffloadedSessionRecord>> rules : bySession.values()) {
                OffloadedSessionRecord r = rules.get(0).getValue();
                int policy = zones.reresolve(r.sourceZone(), r.destinationZone(), r.clientHi(), r.clientLo(),
                        r.serverHi(), r.serverLo());
                if (policy < 0) {
                    continue; // its zones are no longer tracked here
                }
                boolean c2s = false;
                boolean s2c = false;
                long[] counts = new long[4];
                for (Map.Entry<Long, OffloadedSessionRecord> e : rules) {
                    OffloadedSessionRecord x = e.getValue();
                    c2s |= x.clientToServer();
                    s2c |= !x.clientToServer();
                    counts[0] = Math.max(counts[0], x.clientPackets());
                    counts[1] = Math.max(counts[1], x.clientBytes());
                    counts[2] = Math.max(counts[2], x.serverPackets());
                    counts[3] = Math.max(counts[3], x.serverBytes());
                }
                AdoptedSession a = new AdoptedSession()
                        .tuple(r.clientHi(), r.clientLo(), r.clientPort(), r.serverHi(), r.serverLo(), r.serverPort(),
                                r.protocol(), r.context())
                        .identity(r.sessionId(), r.startNanos()).counts(counts[0], counts[1], counts[2], counts[3])
                        .state(policy, runtime.applicationId(r.application()),
                                runtime.applicationId(r.nestedApplication()), r.tcpState(), r.dscp())
                        .countedOutside(c2s, s2c);
                int s = engine.adopt(a, now);
                if (s < 0) {
                    continue; // table full
                }
                int sid = engine.table().sessionId(s);
                for (Map.Entry<Long, OffloadedSessionRecord> e : rules) {
                    flows.track(e.getKey(), dev, s, sid, e.getValue().clientToServer(), e.getValue().ours());
                    if (!e.getValue().ours()) {
                        foreignRulesOn.add(device);
                    }
                }
                n++;
            }
            return n;
        });
        puntRulesOn.add(device); // the previous master installed them
        adopted.add(taken);
        log.info("AppTrack offload: {} session(s) of {} taken over", taken, device);
    }

    /** Another node masters {@code device} now: its sessions go on there; they leave here without a close. */
    private void handOver(DeviceId device) {
        Integer dev = deviceIndex.get(device);
        if (dev == null) {
            return;
        }
        List<int[]> sessions = new ArrayList<>();
        for (int slot = 0; slot < flows.highWater(); slot++) {
            if (flows.isLive(slot) && flows.device(slot) == dev) {
                sessions.add(new int[] {flows.session(slot), flows.sessionId(slot)});
                flows.forget(slot);
            }
        }
        int n = runtime.inTurn((engine, now) -> {
            int count = 0;
            for (int[] x : sessions) {
                if (engine.release(x[0], x[1], now)) {
                    count++;
                }
            }
            return count;
        });
        puntRulesOn.remove(device);
        foreignRulesOn.remove(device);
        released.add(n);
        log.info("AppTrack offload: {} session(s) of {} handed over to its new master", n, device);
    }

    // ------------------------------------------------------------------ OffloadService

    @Override
    public boolean available() {
        return runtime != null;
    }

    /** What is configured, also where offload cannot run (to show that it would not). */
    private OffloadSettings settings() {
        AppTrackRuntime r = runtime != null ? runtime : apptrack != null ? apptrack.runtime() : null;
        return r == null ? OffloadSettings.none() : r.settings().offload();
    }

    @Override
    public Set<String> devices() {
        return settings().devices();
    }

    @Override
    public Set<String> zones() {
        return settings().zoneNames();
    }

    @Override
    public int pollIntervalSeconds() {
        return settings().pollIntervalSeconds();
    }

    @Override
    public OffloadCounters counters() {
        return OffloadCounters.builder().offloadedSessions(offloadedSessionsNow).trackedRules(trackedRulesNow)
                .requests(requested.sum()).rulesInstalled(installed.sum())
                .forwardingRulesUsed(forwardingRulesUsed.sum()).rulesRemoved(removed.sum())
                .rulesFailed(failed.sum()).noForwardingDecision(givenUp.sum()).endPunts(endPunts.sum())
                .polls(polls.sum()).pollFailures(pollFailures.sum()).sessionsAdopted(adopted.sum())
                .sessionsHandedOver(released.sum()).workDropped(dropped.sum()).build();
    }

    // ------------------------------------------------------------------ counters (tests)

    long installedRules() {
        return installed.sum();
    }

    long forwardingRulesUsed() {
        return forwardingRulesUsed.sum();
    }

    long adoptedSessions() {
        return adopted.sum();
    }

    long releasedSessions() {
        return released.sum();
    }

    long requests() {
        return requested.sum();
    }

    int trackedRules() {
        return flows.size();
    }
}
