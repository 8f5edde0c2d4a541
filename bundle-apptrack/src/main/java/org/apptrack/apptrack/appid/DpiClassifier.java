package org.apptrack.apptrack.appid;

import java.nio.ByteBuffer;
import java.util.List;
import org.apptrack.apptrack.appid.cache.ApplicationSystemCache;
import org.apptrack.apptrack.appid.catalog.ApplicationRole;
import org.apptrack.apptrack.appid.custom.CustomApplications;
import org.apptrack.apptrack.appid.dissect.Dissector;
import org.apptrack.apptrack.appid.expect.ExpectedSessions;
import org.apptrack.apptrack.appid.dissect.Identification;
import org.apptrack.apptrack.appid.dissect.Payload;
import org.apptrack.apptrack.engine.classify.ApplicationCatalog;
import org.apptrack.apptrack.engine.classify.ApplicationClassifier;
import org.apptrack.apptrack.engine.classify.ClassificationState;
import org.apptrack.apptrack.engine.classify.ClassifierContext;
import org.apptrack.apptrack.engine.session.SessionSideTable;
import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * Application identification over a session's first packets, in the order Junos AppID and nDPI
 * use: the server port's application as a first guess and the application system cache's
 * answer for the server when it has one; then the dissectors read the payload of both directions
 * until one identifies the protocol, within a packet and byte budget per direction; the name the
 * session carries (HTTP Host, TLS or QUIC server name) gives the nested application through the
 * catalog's host-name rules, and an address a DNS answer gave names it when the session carries
 * no name. A session whose inspection ends without an answer keeps the cache's or the port's,
 * marked as such ({@link SessionSideTable#identifiedBy}).
 *
 * <p>The operator's custom applications come first: over TCP or UDP by their servers (at the
 * session's creation) or by stream signatures on the first payload of each direction (a match
 * names the session whatever the dissectors say), over HTTP and SSL by the facts of the request
 * or the server name (the nested application).
 *
 * <p>Per session it keeps, in its {@link ClassificationState}: the dissectors still in the
 * running (words 0 and 4), the budget spent (word 1), the dissector that claimed the session and the
 * custom applications' generation (word 2), the custom stream signatures' progress (word 3);
 * words from {@link Payload#FIRST_STATE_WORD} and the buffer belong to the claiming dissector.
 * Runs on the engine's thread; allocates nothing per packet.
 */
public final class DpiClassifier implements ApplicationClassifier {

    /** Dissectors one classifier can run (one bit each in a word). */
    public static final int MAX_DISSECTORS = 128;

    private static final int TCP = 6;
    private static final int UDP = 17;
    /** The dissectors still in the running: bits 0-63 in this word, 64-127 in {@link #W_CANDIDATES_HIGH}. */
    private static final int W_CANDIDATES = 0;
    private static final int W_BUDGET = 1;
    private static final int W_CONTROL = 2;
    private static final int W_CUSTOM = 3;
    private static final int W_CANDIDATES_HIGH = 4;
    private static final long STARTED = 1L << 8;
    /** The dissectors are done (one identified the session) while custom stream signatures still look. */
    private static final long DISSECTED = 1L << 9;
    /** The payload gave the session a name (HTTP Host, TLS or QUIC server name). */
    private static final long NAMED = 1L << 10;
    private static final int GENERATION_SHIFT = 16;
    private static final long GENERATION_MASK = 0xffffL << GENERATION_SHIFT;
    /** Announced sessions kept at once, and how long one waits for its connection. */
    private static final int EXPECTATIONS = 4096;
    private static final long EXPECTATION_NANOS = 60_000_000_000L;

    private final IdentificationCatalog catalog;
    private final Dissector[] dissectors;
    /** The dissectors that accept TCP (UDP): {low word, high word}. */
    private final long[] tcpCandidates = new long[2];
    private final long[] udpCandidates = new long[2];
    private AppIdSettings settings;
    private boolean enabled = true;
    private ApplicationSystemCache systemCache;
    private ApplicationSystemCache nameCache;
    /** Call service by the client end (address, port) of a call's media sessions. */
    private ApplicationSystemCache callCache;
    private final CallApplications calls;
    private final long[] counts = new long[AppIdCounter.all().length];
    private final ExpectedSessions expected = new ExpectedSessions(EXPECTATIONS, EXPECTATION_NANOS);
    private final Payload payload = new Payload();
    private final Identification out = new Identification();
    private ClassifierContext context;
    private SessionTable table;
    private SessionSideTable side;

    /**
     * @param dissectors in the order they are asked (the more specific before the weaker
     *     signatures), at most {@link #MAX_DISSECTORS}
     */
    public DpiClassifier(IdentificationCatalog catalog, List<Dissector> dissectors, AppIdSettings settings) {
        if (dissectors.size() > MAX_DISSECTORS) {
            throw new IllegalArgumentException("at most " + MAX_DISSECTORS + " dissectors: " + dissectors.size());
        }
        this.catalog = catalog;
        this.dissectors = dissectors.toArray(new Dissector[0]);
        for (int i = 0; i < this.dissectors.length; i++) {
            if (this.dissectors[i].accepts(TCP)) {
                tcpCandidates[i >>> 6] |= 1L << i;
            }
            if (this.dissectors[i].accepts(UDP)) {
                udpCandidates[i >>> 6] |= 1L << i;
            }
        }
        this.settings = settings;
        this.systemCache = new ApplicationSystemCache(settings.cacheEntries(), settings.cacheNanos());
        this.nameCache = new ApplicationSystemCache(settings.cacheEntries(), settings.cacheNanos());
        this.callCache = new ApplicationSystemCache(settings.cacheEntries(), settings.cacheNanos());
        this.calls = new CallApplications(catalog);
    }

    /**
     * Applies new limits to the sessions inspected from now on; a new cache size empties the
     * caches, a new time to live applies to entries added from now on.
     */
    public void configure(AppIdSettings next) {
        if (next.cacheEntries() != settings.cacheEntries()) {
            systemCache = new ApplicationSystemCache(next.cacheEntries(), next.cacheNanos());
            nameCache = new ApplicationSystemCache(next.cacheEntries(), next.cacheNanos());
            callCache = new ApplicationSystemCache(next.cacheEntries(), next.cacheNanos());
        } else {
            systemCache.ttl(next.cacheNanos());
            nameCache.ttl(next.cacheNanos());
            callCache.ttl(next.cacheNanos());
        }
        settings = next;
    }

    /** Off, a new session is named by its server port only, as if no dissector knew it. */
    public void enabled(boolean on) {
        enabled = on;
    }

    public boolean enabled() {
        return enabled;
    }

    public AppIdSettings settings() {
        return settings;
    }

    @Override
    public void bind(ClassifierContext engine) {
        this.context = engine;
        this.table = engine.table();
        this.side = engine.side();
    }

    @Override
    public boolean sessionCreated(int s) {
        int protocol = table.protocol(s);
        int port = catalog.portApplication(protocol, table.serverPort(s), table.clientPort(s));
        side.setApplicationId(s, port);
        side.setIdentifiedBy(s, port != 0 ? SessionSideTable.IDENTIFIED_BY_PORT : SessionSideTable.IDENTIFIED_NOT_YET);
        if (!enabled) {
            side.setEncrypted(s, SessionSideTable.ENCRYPTED_NO);
            return false;
        }
        if (announced(s, protocol)) {
            return false;
        }
        int own = catalog.serverApplication(protocol, table.serverAddrHi(s), table.serverAddrLo(s),
                table.serverPort(s));
        if (own != 0) {
            side.setApplicationId(s, own);
            side.setIdentifiedBy(s, SessionSideTable.IDENTIFIED_BY_RULE);
            counts[AppIdCounter.IDENTIFIED_BY_RULE.ordinal()]++;
            return false;
        }
        int e = systemCache.find(table.serverAddrHi(s), table.serverAddrLo(s), protocol, table.serverPort(s),
                context.nowNanos());
        if (e >= 0) {
            if (systemCache.application(e) != 0) {
                side.setApplicationId(s, systemCache.application(e));
            }
            side.setNestedApplicationId(s, systemCache.nested(e));
            side.setIdentifiedBy(s, SessionSideTable.IDENTIFIED_BY_CACHE);
        } else if (port == 0) {
            // the service's own ranges name the session until its payload tells more
            int a = serviceAddress(s);
            if (a != 0 && catalog.role(a) != ApplicationRole.NESTED_APPLICATION) {
                side.setApplicationId(s, a);
                side.setIdentifiedBy(s, SessionSideTable.IDENTIFIED_BY_ADDRESS);
            }
        }
        if (!hasCandidates(protocol)) {
            settle(s, null);
            return false;
        }
        counts[AppIdCounter.SESSIONS_INSPECTED.ordinal()]++;
        return true;
    }

    /** Whether a control session announced this one: then it is named and linked under it. */
    private boolean announced(int s, int protocol) {
        int e = expected.take(table.serverAddrHi(s), table.serverAddrLo(s), protocol, table.serverPort(s),
                context.nowNanos());
        if (e < 0) {
            return false;
        }
        int parent = expected.parent(e);
        if (parent >= 0 && table.isLive(parent) && table.sessionId(parent) == expected.parentId(e)) {
            context.linkToParent(s, parent);
        }
        side.setApplicationId(s, expected.application(e));
        side.setIdentifiedBy(s, SessionSideTable.IDENTIFIED_BY_PAYLOAD);
        counts[AppIdCounter.ANNOUNCED.ordinal()]++;
        return true;
    }

    private boolean hasCandidates(int protocol) {
        long[] all = protocol == TCP ? tcpCandidates : protocol == UDP ? udpCandidates : null;
        return all != null && (all[0] | all[1]) != 0;
    }

    @Override
    public boolean inspect(int s, ClassificationState state, boolean fromClient, ByteBuffer frame, int payloadOffset,
                           int payloadLength) {
        long control = state.word(W_CONTROL);
        CustomApplications custom = catalog.customApplications();
        if ((control & STARTED) == 0) {
            control |= STARTED | (custom.generation() & 0xffffL) << GENERATION_SHIFT;
            state.word(W_CONTROL, control);
            int protocol = table.protocol(s);
            long[] all = protocol == TCP ? tcpCandidates : udpCandidates;
            state.word(W_CANDIDATES, all[0]);
            state.word(W_CANDIDATES_HIGH, all[1]);
            state.word(W_CUSTOM, custom.isEmpty() ? 0 : custom.streamStart(protocol, table.serverAddrHi(s),
                    table.serverAddrLo(s), table.serverPort(s)));
        }
        long budget = state.word(W_BUDGET);
        int shift = fromClient ? 0 : 32;
        long mine = budget >>> shift & 0xffffffffL;
        int packets = (int) (mine & 0xff) + 1;
        int payloads = (int) (mine >>> 8 & 0xff);
        int bytes = (int) (mine >>> 16 & 0xffff);
        int index = payloads;
        if (payloadLength > 0) {
            payloads = Math.min(payloads + 1, 0xff);
            bytes = Math.min(bytes + payloadLength, 0xffff);
        }
        mine = Math.min(packets, 0xff) | (long) payloads << 8 | (long) bytes << 16;
        state.word(W_BUDGET, budget & ~(0xffffffffL << shift) | mine << shift);
        if (payloadLength > 0) {
            long stream = state.word(W_CUSTOM);
            if (stream != 0) {
                if ((control & GENERATION_MASK) >>> GENERATION_SHIFT != (custom.generation() & 0xffffL)) {
                    stream = 0; // the configuration changed: the progress is of applications no longer in force
                } else {
                    stream = custom.streamStep(stream, fromClient, frame, payloadOffset, payloadLength);
                    int matched = custom.streamMatched(stream);
                    if (matched != 0) {
                        side.setApplicationId(s, matched);
                        side.setIdentifiedBy(s, SessionSideTable.IDENTIFIED_BY_PAYLOAD);
                        state.word(W_CUSTOM, 0);
                        settle(s, state);
                        return false;
                    }
                    if (!custom.streamPending(stream)) {
                        stream = 0;
                    }
                }
                state.word(W_CUSTOM, stream);
            }
            payload.set(frame, payloadOffset, payloadLength, fromClient, table.protocol(s), table.clientPort(s),
                    table.serverPort(s), index, state);
            if (table.protocol(s) == TCP) {
                payload.tcpSequence(context.tcpSequence());
            }
            if ((control & DISSECTED) != 0 ? stream == 0 : dissect(s, state, control)) {
                settle(s, state);
                return false;
            }
        }
        if (packets >= settings.packetsPerDirection() || bytes >= settings.bytesPerDirection()) {
            counts[AppIdCounter.BUDGET_EXHAUSTED.ordinal()]++;
            settle(s, state);
            return false;
        }
        return true;
    }

    /**
     * Offers the payload to the claiming dissector or to every one still in the running; true
     * when identification ended (the caller settles the session). When the dissectors are done
     * but a custom stream signature still waits for the other direction's first payload,
     * inspection goes on for it alone.
     */
    private boolean dissect(int s, ClassificationState state, long control) {
        int owner = (int) (control & 0xff) - 1;
        if (owner >= 0) {
            out.clear();
            int verdict = dissectors[owner].inspect(payload, out);
            apply(s, state);
            if (verdict == Dissector.IDENTIFIED || verdict == Dissector.NOT_THIS) {
                return dissected(state, control);
            }
            return false;
        }
        long low = state.word(W_CANDIDATES);
        long high = state.word(W_CANDIDATES_HIGH);
        for (int w = 0; w < 2; w++) {
            long remaining = w == 0 ? low : high;
            for (long left = remaining; left != 0; left &= left - 1) {
                int bit = Long.numberOfTrailingZeros(left);
                int i = w << 6 | bit;
                out.clear();
                int verdict = dissectors[i].inspect(payload, out);
                if (verdict == Dissector.NOT_THIS || verdict == Dissector.MAYBE) {
                    // a dissector's words are its own only once it claims: the next one starts clean
                    state.clearWords(Payload.FIRST_STATE_WORD);
                }
                if (verdict == Dissector.NOT_THIS) {
                    remaining &= ~(1L << bit);
                } else if (verdict == Dissector.CLAIMED) {
                    apply(s, state);
                    state.word(W_CANDIDATES, w == 0 ? 1L << bit : 0);
                    state.word(W_CANDIDATES_HIGH, w == 0 ? 0 : 1L << bit);
                    state.word(W_CONTROL, state.word(W_CONTROL) & ~0xffL | i + 1);
                    return false;
                } else if (verdict == Dissector.IDENTIFIED) {
                    apply(s, state);
                    return dissected(state, control);
                }
            }
            if (w == 0) {
                low = remaining;
            } else {
                high = remaining;
            }
        }
        state.word(W_CANDIDATES, low);
        state.word(W_CANDIDATES_HIGH, high);
        return (low | high) == 0 && dissected(state, control);
    }

    /** The dissectors are done: identification ends unless a custom stream signature still waits. */
    private boolean dissected(ClassificationState state, long control) {
        if (state.word(W_CUSTOM) == 0) {
            return true;
        }
        state.word(W_CANDIDATES, 0);
        state.word(W_CANDIDATES_HIGH, 0);
        state.word(W_CONTROL, state.word(W_CONTROL) & ~0xffL | DISSECTED);
        return false;
    }

    /** Records what the dissector found in the session's side table. */
    private void apply(int s, ClassificationState state) {
        Identification id = out;
        if (id.application() != 0) {
            side.setApplicationId(s, id.application());
            side.setIdentifiedBy(s, SessionSideTable.IDENTIFIED_BY_PAYLOAD);
        }
        if (id.encryptionKnown()) {
            side.setEncrypted(s, id.encrypted() ? SessionSideTable.ENCRYPTED_YES : SessionSideTable.ENCRYPTED_NO);
        }
        if (id.nameLength() > 0) {
            int named = catalog.hostApplication(id.nameBytes(), id.nameLength());
            if (id.nameIsLookup()) {
                if (named != 0) {
                    long now = context.nowNanos();
                    for (int a = 0; a < id.answers(); a++) {
                        nameCache.put(id.answerHigh(a), id.answerLow(a), 0, 0, 0, named, now);
                        counts[AppIdCounter.NAME_CACHE_INSERTS.ordinal()]++;
                    }
                }
            } else {
                // the session's own name decides, also against what the cache said of its server
                state.word(W_CONTROL, state.word(W_CONTROL) | NAMED);
                side.setNestedApplicationId(s, named);
                if (named != 0) {
                    counts[AppIdCounter.NESTED_BY_NAME.ordinal()]++;
                }
            }
        }
        int current = side.nestedApplicationId(s);
        if (id.nested() != 0 && (id.nestedWeak() ? current == 0 : !CustomApplications.isCustom(current))) {
            side.setNestedApplicationId(s, id.nested());
        }
        CustomApplications custom = catalog.customApplications();
        if (!custom.isEmpty() && !id.nameIsLookup()) {
            int own = custom.nested(id);
            if (own != 0) {
                side.setNestedApplicationId(s, own);
                counts[AppIdCounter.NESTED_BY_NAME.ordinal()]++;
            }
        }
        if (id.peerPort() != 0) {
            int call = id.nested() != 0 ? id.nested() : side.nestedApplicationId(s);
            if (call == 0) {
                call = calls.callOf(serviceAddress(s));
            }
            if (call != 0) {
                callCache.put(id.peerHigh(), id.peerLow(), table.protocol(s), id.peerPort(), 0, call,
                        context.nowNanos());
            }
        }
        if (id.expectedPort() != 0) {
            boolean atClient = id.expectedAtClient();
            expected.expect(atClient ? table.clientAddrHi(s) : table.serverAddrHi(s),
                    atClient ? table.clientAddrLo(s) : table.serverAddrLo(s), table.protocol(s), id.expectedPort(),
                    id.expectedApplication(), id.expectedLinked() ? s : -1, table.sessionId(s), context.nowNanos());
        }
    }

    /**
     * Inspection of session {@code s} ends: fall back where the payload told nothing, count the
     * outcome. {@code state} is null when no payload was inspected.
     */
    private void settle(int s, ClassificationState state) {
        long now = context.nowNanos();
        boolean named = state != null && (state.word(W_CONTROL) & NAMED) != 0;
        if (side.nestedApplicationId(s) == 0 && side.encrypted(s) != SessionSideTable.ENCRYPTED_NO) {
            int e = nameCache.find(table.serverAddrHi(s), table.serverAddrLo(s), 0, 0, now);
            if (e >= 0) {
                side.setNestedApplicationId(s, nameCache.nested(e));
                counts[AppIdCounter.NESTED_BY_ADDRESS.ordinal()]++;
            }
        }
        if (calls.media(side.applicationId(s))) {
            callService(s, now);
        } else if (!named) {
            boolean payload = state != null && hadPayload(state);
            byServiceAddress(s, payload);
            if (payload) {
                byCall(s, now);
            }
        }
        int how = side.identifiedBy(s);
        if (how == SessionSideTable.IDENTIFIED_BY_PAYLOAD) {
            if (serviceSide(s)) {
                systemCache.put(table.serverAddrHi(s), table.serverAddrLo(s), table.protocol(s), table.serverPort(s),
                        side.applicationId(s), side.nestedApplicationId(s), now);
                counts[AppIdCounter.CACHE_INSERTS.ordinal()]++;
            }
            counts[AppIdCounter.IDENTIFIED_BY_PAYLOAD.ordinal()]++;
        } else if (how == SessionSideTable.IDENTIFIED_BY_CACHE) {
            counts[AppIdCounter.IDENTIFIED_BY_CACHE.ordinal()]++;
        } else if (how == SessionSideTable.IDENTIFIED_BY_ADDRESS) {
            counts[AppIdCounter.IDENTIFIED_BY_ADDRESS.ordinal()]++;
        } else if (how == SessionSideTable.IDENTIFIED_BY_PORT) {
            counts[AppIdCounter.IDENTIFIED_BY_PORT.ordinal()]++;
        } else {
            counts[AppIdCounter.UNKNOWN.ordinal()]++;
        }
    }

    /**
     * A session its payload gave no name: the published ranges of the service it goes to name
     * its nested application (a nested-only service, or any service inside an encrypted
     * protocol the payload told), or its application when nothing but a guess named it.
     */
    private void byServiceAddress(int s, boolean hadPayload) {
        int a = serviceAddress(s);
        if (a == 0) {
            return;
        }
        int how = side.identifiedBy(s);
        ApplicationRole role = catalog.role(a);
        boolean told = how == SessionSideTable.IDENTIFIED_BY_PAYLOAD || how == SessionSideTable.IDENTIFIED_BY_CACHE
                || how == SessionSideTable.IDENTIFIED_BY_RULE;
        // a port's guess stands until payload that no dissector knew shows it was wrong
        boolean guessStands = how == SessionSideTable.IDENTIFIED_BY_PORT && !hadPayload;
        if (!told && !guessStands && role != ApplicationRole.NESTED_APPLICATION) {
            side.setApplicationId(s, a);
            side.setIdentifiedBy(s, SessionSideTable.IDENTIFIED_BY_ADDRESS);
        } else if (side.nestedApplicationId(s) == 0 && role.foundInside()
                && (!told || side.encrypted(s) == SessionSideTable.ENCRYPTED_YES)) {
            side.setNestedApplicationId(s, a);
            counts[AppIdCounter.NESTED_BY_SERVICE_ADDRESS.ordinal()]++;
        }
    }

    /**
     * A session whose payload no dissector knew, from a socket (or to a TURN peer) of a call
     * whose service is known: the call's own media (Zoom's peer-to-peer protocol after its STUN).
     * The call service names its application where it carries sessions, else its nested one.
     */
    private void byCall(int s, long now) {
        int how = side.identifiedBy(s);
        if (how != SessionSideTable.IDENTIFIED_NOT_YET && how != SessionSideTable.IDENTIFIED_BY_PORT
                || table.protocol(s) != UDP) {
            return;
        }
        int call = knownCall(s, now);
        if (call == 0) {
            return;
        }
        if (catalog.role(call) != ApplicationRole.NESTED_APPLICATION) {
            side.setApplicationId(s, call);
            side.setIdentifiedBy(s, SessionSideTable.IDENTIFIED_BY_CACHE);
        } else if (side.nestedApplicationId(s) == 0) {
            side.setNestedApplicationId(s, call);
        }
        counts[AppIdCounter.NESTED_BY_CALL.ordinal()]++;
    }

    /** The call service an earlier session gave this session's client end, or its server end (a TURN peer); 0: none. */
    private int knownCall(int s, long now) {
        int protocol = table.protocol(s);
        int e = callCache.find(table.clientAddrHi(s), table.clientAddrLo(s), protocol, table.clientPort(s), now);
        if (e < 0) {
            e = callCache.find(table.serverAddrHi(s), table.serverAddrLo(s), protocol, table.serverPort(s), now);
        }
        return e >= 0 ? callCache.nested(e) : 0;
    }

    /**
     * A media session (STUN/TURN, DTLS, SRTP) its payload did not tie to a call service: the
     * service's relay addresses name it, or an earlier session of the same call (ICE sends all
     * of a call's checks and media from one client socket; a TURN relay names the peer the call
     * reaches); a named one names the next.
     */
    private void callService(int s, long now) {
        long hi = table.clientAddrHi(s);
        long lo = table.clientAddrLo(s);
        int protocol = table.protocol(s);
        int port = table.clientPort(s);
        if (side.nestedApplicationId(s) == 0) {
            int call = calls.callOf(serviceAddress(s));
            if (call != 0) {
                side.setNestedApplicationId(s, call);
                counts[AppIdCounter.NESTED_BY_SERVICE_ADDRESS.ordinal()]++;
            } else {
                int known = knownCall(s, now);
                if (known != 0) {
                    side.setNestedApplicationId(s, known);
                    counts[AppIdCounter.NESTED_BY_CALL.ordinal()]++;
                }
                return;
            }
        }
        callCache.put(hi, lo, protocol, port, 0, side.nestedApplicationId(s), now);
    }

    /** Whether the session carried payload in either direction while inspected. */
    private static boolean hadPayload(ClassificationState state) {
        return (state.word(W_BUDGET) & 0x0000_ff00_0000_ff00L) != 0;
    }

    /** The service whose published ranges hold the server end, else the client end; 0: none. */
    private int serviceAddress(int s) {
        int a = catalog.addressApplication(table.serverAddrHi(s), table.serverAddrLo(s));
        return a != 0 ? a : catalog.addressApplication(table.clientAddrHi(s), table.clientAddrLo(s));
    }

    /**
     * Whether the session's server end is where the service listens, so that the cache may name
     * later sessions to it: a well-known port, or the lower of the two. A UDP session whose
     * first packet came from the service (an answer seen without its question) has the
     * client's ephemeral port as its server end, which must not name anything.
     */
    private boolean serviceSide(int s) {
        int server = table.serverPort(s);
        return server < 1024 || server <= table.clientPort(s);
    }

    @Override
    public void sessionClosing(int s, ClassificationState state) {
        counts[AppIdCounter.CLOSED_WHILE_INSPECTED.ordinal()]++;
        settle(s, state);
    }

    @Override
    public ApplicationCatalog catalog() {
        return catalog;
    }

    public long count(AppIdCounter counter) {
        return counts[counter.ordinal()];
    }

    /** The application system cache (server address, port, protocol to application), for commands. */
    public ApplicationSystemCache systemCache() {
        return systemCache;
    }

    /** Addresses DNS answers named, for commands. */
    public ApplicationSystemCache nameCache() {
        return nameCache;
    }
}
