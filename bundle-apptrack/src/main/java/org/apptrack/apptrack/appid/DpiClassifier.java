package org.apptrack.apptrack.appid;

import java.nio.ByteBuffer;
import java.util.List;
import org.apptrack.apptrack.appid.cache.ApplicationSystemCache;
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
 * <p>Per session it keeps, in its {@link ClassificationState}: the dissectors still in the
 * running (word 0), the budget spent (word 1), the dissector that claimed the session (word 2);
 * words from {@link Payload#FIRST_STATE_WORD} and the buffer belong to the claiming dissector.
 * Runs on the engine's thread; allocates nothing per packet.
 */
public final class DpiClassifier implements ApplicationClassifier {

    /** Dissectors one classifier can run (one bit each in a word). */
    public static final int MAX_DISSECTORS = 64;

    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int W_CANDIDATES = 0;
    private static final int W_BUDGET = 1;
    private static final int W_CONTROL = 2;
    private static final long STARTED = 1L << 8;
    /** Announced sessions kept at once, and how long one waits for its connection. */
    private static final int EXPECTATIONS = 4096;
    private static final long EXPECTATION_NANOS = 60_000_000_000L;

    private final IdentificationCatalog catalog;
    private final Dissector[] dissectors;
    private final long tcpCandidates;
    private final long udpCandidates;
    private AppIdSettings settings;
    private boolean enabled = true;
    private ApplicationSystemCache systemCache;
    private ApplicationSystemCache nameCache;
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
        long tcp = 0;
        long udp = 0;
        for (int i = 0; i < this.dissectors.length; i++) {
            if (this.dissectors[i].accepts(TCP)) {
                tcp |= 1L << i;
            }
            if (this.dissectors[i].accepts(UDP)) {
                udp |= 1L << i;
            }
        }
        this.tcpCandidates = tcp;
        this.udpCandidates = udp;
        this.settings = settings;
        this.systemCache = new ApplicationSystemCache(settings.cacheEntries(), settings.cacheNanos());
        this.nameCache = new ApplicationSystemCache(settings.cacheEntries(), settings.cacheNanos());
    }

    /**
     * Applies new limits to the sessions inspected from now on; a new cache size empties the
     * caches, a new time to live applies to entries added from now on.
     */
    public void configure(AppIdSettings next) {
        if (next.cacheEntries() != settings.cacheEntries()) {
            systemCache = new ApplicationSystemCache(next.cacheEntries(), next.cacheNanos());
            nameCache = new ApplicationSystemCache(next.cacheEntries(), next.cacheNanos());
        } else {
            systemCache.ttl(next.cacheNanos());
            nameCache.ttl(next.cacheNanos());
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
        }
        if (candidates(protocol) == 0) {
            settle(s);
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

    private long candidates(int protocol) {
        return protocol == TCP ? tcpCandidates : protocol == UDP ? udpCandidates : 0;
    }

    @Override
    public boolean inspect(int s, ClassificationState state, boolean fromClient, ByteBuffer frame, int payloadOffset,
                           int payloadLength) {
        long control = state.word(W_CONTROL);
        if ((control & STARTED) == 0) {
            control |= STARTED;
            state.word(W_CONTROL, control);
            state.word(W_CANDIDATES, candidates(table.protocol(s)));
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
            payload.set(frame, payloadOffset, payloadLength, fromClient, table.protocol(s), table.clientPort(s),
                    table.serverPort(s), index, state);
            if (table.protocol(s) == TCP) {
                payload.tcpSequence(context.tcpSequence());
            }
            if (dissect(s, state, control)) {
                return false;
            }
        }
        if (packets >= settings.packetsPerDirection() || bytes >= settings.bytesPerDirection()) {
            counts[AppIdCounter.BUDGET_EXHAUSTED.ordinal()]++;
            settle(s);
            return false;
        }
        return true;
    }

    /** Offers the payload to the claiming dissector or to every one still in the running; true when identification ended. */
    private boolean dissect(int s, ClassificationState state, long control) {
        int owner = (int) (control & 0xff) - 1;
        if (owner >= 0) {
            out.clear();
            int verdict = dissectors[owner].inspect(payload, out);
            apply(s);
            if (verdict == Dissector.IDENTIFIED || verdict == Dissector.NOT_THIS) {
                settle(s);
                return true;
            }
            return false;
        }
        long remaining = state.word(W_CANDIDATES);
        for (long left = remaining; left != 0; left &= left - 1) {
            int i = Long.numberOfTrailingZeros(left);
            out.clear();
            int verdict = dissectors[i].inspect(payload, out);
            if (verdict == Dissector.NOT_THIS || verdict == Dissector.MAYBE) {
                // a dissector's words are its own only once it claims: the next one starts clean
                state.clearWords(Payload.FIRST_STATE_WORD);
            }
            if (verdict == Dissector.NOT_THIS) {
                remaining &= ~(1L << i);
            } else if (verdict == Dissector.CLAIMED) {
                apply(s);
                state.word(W_CANDIDATES, 1L << i);
                state.word(W_CONTROL, control & ~0xffL | i + 1);
                return false;
            } else if (verdict == Dissector.IDENTIFIED) {
                apply(s);
                settle(s);
                return true;
            }
        }
        state.word(W_CANDIDATES, remaining);
        if (remaining == 0) {
            settle(s);
            return true;
        }
        return false;
    }

    /** Records what the dissector found in the session's side table. */
    private void apply(int s) {
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
                side.setNestedApplicationId(s, named);
                if (named != 0) {
                    counts[AppIdCounter.NESTED_BY_NAME.ordinal()]++;
                }
            }
        }
        if (id.nested() != 0) {
            side.setNestedApplicationId(s, id.nested());
        }
        if (id.expectedPort() != 0) {
            boolean atClient = id.expectedAtClient();
            expected.expect(atClient ? table.clientAddrHi(s) : table.serverAddrHi(s),
                    atClient ? table.clientAddrLo(s) : table.serverAddrLo(s), table.protocol(s), id.expectedPort(),
                    id.expectedApplication(), id.expectedLinked() ? s : -1, table.sessionId(s), context.nowNanos());
        }
    }

    /** Inspection of session {@code s} ends: fall back where the payload told nothing, count the outcome. */
    private void settle(int s) {
        long now = context.nowNanos();
        int how = side.identifiedBy(s);
        if (side.nestedApplicationId(s) == 0 && side.encrypted(s) != SessionSideTable.ENCRYPTED_NO) {
            int e = nameCache.find(table.serverAddrHi(s), table.serverAddrLo(s), 0, 0, now);
            if (e >= 0) {
                side.setNestedApplicationId(s, nameCache.nested(e));
                counts[AppIdCounter.NESTED_BY_ADDRESS.ordinal()]++;
            }
        }
        if (how == SessionSideTable.IDENTIFIED_BY_PAYLOAD) {
            if (serviceSide(s)) {
                systemCache.put(table.serverAddrHi(s), table.serverAddrLo(s), table.protocol(s), table.serverPort(s),
                        side.applicationId(s), side.nestedApplicationId(s), now);
                counts[AppIdCounter.CACHE_INSERTS.ordinal()]++;
            }
            counts[AppIdCounter.IDENTIFIED_BY_PAYLOAD.ordinal()]++;
        } else if (how == SessionSideTable.IDENTIFIED_BY_CACHE) {
            counts[AppIdCounter.IDENTIFIED_BY_CACHE.ordinal()]++;
        } else if (how == SessionSideTable.IDENTIFIED_BY_PORT) {
            counts[AppIdCounter.IDENTIFIED_BY_PORT.ordinal()]++;
        } else {
            counts[AppIdCounter.UNKNOWN.ordinal()]++;
        }
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
        settle(s);
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
