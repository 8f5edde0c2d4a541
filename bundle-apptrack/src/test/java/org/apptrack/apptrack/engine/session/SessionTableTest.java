package org.apptrack.apptrack.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apptrack.apptrack.api.IpAddresses;
import org.junit.jupiter.api.Test;

class SessionTableTest {

    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final long T0 = 1_000_000_000L;

    private static long v4(int a, int b, int c, int d) {
        return SessionTable.ipv4Lo((a << 24) | (b << 16) | (c << 8) | d);
    }

    @Test
    void policyIndexIsKeptBesideTheKeyWithoutChangingIt() {
        SessionTable t = new SessionTable(16, 1);
        long c = v4(10, 0, 0, 2);
        long srv = v4(10, 0, 0, 1);
        int s = t.findOrCreate(0, c, 40000, 0, srv, 443, TCP, 7, T0);
        assertEquals(0, t.policy(s));
        t.setPolicy(s, 65535);
        assertEquals(65535, t.policy(s));
        assertEquals(TCP, t.protocol(s));
        assertEquals(c, t.clientAddrLo(s));
        assertEquals(s, t.find(0, srv, 443, 0, c, 40000, TCP, 7));
        assertFalse(t.lastLookupFromClient());
        t.setPolicy(s, 3);
        assertEquals(3, t.policy(s));
        assertEquals(s, t.find(0, c, 40000, 0, srv, 443, TCP, 7));
        assertTrue(t.lastLookupFromClient());
        assertThrows(IllegalArgumentException.class, () -> t.setPolicy(s, 65536));
        t.remove(s);
        int s2 = t.findOrCreate(0, c, 40001, 0, srv, 443, TCP, 7, T0);
        assertEquals(0, t.policy(s2), "a reused index starts with policy 0");
    }

    @Test
    void clusterNodesHandOutSessionIdsFromRangesOfTheirOwn() {
        SessionTable first = new SessionTable(16, 1);
        SessionTable third = new SessionTable(16, 1);
        first.partitionSessionIds(0, 5);
        third.partitionSessionIds(2, 5);
        long c = v4(10, 0, 0, 2);
        long srv = v4(10, 0, 0, 1);
        int a = first.findOrCreate(0, c, 40000, 0, srv, 443, TCP, 0, T0);
        int b = third.findOrCreate(0, c, 40000, 0, srv, 443, TCP, 0, T0);
        assertEquals(1, first.sessionId(a));
        assertEquals(2 << 27 | 1, third.sessionId(b), "partition 2 in the top five bits");
        // A session adopted from the first node keeps its id, which the third never hands out.
        int adopted = third.findOrCreate(0, c, 40001, 0, srv, 443, TCP, 0, T0);
        third.restore(adopted, first.sessionId(a), T0, 1, 60, 1, 60);
        int next = third.findOrCreate(0, c, 40002, 0, srv, 443, TCP, 0, T0);
        assertEquals(2 << 27 | 3, third.sessionId(next));
        assertThrows(IllegalArgumentException.class, () -> third.partitionSessionIds(32, 5));
        assertThrows(IllegalArgumentException.class, () -> third.partitionSessionIds(0, 9));
    }

    @Test
    void idsCountOnFromOneWithinTheirRange() {
        SessionTable t = new SessionTable(4, 1);
        t.partitionSessionIds(255, 8);
        long srv = v4(10, 0, 0, 1);
        int s = t.findOrCreate(0, v4(10, 0, 0, 2), 40000, 0, srv, 443, TCP, 0, T0);
        assertEquals(0xFF000001, t.sessionId(s));
        t.remove(s);
        for (int i = 0; i < 5; i++) {
            int x = t.findOrCreate(0, v4(10, 0, 0, 3 + i), 40000, 0, srv, 443, TCP, 0, T0);
            assertEquals(0xFF000000, t.sessionId(x) & 0xFF000000, "stays in partition 255");
            t.remove(x);
        }
    }

    @Test
    void bothDirectionsFindOneSessionWithClientFlag() {
        SessionTable t = new SessionTable(16, 1);
        long c = v4(10, 0, 0, 2);
        long srv = v4(10, 0, 0, 1); // smaller than the client: client is the B endpoint
        int s = t.findOrCreate(0, c, 40000, 0, srv, 443, TCP, 5 << 12 | 100, T0);
        assertTrue(s >= 0);
        assertTrue(t.lastLookupCreated());
        assertTrue(t.lastLookupFromClient());
        assertEquals(s, t.find(0, srv, 443, 0, c, 40000, TCP, 5 << 12 | 100));
        assertFalse(t.lastLookupFromClient());
        assertEquals(s, t.findOrCreate(0, srv, 443, 0, c, 40000, TCP, 5 << 12 | 100, T0 + 1));
        assertFalse(t.lastLookupCreated());
        assertFalse(t.lastLookupFromClient());
        assertEquals(s, t.find(0, c, 40000, 0, srv, 443, TCP, 5 << 12 | 100));
        assertTrue(t.lastLookupFromClient());
        assertEquals(1, t.size());

        assertEquals(0, t.clientAddrHi(s));
        assertEquals(c, t.clientAddrLo(s));
        assertEquals(40000, t.clientPort(s));
        assertEquals(srv, t.serverAddrLo(s));
        assertEquals(443, t.serverPort(s));
        assertEquals(TCP, t.protocol(s));
        assertEquals(5 << 12 | 100, t.context(s));
        assertTrue(IpAddresses.isIpv4Mapped(t.clientAddrHi(s), t.clientAddrLo(s)));
        assertEquals((10 << 24) | 2, (int) t.clientAddrLo(s));
        assertEquals(T0, t.startNanos(s));

        // Client is the A endpoint this time.
        int s2 = t.findOrCreate(0, srv, 50000, 0, c, 80, TCP, 0, T0);
        assertEquals(s2, t.find(0, c, 80, 0, srv, 50000, TCP, 0));
        assertFalse(t.lastLookupFromClient());
        assertEquals(srv, t.clientAddrLo(s2));
        assertEquals(50000, t.clientPort(s2));
        assertEquals(80, t.serverPort(s2));
    }

    @Test
    void ipv6AndIpv4AndSameEndpoints() {
        SessionTable t = new SessionTable(16, 2);
        long aHi = 0x2001_0db8_0000_0000L;
        long bHi = 0x2001_0db8_0000_0001L;
        int s = t.findOrCreate(bHi, 1, 1234, aHi, 2, 53, UDP, 7, T0);
        assertEquals(s, t.find(aHi, 2, 53, bHi, 1, 1234, UDP, 7));
        assertFalse(t.lastLookupFromClient());
        assertEquals(bHi, t.clientAddrHi(s));
        assertEquals(1, t.clientAddrLo(s));
        assertEquals(aHi, t.serverAddrHi(s));
        assertEquals(-1, t.find(aHi, 2, 53, bHi, 1, 1234, UDP, 8));
        // Same address, differing only in high word vs v4-mapped.
        assertEquals(-1, t.find(0, SessionTable.ipv4Lo(1), 53, 0, SessionTable.ipv4Lo(2), 1234, UDP, 7));
        // Source == destination (land): one session, always "from client".
        int l = t.findOrCreate(aHi, 9, 7, aHi, 9, 7, UDP, 0, T0);
        assertEquals(l, t.find(aHi, 9, 7, aHi, 9, 7, UDP, 0));
        assertTrue(t.lastLookupFromClient());
        // Ports above 16 bits and protocol above 8 bits are masked.
        assertEquals(l, t.find(aHi, 9, 7 + 0x10000, aHi, 9, 7, UDP + 0x100, 0));
    }

    @Test
    void protocolAndContextSeparateSessions() {
        SessionTable t = new SessionTable(64, 3);
        long a = v4(192, 168, 1, 1);
        long b = v4(8, 8, 8, 8);
        int s1 = t.findOrCreate(0, a, 5000, 0, b, 53, UDP, 0, T0);
        int s2 = t.findOrCreate(0, a, 5000, 0, b, 53, TCP, 0, T0);
        int s3 = t.findOrCreate(0, a, 5000, 0, b, 53, UDP, 1 << 12, T0);
        int s4 = t.findOrCreate(0, a, 5000, 0, b, 53, UDP, 1, T0);
        int s5 = t.findOrCreate(0, a, 53, 0, b, 5000, UDP, 0, T0); // ports swapped is another flow
        Set<Integer> ids = new HashSet<>(List.of(s1, s2, s3, s4, s5));
        assertEquals(5, ids.size());
        assertEquals(5, t.size());
        assertEquals(s3, t.find(0, b, 53, 0, a, 5000, UDP, 1 << 12));
        Set<Integer> sessionIds = new HashSet<>();
        for (int s : ids) {
            assertNotEquals(0, t.sessionId(s));
            sessionIds.add(t.sessionId(s));
        }
        assertEquals(5, sessionIds.size());
    }

    @Test
    void countersPerDirectionAndState() {
        SessionTable t = new SessionTable(4, 4);
        int s = t.findOrCreate(0, v4(1, 1, 1, 1), 1000, 0, v4(2, 2, 2, 2), 80, TCP, 0, T0);
        t.addClientPacket(s, 60, T0 + 1);
        t.find(0, v4(2, 2, 2, 2), 80, 0, v4(1, 1, 1, 1), 1000, TCP, 0);
        t.addPacket(s, t.lastLookupFromClient(), 1500, T0 + 2);
        t.addServerPacket(s, 40, T0 + 3);
        t.find(0, v4(1, 1, 1, 1), 1000, 0, v4(2, 2, 2, 2), 80, TCP, 0);
        t.addPacket(s, t.lastLookupFromClient(), 100, T0 + 4);
        assertEquals(2, t.clientPackets(s));
        assertEquals(160, t.clientBytes(s));
        assertEquals(2, t.serverPackets(s));
        assertEquals(1540, t.serverBytes(s));
        assertEquals(T0, t.startNanos(s));
        assertEquals(T0 + 4, t.lastSeenNanos(s));

        // TCP state, flags (16 bits each), announced identification and the handshake times share
        // words with other state: each keeps its own bits.
        t.setTcpState(s, 0xFFF9);
        t.setFlags(s, 0x8001);
        t.setAnnouncedIdentification(s, 0xFFFF_FFFE);
        t.setClassificationSlot(s, 42);
        t.setServerRttRaw(s, SessionTable.RTT_AMBIGUOUS);
        t.setClientRttRaw(s, -5);
        t.setNextUpdateDeadline(s, Long.MAX_VALUE);
        assertEquals(0xFFF9, t.tcpState(s));
        assertEquals(0x8001, t.flags(s));
        assertEquals(0xFFFF_FFFE, t.announcedIdentification(s));
        assertEquals(42, t.classificationSlot(s));
        t.setDscp(s, 46);
        assertEquals(46, t.dscp(s));
        assertEquals(0x8001 | 46 << 8, t.flags(s), "the DSCP shares the flags' word, the flags keep their bits");
        t.setFlags(s, t.flags(s) & ~1);
        assertEquals(46, t.dscp(s));
        t.setFlags(s, t.flags(s) | 1);
        t.setDscp(s, 0);
        assertEquals(SessionTable.RTT_AMBIGUOUS, t.serverRttRaw(s));
        assertEquals(0, t.serverRttMicros(s));
        assertEquals(-5, t.clientRttRaw(s));
        assertEquals(Long.MAX_VALUE, t.nextUpdateDeadline(s));
        t.setTcpState(s, 3);
        t.setClassificationSlot(s, -1);
        t.setClientRttRaw(s, 1234);
        assertEquals(0x8001, t.flags(s));
        assertEquals(0xFFFF_FFFE, t.announcedIdentification(s));
        assertEquals(SessionTable.RTT_AMBIGUOUS, t.serverRttRaw(s));
        assertEquals(-1, t.classificationSlot(s));
        assertEquals(3, t.tcpState(s));
        assertEquals(1234, t.clientRttMicros(s));
        assertEquals(s, t.find(0, v4(1, 1, 1, 1), 1000, 0, v4(2, 2, 2, 2), 80, TCP, 0),
                "the handshake time beside the index hash leaves the lookup intact");
        t.setClassificationSlot(s, 42);

        // A reused index starts from zero.
        assertTrue(t.remove(s));
        int r = t.findOrCreate(0, v4(3, 3, 3, 3), 1, 0, v4(4, 4, 4, 4), 2, UDP, 0, T0 + 9);
        assertEquals(s, r);
        assertEquals(0, t.clientPackets(r) + t.serverBytes(r) + t.tcpState(r) + t.flags(r) + t.nextUpdateDeadline(r)
                + t.announcedIdentification(r) + t.serverRttRaw(r) + t.clientRttRaw(r));
        assertEquals(-1, t.classificationSlot(r), "no classification slot");
        assertEquals(T0 + 9, t.startNanos(r));
    }

    @Test
    void refusalAtMaxSessions() {
        SessionTable t = new SessionTable(3, 5);
        for (int i = 0; i < 3; i++) {
            assertTrue(t.findOrCreate(0, v4(10, 0, 0, i), 1, 0, v4(10, 0, 1, 0), 2, UDP, 0, T0) >= 0);
        }
        assertEquals(-1, t.findOrCreate(0, v4(10, 0, 0, 9), 1, 0, v4(10, 0, 1, 0), 2, UDP, 0, T0));
        assertEquals(-1, t.findOrCreate(0, v4(10, 0, 0, 8), 1, 0, v4(10, 0, 1, 0), 2, UDP, 0, T0));
        assertEquals(2, t.refused());
        assertEquals(3, t.size());
        // Existing sessions are still found when full.
        assertTrue(t.findOrCreate(0, v4(10, 0, 1, 0), 2, 0, v4(10, 0, 0, 1), 1, UDP, 0, T0) >= 0);
        assertEquals(2, t.refused());
        t.remove(t.find(0, v4(10, 0, 0, 0), 1, 0, v4(10, 0, 1, 0), 2, UDP, 0));
        assertTrue(t.findOrCreate(0, v4(10, 0, 0, 9), 1, 0, v4(10, 0, 1, 0), 2, UDP, 0, T0) >= 0);
        assertEquals(2, t.refused());
        assertEquals(4, t.created());
    }

    @Test
    void sessionIdWrapsSkippingZero() throws Exception {
        SessionTable t = new SessionTable(2, 6);
        java.lang.reflect.Field f = SessionTable.class.getDeclaredField("nextSessionId");
        f.setAccessible(true);
        f.setInt(t, -1);
        int a = t.findOrCreate(0, 1, 1, 0, 2, 2, UDP, 0, T0);
        int b = t.findOrCreate(0, 1, 1, 0, 3, 2, UDP, 0, T0);
        assertEquals(-1, t.sessionId(a));
        assertEquals(1, t.sessionId(b));
    }

    /** Every key collides into 4 home slots at the end of the table, so clusters wrap around. */
    @Test
    void backwardShiftKeepsRemainingKeysFindableAndIndicesStable() {
        int max = 16;
        SessionTable t = new SessionTable(max, 7, 0x3, 28); // capacity 32, homes 28..31
        assertEquals(32, t.capacity());
        Random rnd = new Random(7);
        int[] session = new int[max];
        for (int i = 0; i < max; i++) {
            session[i] = t.findOrCreate(0, 100 + i, i, 0, 1, 80, TCP, 0, T0);
            assertTrue(session[i] >= 0);
        }
        for (int round = 0; round < 2000; round++) {
            int victim = rnd.nextInt(max);
            if (session[victim] >= 0) {
                assertTrue(t.remove(session[victim]));
                assertFalse(t.remove(session[victim]));
                session[victim] = -1;
            } else {
                session[victim] = t.findOrCreate(0, 1, 80, 0, 100 + victim, victim, TCP, 0, T0);
                assertTrue(t.lastLookupCreated());
                assertTrue(t.lastLookupFromClient());
            }
            for (int i = 0; i < max; i++) {
                int found = t.find(0, 100 + i, i, 0, 1, 80, TCP, 0);
                assertEquals(session[i], found, "key " + i + " round " + round);
            }
        }
    }

    /** 1M random operations against a HashMap reference model, with collision-heavy hashing. */
    @Test
    void randomOperationsMatchReferenceModel() {
        for (int variant = 0; variant < 2; variant++) {
            runModel(variant == 0 ? new SessionTable(64, 11, 0x7, 0x78) : new SessionTable(64, 12),
                    variant + 100L, 500_000);
        }
    }

    private static final class Ep {
        final long hi;
        final long lo;
        final int port;

        Ep(long hi, long lo, int port) {
            this.hi = hi;
            this.lo = lo;
            this.port = port;
        }

        String key() {
            return hi + "/" + lo + "/" + port;
        }
    }

    private static final class Model {
        final int session;
        final String client;
        long c2sPackets;
        long s2cBytes;

        Model(int session, String client) {
            this.session = session;
            this.client = client;
        }
    }

    private static void runModel(SessionTable t, long seed, int ops) {
        Random rnd = new Random(seed);
        int flows = 200;
        Ep[] x = new Ep[flows];
        Ep[] y = new Ep[flows];
        int[] proto = new int[flows];
        int[] ctx = new int[flows];
        for (int f = 0; f < flows; f++) {
            boolean v6 = rnd.nextBoolean();
            x[f] = new Ep(v6 ? rnd.nextInt(3) : 0, v6 ? rnd.nextInt(3) : SessionTable.ipv4Lo(rnd.nextInt(3)), rnd.nextInt(3));
            y[f] = new Ep(v6 ? rnd.nextInt(3) : 0, v6 ? rnd.nextInt(3) : SessionTable.ipv4Lo(rnd.nextInt(3)), rnd.nextInt(3));
            proto[f] = rnd.nextBoolean() ? TCP : UDP;
            ctx[f] = rnd.nextInt(2);
        }
        Map<String, Model> model = new HashMap<>();
        Map<Integer, String> bySession = new HashMap<>();
        long refused = 0;
        for (int op = 0; op < ops; op++) {
            int f = rnd.nextInt(flows);
            boolean forward = rnd.nextBoolean();
            Ep src = forward ? x[f] : y[f];
            Ep dst = forward ? y[f] : x[f];
            String ks = src.key();
            String kd = dst.key();
            String key = (ks.compareTo(kd) <= 0 ? ks + "|" + kd : kd + "|" + ks) + "|" + proto[f] + "|" + ctx[f];
            Model m = model.get(key);
            int kind = rnd.nextInt(10);
            if (kind < 4) {
                int s = t.find(src.hi, src.lo, src.port, dst.hi, dst.lo, dst.port, proto[f], ctx[f]);
                assertEquals(m == null ? -1 : m.session, s);
                if (m != null) {
                    boolean fromClient = m.client.equals(ks);
                    assertEquals(fromClient, t.lastLookupFromClient());
                    t.addPacket(s, fromClient, 10, op);
                    if (fromClient) {
                        m.c2sPackets++;
                    } else {
                        m.s2cBytes += 10;
                    }
                }
            } else if (kind < 8) {
                int s = t.findOrCreate(src.hi, src.lo, src.port, dst.hi, dst.lo, dst.port, proto[f], ctx[f], op);
                if (m != null) {
                    assertEquals(m.session, s);
                    assertFalse(t.lastLookupCreated());
                    assertEquals(m.client.equals(ks), t.lastLookupFromClient());
                } else if (model.size() == t.maxSessions()) {
                    assertEquals(-1, s);
                    refused++;
                } else {
                    assertTrue(s >= 0);
                    assertTrue(t.lastLookupCreated());
                    assertTrue(t.lastLookupFromClient());
                    assertTrue(bySession.put(s, key) == null, "index of a live session reused");
                    model.put(key, new Model(s, ks));
                    assertEquals(ks, new Ep(t.clientAddrHi(s), t.clientAddrLo(s), t.clientPort(s)).key());
                    assertEquals(kd, new Ep(t.serverAddrHi(s), t.serverAddrLo(s), t.serverPort(s)).key());
                    assertEquals(0, t.clientPackets(s));
                }
            } else if (m != null) {
                assertEquals(m.c2sPackets, t.clientPackets(m.session));
                assertEquals(m.s2cBytes, t.serverBytes(m.session));
                assertTrue(t.remove(m.session));
                model.remove(key);
                bySession.remove(m.session);
            }
            assertEquals(model.size(), t.size());
            assertEquals(refused, t.refused());
        }
        // Iteration sees exactly the live sessions; removal of the current session during it is safe.
        Set<Integer> seen = new HashSet<>();
        t.forEach(s -> assertTrue(seen.add(s)));
        assertEquals(bySession.keySet(), seen);
        List<Integer> visited = new ArrayList<>();
        t.forEach(s -> {
            visited.add(s);
            assertTrue(t.remove(s));
        });
        assertEquals(seen, new HashSet<>(visited));
        assertEquals(seen.size(), visited.size());
        assertEquals(0, t.size());
        for (int f = 0; f < flows; f++) {
            assertEquals(-1, t.find(x[f].hi, x[f].lo, x[f].port, y[f].hi, y[f].lo, y[f].port, proto[f], ctx[f]));
        }
    }

    @Test
    void zeroAllocationAfterWarmUp() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        int n = 10_000;
        SessionTable t = new SessionTable(n, 13);
        long[] lo = new long[n];
        Random rnd = new Random(13);
        for (int i = 0; i < n; i++) {
            lo[i] = rnd.nextLong();
        }
        long sink = 0;
        for (int round = 0; round < 30; round++) {
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < n; i++) {
                int s = t.findOrCreate(1, lo[i], 1000 + (i & 255), 2, 7, 443, TCP, 3, i);
                t.addPacket(s, t.lastLookupFromClient(), 100, i);
                int r = t.find(2, 7, 443, 1, lo[i], 1000 + (i & 255), TCP, 3);
                t.addPacket(r, t.lastLookupFromClient(), 60, i);
                t.setClassificationSlot(r, i);
                sink += t.clientPackets(r) + t.find(3, lo[i], 1, 3, 1, 1, UDP, 0);
            }
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            if (round >= 20) {
                // Per-operation allocation would be >= n bytes; the JVM itself may add a few dozen.
                assertTrue(allocated < 1024, allocated + " bytes allocated in round " + round);
            }
        }
        assertTrue(sink != 0);
        assertEquals(n, t.size());
    }

    @Test
    void prefetchChangesNothing() {
        SessionTable t = new SessionTable(64, 17, 0x7, 0x78); // collisions: prefetch meets other keys
        long c = v4(10, 0, 0, 2);
        int a = t.findOrCreate(0, c, 40000, 0, v4(10, 0, 0, 1), 443, TCP, 7, T0);
        int b = t.findOrCreate(0, c, 40001, 0, v4(10, 0, 0, 1), 443, TCP, 7, T0);
        t.addPacket(a, true, 60, T0);
        t.prefetch(0, v4(10, 0, 0, 1), 443, 0, c, 40000, TCP, 7);
        t.prefetch(0, c, 40002, 0, v4(10, 0, 0, 1), 443, TCP, 7); // absent
        t.prefetch(0, c, 40001, 0, v4(10, 0, 0, 1), 443, UDP, 7); // absent, other protocol
        assertEquals(2, t.size());
        assertEquals(1, t.clientPackets(a));
        assertEquals(0, t.clientPackets(b));
        assertEquals(a, t.find(0, v4(10, 0, 0, 1), 443, 0, c, 40000, TCP, 7));
        assertFalse(t.lastLookupFromClient());
        assertEquals(-1, t.find(0, c, 40002, 0, v4(10, 0, 0, 1), 443, TCP, 7));
    }

    @Test
    void memoryPerSessionAtOneMillion() {
        int n = 1_000_000;
        Runtime rt = Runtime.getRuntime();
        long usedBefore = usedAfterGc(rt);
        SessionTable t = new SessionTable(n, 14);
        long usedAfter = usedAfterGc(rt);
        double computed = (double) t.memoryBytes() / n;
        double measured = (double) (usedAfter - usedBefore) / n;
        System.out.printf("SessionTable at %d sessions: %.1f B/session computed, %.1f B/session measured%n",
                n, computed, measured);
        assertTrue(computed <= 160, "computed " + computed);
        assertTrue(measured <= 160, "measured " + measured);
        assertTrue(measured > 100, "measured " + measured + " (GC measurement broken?)");
        // Full table: still nothing more allocated per session.
        for (int i = 0; i < n; i++) {
            t.findOrCreate(0, i, 1, 0, -1, 2, TCP, 0, i);
        }
        assertEquals(n, t.size());
        assertEquals(-1, t.findOrCreate(0, n, 1, 0, -1, 2, TCP, 0, 0));
        double full = (double) (usedAfterGc(rt) - usedBefore) / n;
        assertTrue(full <= 160, "measured full " + full);
        assertEquals(n, t.size());
    }

    private static long usedAfterGc(Runtime rt) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    @Test
    void worstCaseMemoryBound() {
        // Just above a power of two: capacity 4 * 2^k slots.
        SessionTable t = new SessionTable((1 << 16) + 1, 15);
        assertTrue((double) t.memoryBytes() / t.maxSessions() <= 160.5);
        assertEquals(1 << 18, t.capacity());
        assertEquals(4, new SessionTable(1, 1).capacity());
        assertEquals(1 << 21, new SessionTable(1 << 20, 1).capacity());
    }

    @Test
    void iterationToleratesRemovalAndCreationAndClearResets() {
        SessionTable t = new SessionTable(32, 16);
        for (int i = 0; i < 20; i++) {
            t.findOrCreate(0, i, 1, 0, 100, 2, UDP, 0, T0);
        }
        Set<Integer> visited = new HashSet<>();
        int[] createdDuring = {0};
        t.forEach(s -> {
            assertTrue(visited.add(s), "visited twice: " + s);
            if (t.clientAddrLo(s) % 2 == 0) {
                assertTrue(t.remove(s));
            } else if (createdDuring[0] < 5) {
                createdDuring[0]++;
                t.findOrCreate(0, 1000 + s, 1, 0, 100, 2, UDP, 0, T0);
            }
        });
        assertEquals(20, visited.size());
        assertEquals(15, t.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(i % 2 == 0, t.find(0, i, 1, 0, 100, 2, UDP, 0) < 0);
        }
        assertFalse(t.remove(-1));
        assertFalse(t.remove(32));
        assertFalse(t.isLive(-1));
        t.clear();
        assertEquals(0, t.size());
        assertEquals(-1, t.find(0, 1, 1, 0, 100, 2, UDP, 0));
        Set<Integer> indices = new HashSet<>();
        for (int i = 0; i < 32; i++) {
            int s = t.findOrCreate(0, i, 1, 0, 100, 2, UDP, 0, T0);
            assertTrue(s >= 0 && s < 32);
            indices.add(s);
        }
        assertEquals(32, indices.size());
        assertEquals(-1, t.findOrCreate(0, 99, 1, 0, 100, 2, UDP, 0, T0));
    }
}
