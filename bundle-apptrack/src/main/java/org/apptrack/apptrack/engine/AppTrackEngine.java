package org.apptrack.apptrack.engine;

import java.nio.ByteBuffer;
import org.apptrack.apptrack.engine.catalog.PortServiceMap;
import org.apptrack.apptrack.engine.classify.ApplicationClassifier;
import org.apptrack.apptrack.engine.classify.ClassificationPool;
import org.apptrack.apptrack.engine.classify.ClassifierContext;
import org.apptrack.apptrack.engine.classify.PortClassifier;
import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.apptrack.engine.session.SessionIdIndex;
import org.apptrack.apptrack.engine.session.SessionSideTable;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.engine.tcp.TcpTracker;

/**
 * The AppTrack session engine: frames in; session created, volume update and closed events out
 * ({@link SessionEventListener}). Single-threaded (one engine per packet thread), no ONOS or
 * syslog types, allocation-free per packet once its session exists. The caller owns the clock:
 * every call takes a nanosecond timestamp (packet time for replays), and the engine's clock never
 * goes backwards.
 *
 * <p>Each part does one job: {@link SessionAging} (idle deadlines, the timer wheel, why a session
 * ages out), {@link SessionPlacement} (whether and how a packet starts a session),
 * {@link TcpCloseRule} and {@link ResponseRule} (the closing packets), {@link FragmentTracker}
 * (later fragments), {@link UpdateSchedule} (volume updates), {@link SessionClassification}
 * (the classifier seam), {@link SessionFamilies} (parent and child sessions). {@link #onFrame}
 * runs them in order; {@link #eventNanos()} is the time of the event being reported.
 */
public final class AppTrackEngine {

    private EngineSettings settings;
    private final SessionEventListener listener;
    private final FrameDecoder decoder = new FrameDecoder();
    private final SessionTable table;
    private final SessionSideTable side;
    private final SessionIdIndex ids;
    private final EngineCounters counters = new EngineCounters();
    private final SessionAging aging;
    private final SessionPlacement placement;
    private final TcpCloseRule tcp;
    private final ResponseRule responses;
    private final FragmentTracker fragments;
    private final UpdateSchedule updates;
    private final SessionClassification classification;
    private final SessionFamilies families;
    private final ExternalCounting external;
    private final SessionAging.Closer closer = this::close;
    private long eventNanos;
    private int lastSession = -1;
    private boolean lastFromClient;

    /** Session flag: a closing response (DNS, echo reply) came fragmented; close after its last fragment. */
    private static final int FLAG_RESPONSE_PENDING = 1;

    /** An engine that tracks every flow under policy 0. */
    public AppTrackEngine(EngineSettings settings, SessionEventListener listener) {
        this(settings, listener, PolicyResolver.TRACK_ALL);
    }

    /** An engine whose applications come from the server port ({@link PortClassifier}). */
    public AppTrackEngine(EngineSettings settings, SessionEventListener listener, PolicyResolver policies) {
        this(settings, listener, policies, new PortClassifier(PortServiceMap.junosDefaults()));
    }

    public AppTrackEngine(EngineSettings settings, SessionEventListener listener, PolicyResolver policies,
                          ApplicationClassifier classifier) {
        if (settings == null || listener == null || policies == null || classifier == null) {
            throw new NullPointerException("settings, listener, policies and classifier are required");
        }
        this.settings = settings;
        this.listener = listener;
        int max = settings.maxSessions();
        this.table = new SessionTable(max);
        this.side = new SessionSideTable(max);
        this.ids = new SessionIdIndex(table);
        this.aging = new SessionAging(settings, table);
        this.external = new ExternalCounting(table, 0L);
        aging.external(external);
        this.placement = new SessionPlacement(table, side, counters, policies);
        this.tcp = new TcpCloseRule(settings, table, aging, new HandshakeTiming(table));
        this.responses = new ResponseRule(settings, table);
        this.fragments = new FragmentTracker(settings, table, counters);
        this.updates = new UpdateSchedule(settings, table);
        this.classification = new SessionClassification(classifier,
                new ClassificationPool(Math.min(settings.classificationSlots(), max),
                        settings.classificationBufferBytes()), table,
                counters);
        this.families = new SessionFamilies(table, side);
        classifier.bind(new ClassifierContext() {
            @Override
            public SessionTable table() {
                return table;
            }

            @Override
            public SessionSideTable side() {
                return side;
            }

            @Override
            public long nowNanos() {
                return eventNanos;
            }

            @Override
            public int tcpSequence() {
                return decoder.tcpSequence();
            }

            @Override
            public boolean linkToParent(int child, int parent) {
                return families.link(child, parent);
            }
        });
    }

    // ------------------------------------------------------------------ packets

    /**
     * Processes one Ethernet frame (between the buffer's position and limit; the buffer is not
     * modified).
     *
     * @param context the session key context (e.g. {@code zoneId << 12 | vlanId})
     * @return true when the frame was counted in a session (or closed one by an ICMP error)
     */
    public boolean onFrame(ByteBuffer frame, int context, long nowNanos) {
        return onFrame(frame, context, -1, nowNanos);
    }

    /**
     * Processes one Ethernet frame that came in on an interface of zone {@code ingressZone} (-1:
     * not known), which the {@link PolicyResolver} uses to place a new session.
     */
    public boolean onFrame(ByteBuffer frame, int callerContext, int ingressZone, long nowNanos) {
        long t = aging.advance(nowNanos, closer);
        lastSession = -1;
        FrameDecoder d = decoder;
        if (!d.decode(frame)) {
            return false;
        }
        eventNanos = t;
        int context = settings.vlanInSessionKey() ? callerContext << 12 | d.outerVlan() : callerContext;
        if (d.isLaterFragment()) {
            return laterFragment(d, context, t);
        }
        if (d.isIcmpError()) {
            return icmpError(d, context, t);
        }
        int s = openSession(d, context, t);
        boolean created = s < 0;
        boolean fromClient;
        if (created) {
            s = placement.create(d, context, ingressZone, t);
            if (s < 0) {
                return false;
            }
            fromClient = placement.createdFromClient();
            table.setDscp(s, d.dscp());
        } else {
            fromClient = table.lastLookupFromClient();
        }
        table.addPacket(s, fromClient, d.l3Length(), t);
        fragments.recordFirst(d, context, s, t);
        CloseReason reason = closingPacket(s, created, fromClient, frame, d, t);
        if (created) {
            sessionStarted(s, t);
        }
        if (classification.packet(s, fromClient, frame, d.payloadOffset(), d.payloadLength()) || created) {
            identificationChecked(s);
        }
        boolean countedOutside = !created && external.any(s);
        if (reason != null && !countedOutside) {
            close(s, reason, t);
            return true;
        }
        lastSession = s;
        lastFromClient = fromClient;
        if (countedOutside && d.protocol() == Protocols.TCP) {
            connectionEndOutside(s);
        }
        if (!created && updates.due(s, t)) {
            volumeUpdate(s);
        }
        if (created || d.protocol() == Protocols.TCP && tcp.deadlineMovedEarlier()) {
            aging.schedule(s);
        }
        return true;
    }

    /**
     * The open session of the packet, or -1: one that is due closes first (the packet starts a
     * new one), as does one whose connection ended when the packet opens a new connection on
     * the same ports.
     */
    private int openSession(FrameDecoder d, int context, long t) {
        int s = table.find(d.srcHigh(), d.srcLow(), d.srcPort(), d.dstHigh(), d.dstLow(), d.dstPort(), d.protocol(),
                context);
        if (s < 0) {
            return -1;
        }
        long deadline = aging.deadline(s);
        if (deadline <= t) {
            close(s, aging.expiryReason(s), deadline);
            eventNanos = t;
            return -1;
        }
        if (d.protocol() == Protocols.TCP && tcp.isReuse(s, d.tcpFlags())) {
            close(s, aging.expiryReason(s), t);
            return -1;
        }
        return s;
    }

    /**
     * A session counted outside ends when the source says so (its final counts come with it):
     * when its packets show the connection ended (both FINs, or a RST), the listener hears it
     * once, and the session's own idle timer stays the safety net.
     */
    private void connectionEndOutside(int s) {
        int state = table.tcpState(s);
        if ((TcpTracker.isClosing(state) || TcpTracker.isTerminated(state)) && external.reportEndingOnce(s)) {
            listener.sessionEnding(table, s, aging.expiryReason(s));
        }
    }

    /** The reason the packet just counted closes its session now, or null. */
    private CloseReason closingPacket(int s, boolean created, boolean fromClient, ByteBuffer frame, FrameDecoder d,
                                      long t) {
        if (d.protocol() == Protocols.TCP) {
            return tcp.onSegment(s, created, fromClient, d.tcpFlags(), t);
        }
        if (!responses.isFinalResponse(s, fromClient, frame, d)) {
            return null;
        }
        if (d.isFirstFragment()) {
            table.setFlags(s, table.flags(s) | FLAG_RESPONSE_PENDING); // close after its last fragment
            return null;
        }
        return CloseReason.RESPONSE_RECEIVED;
    }

    private void sessionStarted(int s, long t) {
        counters.increment(EngineCounter.SESSIONS_CREATED);
        updates.sessionStarted(s, t);
        ids.created(s);
        listener.sessionCreated(table, s);
        classification.sessionCreated(s);
    }

    /**
     * Reports a change of the session's application or nested application, once per change. Only
     * the classifier changes them, when a session starts, while it inspects the session's packets
     * and when it gives up at the close: only those moments are checked.
     */
    private void identificationChecked(int s) {
        int now = side.identification(s);
        if (now != table.announcedIdentification(s)) {
            table.setAnnouncedIdentification(s, now);
            listener.sessionIdentified(table, s);
        }
    }

    private void volumeUpdate(int s) {
        counters.increment(EngineCounter.VOLUME_UPDATES);
        listener.sessionUpdated(table, s);
    }

    /** A later fragment is counted in its first fragment's session; it runs no close rule but its response's. */
    private boolean laterFragment(FrameDecoder d, int context, long t) {
        int s = fragments.sessionOf(d, context, t);
        if (s < 0) {
            return false;
        }
        long deadline = aging.deadline(s);
        if (deadline <= t) {
            close(s, aging.expiryReason(s), deadline);
            eventNanos = t;
            counters.increment(EngineCounter.FRAGMENTS_WITHOUT_SESSION);
            return false;
        }
        boolean fromClient = d.srcLow() == table.clientAddrLo(s) && d.srcHigh() == table.clientAddrHi(s);
        table.addPacket(s, fromClient, d.l3Length(), t);
        counters.increment(EngineCounter.FRAGMENTS_ATTACHED);
        if (!d.moreFragments() && (table.flags(s) & FLAG_RESPONSE_PENDING) != 0) {
            close(s, CloseReason.RESPONSE_RECEIVED, t);
            return true;
        }
        if (updates.due(s, t)) {
            volumeUpdate(s);
        }
        return true;
    }

    /**
     * An ICMP error closes the UDP, ICMP or other session it quotes "ICMP error" (Junos: "ICMP
     * errors for UDP"); it is not counted in it. A TCP connection ends by its own FIN or RST, so
     * an error quoting one (e.g. "fragmentation needed") leaves it open.
     */
    private boolean icmpError(FrameDecoder d, int context, long t) {
        int s = table.find(d.innerSrcHigh(), d.innerSrcLow(), d.innerSrcPort(), d.innerDstHigh(), d.innerDstLow(),
                d.innerDstPort(), d.innerProtocol(), context);
        if (s >= 0) {
            long deadline = aging.deadline(s);
            if (deadline <= t) {
                close(s, aging.expiryReason(s), deadline);
                eventNanos = t;
                s = -1;
            }
        }
        if (s < 0) {
            counters.increment(EngineCounter.ICMP_ERRORS_WITHOUT_SESSION);
            return false;
        }
        if (table.protocol(s) == Protocols.TCP) {
            return false;
        }
        close(s, CloseReason.ICMP_ERROR, t);
        return true;
    }

    private void close(int s, CloseReason reason, long atNanos) {
        eventNanos = atNanos;
        counters.closed(reason);
        classification.sessionClosing(s);
        identificationChecked(s);
        listener.sessionClosed(table, s, reason);
        aging.cancel(s);
        families.sessionClosing(s, atNanos, closer);
        table.remove(s);
    }

    // ------------------------------------------------------------------ counts from elsewhere

    /**
     * The session the last {@link #onFrame} counted its frame in, or -1 (not counted, or the frame
     * closed it); valid until the next call into the engine.
     */
    public int lastSession() {
        return lastSession;
    }

    /** Whether the last frame counted ({@link #lastSession()}) came from its session's client. */
    public boolean lastFromClient() {
        return lastFromClient;
    }

    /**
     * How long past its own idle timeout a session counted outside stays open when the outside
     * source goes silent (e.g. two of its polling intervals): the source normally ends it first.
     */
    public void externalGraceNanos(long graceNanos) {
        external.graceNanos(graceNanos);
    }

    /**
     * From now on the packets of one direction of open session {@code s} (id {@code sessionId})
     * are counted outside the engine (a switch's flow rule), and reported with
     * {@link #externalCounters}. What the engine counted so far stays: the outside counts are
     * added to it, so packets seen before, and those still seen after (a FIN punted to the
     * controller), are each counted once. The session then ends when the source says so
     * ({@link #closeExternal}), or by its idle timer plus {@link #externalGraceNanos the grace}.
     *
     * @return false when the session is no longer open as {@code sessionId}
     */
    public boolean countExternally(int s, int sessionId, boolean fromClient, long nowNanos) {
        long t = aging.advance(nowNanos, closer);
        if (!isOpen(s, sessionId)) {
            return false;
        }
        boolean first = !external.any(s);
        external.mark(s, fromClient);
        if (first) {
            aging.schedule(s); // its deadline moved later by the grace
        }
        eventNanos = t;
        return true;
    }

    /** Whether a direction of session {@code s} is counted outside ({@link #countExternally}). */
    public boolean countedExternally(int s, boolean fromClient) {
        return external.direction(s, fromClient);
    }

    /** Whether any direction of session {@code s} is counted outside. */
    public boolean countedExternally(int s) {
        return external.any(s);
    }

    /**
     * Adds {@code packets} and {@code bytes} that an outside source counted in one direction of
     * session {@code s} since its previous report (a source with absolute totals, like a flow
     * rule's statistics, reports the difference: it alone knows its previous total, and one
     * session may have several sources). Activity keeps the session alive and may make its volume
     * update due, exactly as a packet does; a report of nothing new changes nothing.
     *
     * @return false when the session is no longer open as {@code sessionId}
     */
    public boolean externalCounters(int s, int sessionId, boolean fromClient, long packets, long bytes,
                                    long nowNanos) {
        return fromClient ? externalCounters(s, sessionId, packets, bytes, 0, 0, nowNanos)
                : externalCounters(s, sessionId, 0, 0, packets, bytes, nowNanos);
    }

    /**
     * {@link #externalCounters(int, int, boolean, long, long, long)} for both directions at once,
     * so that a volume update the report makes due carries both.
     */
    public boolean externalCounters(int s, int sessionId, long clientPackets, long clientBytes, long serverPackets,
                                    long serverBytes, long nowNanos) {
        long t = aging.advance(nowNanos, closer);
        if (!isOpen(s, sessionId)) {
            return false;
        }
        if (clientPackets <= 0 && clientBytes <= 0 && serverPackets <= 0 && serverBytes <= 0) {
            return true;
        }
        eventNanos = t;
        table.addCounts(s, true, clientPackets, clientBytes);
        table.addCounts(s, false, serverPackets, serverBytes);
        table.setLastSeenNanos(s, t);
        aging.schedule(s);
        if (updates.due(s, t)) {
            volumeUpdate(s);
        }
        return true;
    }

    /**
     * Closes session {@code s} because its outside source ended it (the switch removed its rule
     * after its idle timeout, or after the connection's end that {@link SessionEventListener#sessionEnding}
     * reported): with {@code reason}, or when null with the reason the session's own packets give
     * ("TCP FIN", "TCP CLIENT RST", "TCP SERVER RST" when they showed the connection's end, else
     * "idle Timeout"). Report the source's final counts first.
     *
     * @return false when the session is no longer open as {@code sessionId}
     */
    public boolean closeExternal(int s, int sessionId, CloseReason reason, long nowNanos) {
        long t = aging.advance(nowNanos, closer);
        if (!isOpen(s, sessionId)) {
            return false;
        }
        close(s, reason != null ? reason : aging.expiryReason(s), t);
        return true;
    }

    /**
     * Drops session {@code s} without a close event: it goes on elsewhere (its device is now
     * handled by another node, which {@link #adopt adopts} it and will log its close).
     *
     * @return false when the session is no longer open as {@code sessionId}
     */
    public boolean release(int s, int sessionId, long nowNanos) {
        aging.advance(nowNanos, closer);
        if (!isOpen(s, sessionId)) {
            return false;
        }
        counters.increment(EngineCounter.SESSIONS_RELEASED);
        classification.sessionClosing(s);
        aging.cancel(s);
        table.remove(s);
        return true;
    }

    /**
     * Takes over a session that another engine created and logged (its device's handling moved
     * here): no create event; the session keeps its id, start time, counts, zone pair (policy),
     * application and TCP state, and is counted outside in the directions given. When a session
     * with its tuple is already open here (a packet of it came first), that one stays and only
     * its counting is switched.
     *
     * @return the session index, or -1 when the table is full
     */
    public int adopt(AdoptedSession a, long nowNanos) {
        long t = aging.advance(nowNanos, closer);
        int s = table.find(a.clientHi, a.clientLo, a.clientPort, a.serverHi, a.serverLo, a.serverPort, a.protocol,
                a.context);
        if (s < 0) {
            s = table.findOrCreate(a.clientHi, a.clientLo, a.clientPort, a.serverHi, a.serverLo, a.serverPort,
                    a.protocol, a.context, t);
            if (s < 0) {
                return -1;
            }
            side.reset(s);
            table.setPolicy(s, a.policy);
            table.restore(s, a.sessionId, a.startNanos, a.clientPackets, a.clientBytes, a.serverPackets,
                    a.serverBytes);
            table.setTcpState(s, a.tcpState);
            table.setDscp(s, a.dscp);
            side.setApplicationId(s, a.application);
            side.setNestedApplicationId(s, a.nestedApplication);
            side.setIdentifiedBy(s, a.application == 0 ? SessionSideTable.IDENTIFIED_NOT_YET
                    : SessionSideTable.IDENTIFIED_BY_PAYLOAD);
            table.setAnnouncedIdentification(s, side.identification(s));
            updates.sessionAdopted(s, a.startNanos, t);
            ids.created(s);
            counters.increment(EngineCounter.SESSIONS_ADOPTED);
        }
        if (a.clientToServerOutside) {
            external.mark(s, true);
        }
        if (a.serverToClientOutside) {
            external.mark(s, false);
        }
        aging.schedule(s);
        return s;
    }

    /** Whether {@code s} is an open session with id {@code sessionId}. */
    public boolean isOpen(int s, int sessionId) {
        return table.isLive(s) && table.sessionId(s) == sessionId;
    }

    // ------------------------------------------------------------------ time and commands

    /** Idle aging when no packets arrive: closes every session whose deadline is {@code <= nowNanos}. */
    public void advanceTime(long nowNanos) {
        aging.advance(nowNanos, closer);
    }

    /**
     * Closes every open session with {@code reason} at {@code nowNanos} (CLI clear, policy delete,
     * shutdown), after aging the sessions already due. Order: the table's iteration order.
     */
    public void closeAll(CloseReason reason, long nowNanos) {
        long t = aging.advance(nowNanos, closer);
        while (table.size() > 0) {
            close(table.sessionAt(table.size() - 1), reason, t);
        }
    }

    /**
     * Closes the given sessions with {@code reason} at {@code nowNanos}, after aging the sessions
     * already due: {@code sessions[i]} if it is still open as session id {@code ids[i]} (one that
     * aged out meanwhile, or closed with its parent, is skipped).
     *
     * @return how many of the given sessions this closed
     */
    public int closeSessions(int[] sessions, int[] ids, int n, CloseReason reason, long nowNanos) {
        long t = aging.advance(nowNanos, closer);
        int closedNow = 0;
        for (int i = 0; i < n; i++) {
            int s = sessions[i];
            if (table.isLive(s) && table.sessionId(s) == ids[i]) {
                close(s, reason, t);
                closedNow++;
            }
        }
        return closedNow;
    }

    /**
     * Applies a new configuration to the sessions already open (after a zone or policy change):
     * {@code mapper} gives each live session its new policy index, or a negative value to close
     * it with reason "policy delete" (its zone was removed or its AppTrack disabled). New
     * sessions are placed by {@code resolver} from now on. The listener sees the closes before
     * any session gets its new index, so a listener that names policies by index must switch to
     * the new configuration only after this call.
     */
    public void reassignPolicies(PolicyResolver resolver, SessionPolicyMapper mapper, long nowNanos) {
        long t = aging.advance(nowNanos, closer);
        placement.policies(resolver);
        // A close may close children too: the position is kept below the shrinking size.
        for (int p = table.size() - 1; p >= 0; p = Math.min(p, table.size()) - 1) {
            int s = table.sessionAt(p);
            int policy = mapper.policyOf(table, s);
            if (policy < 0) {
                close(s, CloseReason.POLICY_DELETE, t);
            } else {
                table.setPolicy(s, policy);
            }
        }
    }

    /**
     * Takes new timeouts, intervals and logging switches without closing sessions, when the
     * table and wheel sizes stay ({@link EngineSettings#sameStructure}); open sessions get their
     * new idle deadline at once, their next volume update at the new interval after the last.
     *
     * @return false (nothing changed) when the new settings need a new engine
     */
    public boolean updateSettings(EngineSettings newSettings, long nowNanos) {
        if (!settings.sameStructure(newSettings)) {
            return false;
        }
        aging.advance(nowNanos, closer);
        settings = newSettings;
        aging.configure(newSettings);
        tcp.configure(newSettings);
        responses.configure(newSettings);
        updates.configure(newSettings);
        for (int p = table.size() - 1; p >= 0; p--) {
            aging.schedule(table.sessionAt(p));
        }
        return true;
    }

    /** Gives an open session its policy index under a new configuration (negative: close it). */
    @FunctionalInterface
    public interface SessionPolicyMapper {
        int policyOf(SessionTable table, int session);
    }

    /** Leaves the product's own traffic out from now on: a packet of it creates no session and is counted. */
    public void ownTraffic(OwnTrafficMatcher matcher) {
        placement.ownTraffic(matcher == null ? OwnTrafficMatcher.NONE : matcher);
    }

    /**
     * End of a replay: every open session closes as if it aged out, at the time it would age out
     * (last packet + timeout), in that order (ties by session index). A session whose FINs were
     * both seen closes "TCP FIN" (its closing timeout), every other one "idle Timeout". Sessions
     * already due at {@code nowNanos} close first as usual.
     */
    public void expireAll(long nowNanos) {
        aging.advance(nowNanos, closer);
        aging.expireAll(closer);
    }

    /** The open session with session id {@code id} (session-id-32), or -1; not for the packet path. */
    public int sessionOfId(int id) {
        return ids.find(id);
    }

    /** The current idle deadline of a live session. */
    public long deadline(int s) {
        return aging.deadline(s);
    }

    /**
     * Links session {@code child} under session {@code parent}, as application identification
     * does when it recognises a session that a parent announced: when the parent closes, for
     * any reason, the child closes with reason "parent closed". See {@link SessionFamilies}.
     *
     * @return false, changing nothing, when the link is not allowed
     */
    public boolean linkToParent(int child, int parent) {
        return families.link(child, parent);
    }

    /** Generations a family may have: a parent, its children, their children, ... */
    public static final int MAX_FAMILY_DEPTH = SessionFamilies.MAX_DEPTH;

    /** The open children of a session (empty when it has none). */
    public int[] childrenOf(int s) {
        return families.childrenOf(s);
    }

    // ------------------------------------------------------------------ accessors

    /** See {@link SessionTable#partitionSessionIds}: this node's range of session ids in a cluster. */
    public void partitionSessionIds(int partition, int bits) {
        table.partitionSessionIds(partition, bits);
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The application classifier (its catalog names the sessions' application ids). */
    public ApplicationClassifier classifier() {
        return classification.classifier();
    }

    /** The classification pool, for its counters. */
    public ClassificationPool classificationPool() {
        return classification.pool();
    }

    /** The session table, for reading session state (do not modify it). */
    public SessionTable table() {
        return table;
    }

    /** The sessions' state beyond the hot path (application, parent), for reading. */
    public SessionSideTable side() {
        return side;
    }

    /** Time of the event being reported to the listener. */
    public long eventNanos() {
        return eventNanos;
    }

    /** The decoder, for its frame and per-cause malformed counters. */
    public FrameDecoder decoder() {
        return decoder;
    }

    public EngineCounters counters() {
        return counters;
    }

    /** Open sessions. */
    public int active() {
        return table.size();
    }
}
