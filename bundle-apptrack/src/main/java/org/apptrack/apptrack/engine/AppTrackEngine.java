package org.apptrack.apptrack.engine;

import java.nio.ByteBuffer;
import org.apptrack.apptrack.engine.catalog.PortServiceMap;
import org.apptrack.apptrack.engine.classify.ApplicationClassifier;
import org.apptrack.apptrack.engine.classify.PortClassifier;
import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.engine.tcp.TcpTracker;
import org.apptrack.apptrack.engine.timing.TimerWheel;

/**
 * The AppTrack session engine: frames in, session created / volume update / closed events out.
 * Single-threaded (one engine per packet thread), no ONOS or syslog types, allocation-free per
 * packet once its session exists. The caller owns the clock: every call takes a nanosecond
 * timestamp (packet time for replays); a timestamp older than one already seen is taken as the
 * newest one seen (time never goes backwards).
 *
 * <h2>Per frame ({@link #onFrame})</h2>
 * <ol>
 * <li>Timer wheel advanced to the frame's time: sessions whose idle deadline passed close first
 * (so a packet after the deadline starts a NEW session). The packet's own session is checked
 * exactly; other sessions close at most one {@link EngineSettings#tickNanos() tick} late, but
 * always with their exact deadline as event time.</li>
 * <li>Decode; not-IP/malformed frames are counted by the decoder and ignored.</li>
 * <li>Session lookup or creation in the {@link SessionTable} (key context = the caller's
 * {@code context}, and the outer VLAN id with {@link EngineSettings#vlanInSessionKey()}), client by
 * {@link #senderIsClient}. A TCP SYN without ACK on a session whose connection ended (or is closing)
 * ends that session and starts a new one. Not created: a TCP RST without a session (as an SRX
 * does not create a session from a RST), an ICMP error (it is matched to the session it quotes),
 * a later fragment (attached to the session of its first fragment, see below), a refusal when the
 * table is full ({@link #refused()}), the product's own traffic ({@link #ownTrafficFrames()}).</li>
 * <li>Counting: per-direction packets and layer-3 bytes ({@link FrameDecoder#l3Length()}).</li>
 * <li>Close logic: TCP by {@link TcpTracker}; an ICMP/ICMPv6 echo reply from the server closes
 * "response received" (doc: "Response received for a packet request (such as icmp req-reply)");
 * a DNS response (UDP from server port 53 to the client, QR bit set) closes "response received"
 * once the server has sent as many packets as the client (every query answered); an ICMP error
 * whose quoted tuple is a UDP, ICMP or other non-TCP session's closes THAT session "ICMP error"
 * (Junos: "ICMP errors for UDP"; the error packet itself is not counted in it).</li>
 * <li>Events: {@code sessionCreated} for a new session; else, if the session does not close and
 * volume updates are on, {@code sessionUpdated} when the time since the session start (first
 * update) or since the last update is greater than the interval (doc: "whenever a packet is
 * received, AppTrack checks whether the time since the start of the session or since the last
 * update is greater than the update interval"; strictly greater). A session that ends within
 * the interval thus only gets its close. The first update is due after first-update-interval if
 * configured, else after session-update-interval. Deprecated {@code first-update} (wins over
 * first-update-interval, doc: "If you specify both, the first-update-interval value is
 * ignored"): an update right when the session is created ("The first log message is to be
 * generated when the session starts, and update messages should be sent every 4 minutes after
 * that"), then one every session-update-interval.</li>
 * </ol>
 *
 * <h2>Aging</h2>
 * Idle deadline = last packet + timeout: UDP, ICMP, other protocols by protocol; TCP: the initial
 * timeout until the handshake completes, the closing timeout once both FINs were seen, the linger
 * once the connection ended (RST, or the last ACK of the FIN exchange), else the TCP timeout. The
 * close reason is then the connection's end (first RST, else FIN), else "idle Timeout".
 *
 * <h2>Fragments</h2>
 * A first fragment (offset 0, more fragments) is recorded (src, dst, protocol, fragment id,
 * context) -> session; a later fragment is counted in that session (direction by its source
 * address) if the record is still there (fixed-size direct-mapped map, fragment timeout);
 * otherwise it is dropped and counted by {@link #fragmentsWithoutSession()}. Later fragments run
 * no close logic.
 *
 * <p>The listener is called synchronously; {@link #eventNanos()} is the time of the event being
 * reported (packet time; for an aged-out session its deadline).
 */
public final class AppTrackEngine {

    private static final int IPPROTO_ICMP = 1;
    private static final int IPPROTO_TCP = 6;
    private static final int IPPROTO_UDP = 17;
    private static final int IPPROTO_ICMPV6 = 58;

    private EngineSettings settings;
    private final SessionEventListener listener;
    private PolicyResolver policies;
    /** The product's own traffic: no session for it (see {@link #ownTraffic(OwnTrafficMatcher)}). */
    private OwnTrafficMatcher ownTraffic = OwnTrafficMatcher.NONE;
    private final ApplicationClassifier classifier;
    private final FrameDecoder decoder = new FrameDecoder();
    private final SessionTable table;
    private final TimerWheel wheel;
    /** Session flag: a closing response (DNS, echo reply) came fragmented; close after its last fragment. */
    static final int FLAG_RESPONSE_PENDING = 1;
    /** Session flag: the classifier still inspects the session's packets. */
    static final int FLAG_CLASSIFYING = 2;

    private final FragmentMap fragments;
    private final SessionFamilies families = new SessionFamilies();
    private final int[] dueIds;
    private final long[] dueDeadlines;
    private final TimerWheel.Deadlines deadlineFn = this::deadline;

    private long now = Long.MIN_VALUE;
    private long eventNanos;

    private long sessionsCreated;
    private final long[] closed = new long[CloseReason.count()];
    private long volumeUpdates;
    private long fragmentsAttached;
    private long fragmentsWithoutSession;
    private long icmpErrorsWithoutSession;
    private long tcpRstWithoutSession;
    private long framesWithoutZone;
    private long framesNotTracked;
    private long ownTrafficFrames;

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
        this.policies = policies;
        this.classifier = classifier;
        int max = settings.maxSessions();
        this.table = new SessionTable(max);
        this.wheel = new TimerWheel(max, settings.wheelSize(), settings.tickNanos());
        this.fragments = new FragmentMap(settings.fragmentSlots(), settings.fragmentTimeoutNanos());
        this.dueIds = new int[max];
        this.dueDeadlines = new long[max];
        classifier.bind(this::linkToParent);
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
        long t = advance(nowNanos);
        FrameDecoder d = decoder;
        if (!d.decode(frame)) {
            return false;
        }
        int context = settings.vlanInSessionKey() ? callerContext << 12 | d.outerVlan() : callerContext;
        eventNanos = t;
        int proto = d.protocol();
        if (d.isLaterFragment()) {
            return laterFragment(d, context, t);
        }
        if (d.isIcmpError()) {
            return icmpError(d, context, t);
        }
        SessionTable tb = table;
        int s = tb.find(d.srcHigh(), d.srcLow(), d.srcPort(), d.dstHigh(), d.dstLow(), d.dstPort(), proto, context);
        boolean fromClient = true;
        if (s >= 0) {
            fromClient = tb.lastLookupFromClient();
            long dl = deadline(s);
            if (dl <= t) {
                close(s, expiryReason(s), dl);
                eventNanos = t;
                s = -1;
            } else if (proto == IPPROTO_TCP && TcpTracker.isReuse(tb.tcpState(s), d.tcpFlags())) {
                close(s, expiryReason(s), t); // a new connection on the same ports ends the old one
                s = -1;
            }
        }
        boolean created = false;
        if (s < 0) {
            if (proto == IPPROTO_TCP && (d.tcpFlags() & TcpTracker.FLAG_RST) != 0) {
                tcpRstWithoutSession++;
                return false;
            }
            if (ownTraffic.matches(proto, d.srcHigh(), d.srcLow(), d.srcPort(), d.dstHigh(), d.dstLow(),
                    d.dstPort())) {
                ownTrafficFrames++;
                return false;
            }
            fromClient = senderIsClient(d, proto);
            // Zones go by client and server; the ingress interface names the client's zone only
            // when the client sent this packet.
            int policy = fromClient
                    ? policies.resolve(ingressZone, d.srcHigh(), d.srcLow(), d.dstHigh(), d.dstLow())
                    : policies.resolve(-1, d.dstHigh(), d.dstLow(), d.srcHigh(), d.srcLow());
            if (policy < 0) {
                if (policy == PolicyResolver.NO_ZONE) {
                    framesWithoutZone++;
                } else {
                    framesNotTracked++;
                }
                return false;
            }
            s = fromClient
                    ? tb.findOrCreate(d.srcHigh(), d.srcLow(), d.srcPort(), d.dstHigh(), d.dstLow(), d.dstPort(), proto,
                            context, t)
                    : tb.findOrCreate(d.dstHigh(), d.dstLow(), d.dstPort(), d.srcHigh(), d.srcLow(), d.srcPort(), proto,
                            context, t);
            if (s < 0) {
                return false;
            }
            tb.setPolicy(s, policy);
            created = true;
        }
        tb.addPacket(s, fromClient, d.l3Length(), t);
        if (d.isFirstFragment()) {
            fragments.put(d.srcHigh(), d.srcLow(), d.dstHigh(), d.dstLow(), proto, d.fragmentId(), context, s,
                    tb.sessionId(s), t);
        }
        CloseReason reason = null;
        boolean reschedule = created;
        switch (proto) {
            case IPPROTO_TCP: {
                int before = tb.tcpState(s);
                int r = TcpTracker.onSegment(before, created, fromClient, d.tcpFlags());
                int after = TcpTracker.state(r);
                tb.setTcpState(s, after);
                if (tcpTimeout(after) < tcpTimeout(before)) {
                    reschedule = true; // the deadline moved earlier
                }
                // An ended connection lingers for the peer's packets in flight unless invalidated at once.
                switch (TcpTracker.verdict(r)) {
                    case TcpTracker.VERDICT_FIN:
                        reason = settings.finInvalidateSession() ? CloseReason.TCP_FIN : null;
                        break;
                    case TcpTracker.VERDICT_CLIENT_RST:
                        reason = settings.rstInvalidateSession() ? CloseReason.TCP_CLIENT_RST : null;
                        break;
                    case TcpTracker.VERDICT_SERVER_RST:
                        reason = settings.rstInvalidateSession() ? CloseReason.TCP_SERVER_RST : null;
                        break;
                    default:
                        break;
                }
                break;
            }
            case IPPROTO_UDP:
                if (!fromClient && settings.dnsCloseOnResponse() && d.srcPort() == 53 && tb.serverPort(s) == 53
                        && isDnsResponse(frame, d) && tb.serverPackets(s) >= tb.clientPackets(s)) {
                    reason = CloseReason.RESPONSE_RECEIVED;
                }
                break;
            case IPPROTO_ICMP:
                if (!fromClient && d.icmpType() == 0) {
                    reason = CloseReason.RESPONSE_RECEIVED;
                }
                break;
            case IPPROTO_ICMPV6:
                if (!fromClient && d.icmpType() == 129) {
                    reason = CloseReason.RESPONSE_RECEIVED;
                }
                break;
            default:
                break;
        }
        if (reason == CloseReason.RESPONSE_RECEIVED && d.isFirstFragment()) {
            // The response is fragmented: close when its last fragment has been counted.
            tb.setFlags(s, tb.flags(s) | FLAG_RESPONSE_PENDING);
            reason = null;
        }
        if (created) {
            if (classifier.sessionCreated(tb, s)) {
                tb.setFlags(s, tb.flags(s) | FLAG_CLASSIFYING);
            }
        }
        if ((tb.flags(s) & FLAG_CLASSIFYING) != 0
                && !classifier.inspect(tb, s, fromClient, frame, d.payloadOffset(), d.payloadLength())) {
            tb.setFlags(s, tb.flags(s) & ~FLAG_CLASSIFYING);
        }
        if (created) {
            sessionsCreated++;
            tb.setNextUpdateDeadline(s, t + settings.firstUpdateDelayNanos());
            listener.sessionCreated(tb, s);
        }
        if (reason != null) {
            close(s, reason, t);
            return true;
        }
        if (!created) {
            maybeUpdate(s, t);
        }
        if (reschedule) {
            wheel.schedule(s, deadline(s));
        }
        return true;
    }

    private void maybeUpdate(int s, long t) {
        if (settings.volumeUpdates() && t > table.nextUpdateDeadline(s)) {
            table.setNextUpdateDeadline(s, t + settings.sessionUpdateIntervalNanos());
            volumeUpdates++;
            listener.sessionUpdated(table, s);
        }
    }

    private boolean laterFragment(FrameDecoder d, int context, long t) {
        FragmentMap fm = fragments;
        int slot = fm.find(d.srcHigh(), d.srcLow(), d.dstHigh(), d.dstLow(), d.protocol(), d.fragmentId(), context, t);
        int s = slot < 0 ? -1 : fm.session(slot);
        SessionTable tb = table;
        if (s < 0 || !tb.isLive(s) || tb.sessionId(s) != fm.sessionId(slot)) {
            fragmentsWithoutSession++;
            return false;
        }
        long dl = deadline(s);
        if (dl <= t) {
            close(s, expiryReason(s), dl);
            eventNanos = t;
            fragmentsWithoutSession++;
            return false;
        }
        boolean fromClient = d.srcLow() == tb.clientAddrLo(s) && d.srcHigh() == tb.clientAddrHi(s);
        tb.addPacket(s, fromClient, d.l3Length(), t);
        fragmentsAttached++;
        if (!d.moreFragments() && (tb.flags(s) & FLAG_RESPONSE_PENDING) != 0) {
            close(s, CloseReason.RESPONSE_RECEIVED, t);
            return true;
        }
        maybeUpdate(s, t);
        return true;
    }

    private boolean icmpError(FrameDecoder d, int context, long t) {
        int s = table.find(d.innerSrcHigh(), d.innerSrcLow(), d.innerSrcPort(), d.innerDstHigh(), d.innerDstLow(),
                d.innerDstPort(), d.innerProtocol(), context);
        if (s >= 0) {
            long dl = deadline(s);
            if (dl <= t) {
                close(s, expiryReason(s), dl);
                eventNanos = t;
                s = -1;
            }
        }
        if (s < 0) {
            icmpErrorsWithoutSession++;
            return false;
        }
        if (table.protocol(s) == IPPROTO_TCP) {
            // TCP ends by its own FIN or RST; an error such as "fragmentation needed" is part of a live connection
            return false;
        }
        close(s, CloseReason.ICMP_ERROR, t);
        return true;
    }

    /**
     * Whether the sender of a packet that starts a session is its client. TCP: see
     * {@link TcpTracker#senderIsClient}. UDP: a datagram from a port below 1024 to one at or above
     * comes from a server (an answer whose question was not seen). ICMP: an echo reply comes from
     * the server. Otherwise the first sender is the client.
     */
    private static boolean senderIsClient(FrameDecoder d, int proto) {
        switch (proto) {
            case IPPROTO_TCP:
                return TcpTracker.senderIsClient(d.tcpFlags(), d.srcPort(), d.dstPort());
            case IPPROTO_UDP:
                return d.srcPort() >= 1024 || d.dstPort() < 1024;
            case IPPROTO_ICMP:
                return d.icmpType() != 0;
            case IPPROTO_ICMPV6:
                return d.icmpType() != 129;
            default:
                return true;
        }
    }

    private static boolean isDnsResponse(ByteBuffer frame, FrameDecoder d) {
        int off = d.payloadOffset();
        return d.payloadLength() >= 3 && (frame.get(off + 2) & 0x80) != 0;
    }

    // ------------------------------------------------------------------ time

    /** Clamps to the newest time seen and runs the idle aging up to it. */
    private long advance(long nowNanos) {
        long t = nowNanos < now ? now : nowNanos;
        now = t;
        int n = wheel.poll(t, deadlineFn, dueIds, dueDeadlines);
        for (int i = 0; i < n; i++) {
            int s = dueIds[i];
            if (table.isLive(s)) {
                close(s, expiryReason(s), dueDeadlines[i]);
            }
        }
        return t;
    }

    /** Idle aging when no packets arrive: closes every session whose deadline is {@code <= nowNanos}. */
    public void advanceTime(long nowNanos) {
        advance(nowNanos);
    }

    /**
     * Closes every open session with {@code reason} at {@code nowNanos} (CLI clear, policy delete,
     * shutdown), after aging the sessions already due. Order: the table's iteration order.
     */
    public void closeAll(CloseReason reason, long nowNanos) {
        long t = advance(nowNanos);
        SessionTable tb = table;
        while (tb.size() > 0) {
            close(tb.sessionAt(tb.size() - 1), reason, t);
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
        long t = advance(nowNanos);
        SessionTable tb = table;
        int closedNow = 0;
        for (int i = 0; i < n; i++) {
            int s = sessions[i];
            if (tb.isLive(s) && tb.sessionId(s) == ids[i]) {
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
        long t = advance(nowNanos);
        policies = resolver;
        SessionTable tb = table;
        // A close may close children too: the position is kept below the shrinking size.
        for (int p = tb.size() - 1; p >= 0; p = Math.min(p, tb.size()) - 1) {
            int s = tb.sessionAt(p);
            int policy = mapper.policyOf(tb, s);
            if (policy < 0) {
                close(s, CloseReason.POLICY_DELETE, t);
            } else {
                tb.setPolicy(s, policy);
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
        advance(nowNanos);
        settings = newSettings;
        SessionTable tb = table;
        for (int p = tb.size() - 1; p >= 0; p--) {
            int s = tb.sessionAt(p);
            wheel.schedule(s, deadline(s));
        }
        return true;
    }

    /**
     * Recognises the product's own traffic from now on: a packet of it that would create a
     * session creates none and is counted ({@link #ownTrafficFrames()}). Sessions already open
     * are the caller's to close.
     */
    public void ownTraffic(OwnTrafficMatcher matcher) {
        if (matcher == null) {
            throw new NullPointerException("matcher");
        }
        ownTraffic = matcher;
    }

    /** Gives an open session its policy index under a new configuration (negative: close it). */
    @FunctionalInterface
    public interface SessionPolicyMapper {
        int policyOf(SessionTable table, int session);
    }

    /**
     * End of a replay: every open session closes as if it aged out, at the time it would age out
     * (last packet + timeout), in that order (ties by session index). A session whose FINs were
     * both seen closes "TCP FIN" (its closing timeout), every other one "idle Timeout". Sessions
     * already due at {@code nowNanos} close first as usual.
     */
    public void expireAll(long nowNanos) {
        advance(nowNanos);
        SessionTable tb = table;
        int n = tb.size();
        for (int p = 0; p < n; p++) {
            int s = tb.sessionAt(p);
            dueIds[p] = s;
            dueDeadlines[p] = deadline(s);
        }
        TimerWheel.sortByDeadline(dueIds, dueDeadlines, n);
        for (int i = 0; i < n; i++) {
            if (tb.isLive(dueIds[i])) { // not already closed with its parent
                close(dueIds[i], expiryReason(dueIds[i]), dueDeadlines[i]);
            }
        }
    }

    /** The current idle deadline of a live session. */
    public long deadline(int s) {
        return table.lastSeenNanos(s) + timeout(s);
    }

    private long timeout(int s) {
        int proto = table.protocol(s);
        return proto == IPPROTO_TCP ? tcpTimeout(table.tcpState(s)) : settings.timeoutNanos(proto);
    }

    private long tcpTimeout(int state) {
        if (TcpTracker.isTerminated(state)) {
            return settings.tcpLingerNanos();
        }
        if (TcpTracker.isClosing(state)) {
            return settings.tcpClosingTimeoutNanos();
        }
        if (TcpTracker.isHandshakePending(state)) {
            return settings.tcpInitialTimeoutNanos();
        }
        return settings.tcpTimeoutNanos();
    }

    /** Why a session that ends without a closing packet ends: its connection's end, or idleness. */
    private CloseReason expiryReason(int s) {
        if (table.protocol(s) != IPPROTO_TCP) {
            return CloseReason.IDLE_TIMEOUT;
        }
        int st = table.tcpState(s);
        if ((st & TcpTracker.C_RST) != 0) {
            return CloseReason.TCP_CLIENT_RST;
        }
        if ((st & TcpTracker.S_RST) != 0) {
            return CloseReason.TCP_SERVER_RST;
        }
        return TcpTracker.isClosing(st) ? CloseReason.TCP_FIN : CloseReason.IDLE_TIMEOUT;
    }

    private void close(int s, CloseReason reason, long atNanos) {
        eventNanos = atNanos;
        closed[reason.ordinal()]++;
        listener.sessionClosed(table, s, reason);
        wheel.cancel(s);
        if (!families.isEmpty()) {
            closeFamily(s, atNanos);
        }
        table.remove(s);
    }

    /**
     * A session leaves its family when it closes: its parent stops listing it, and its children
     * close "parent closed" right after it (and theirs after them), at the same time, in the
     * order they were linked. Called before {@code s} is removed from the table, so that no
     * session index of the family can be reused while the children close.
     */
    private void closeFamily(int s, long atNanos) {
        SessionTable tb = table;
        int parent = tb.parent(s);
        if (parent >= 0) {
            families.removeChild(parent, s);
        }
        int[] children = families.removeParent(s);
        for (int child : children) {
            tb.setParent(child, -1);
            close(child, CloseReason.PARENT_CLOSED, atNanos);
        }
    }

    /**
     * Links session {@code child} under session {@code parent}, as application identification
     * does when it recognises a session that a parent announced (FTP data after PORT/PASV on the
     * control session, media after its signalling): when the parent closes, for any reason, the
     * child closes with reason "parent closed". A child has one parent; families are at most
     * {@value #MAX_FAMILY_DEPTH} generations deep (a bound on the cascade of closes).
     *
     * @return false, changing nothing, when either session is not open, they are the same
     *     session, the child already has a parent, the parent descends from the child, or the
     *     family would be too deep
     */
    public boolean linkToParent(int child, int parent) {
        SessionTable tb = table;
        if (child == parent || !tb.isLive(child) || !tb.isLive(parent) || tb.parent(child) >= 0) {
            return false;
        }
        int depth = 1;
        for (int a = parent; a >= 0; a = tb.parent(a)) {
            if (a == child || ++depth > MAX_FAMILY_DEPTH) {
                return false;
            }
        }
        tb.setParent(child, parent);
        families.add(parent, child);
        return true;
    }

    /** Generations a family may have: a parent, its children, their children, ... */
    public static final int MAX_FAMILY_DEPTH = 8;

    /** The open children of a session (empty when it has none). */
    public int[] childrenOf(int s) {
        return families.childrenOf(s);
    }

    // ------------------------------------------------------------------ accessors and counters

    public EngineSettings settings() { return settings; }
    /** The application classifier (its catalog names the sessions' application ids). */
    public ApplicationClassifier classifier() { return classifier; }
    /** The session table, for reading session state (do not modify it). */
    public SessionTable table() { return table; }
    /** Time of the event being reported to the listener. */
    public long eventNanos() { return eventNanos; }
    public long frames() { return decoder.frames(); }
    public long decoded() { return decoder.decoded(); }
    public long notIp() { return decoder.notIp(); }
    public long malformed() { return decoder.malformedTotal(); }
    /** The decoder, for its per-cause malformed counters. */
    public FrameDecoder decoder() { return decoder; }
    public long sessionsCreated() { return sessionsCreated; }
    public long sessionsClosed(CloseReason reason) { return closed[reason.ordinal()]; }
    public long sessionsClosed() {
        long sum = 0;
        for (long c : closed) {
            sum += c;
        }
        return sum;
    }
    /** Session creations refused because the table was full. */
    public long refused() { return table.refused(); }
    public int active() { return table.size(); }
    public long volumeUpdates() { return volumeUpdates; }
    public long fragmentsAttached() { return fragmentsAttached; }
    public long fragmentsWithoutSession() { return fragmentsWithoutSession; }
    public long icmpErrorsWithoutSession() { return icmpErrorsWithoutSession; }
    public long tcpRstWithoutSession() { return tcpRstWithoutSession; }
    /** Frames of flows whose addresses are in no zone (no session created). */
    public long framesWithoutZone() { return framesWithoutZone; }
    /** Frames of flows between zones where AppTrack is disabled (no session created). */
    public long framesNotTracked() { return framesNotTracked; }
    /** Frames of the product's own traffic that would have created a session (none created). */
    public long ownTrafficFrames() { return ownTrafficFrames; }
}
