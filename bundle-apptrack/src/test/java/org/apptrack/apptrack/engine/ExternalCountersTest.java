package org.apptrack.apptrack.engine;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.FIN;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.RST;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.testsupport.packets.Frames;
import org.junit.jupiter.api.Test;

/** The engine's seam for counts from a source other than packets (a switch's flow statistics). */
class ExternalCountersTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * S;

    private final Recorder rec = new Recorder();
    private final AppTrackEngine engine = new AppTrackEngine(EngineSettings.builder()
            .sessionUpdateInterval(Duration.ofSeconds(60)).tcpTimeout(Duration.ofSeconds(300)).build(), rec);

    ExternalCountersTest() {
        rec.engine = engine;
        engine.externalGraceNanos(20 * S);
    }

    private void send(byte[] frame, long at) {
        engine.onFrame(ByteBuffer.wrap(frame), 0, T0 + at);
    }

    /** Handshake and one request (3 client, 1 server packets), then both directions counted outside. */
    private int offloadedSession() {
        send(Frames.tcp(A, 40000, B, 443, SYN), 0);
        send(Frames.tcp(B, 443, A, 40000, SYN | ACK), S / 100);
        send(Frames.tcp(A, 40000, B, 443, ACK), S / 50);
        send(Frames.tcp(A, 40000, B, 443, PSH | ACK, 200), S / 20);
        int s = engine.lastSession();
        assertTrue(engine.lastFromClient());
        int id = engine.table().sessionId(s);
        assertTrue(engine.countExternally(s, id, true, T0 + S));
        assertTrue(engine.countExternally(s, id, false, T0 + S));
        return s;
    }

    @Test
    void outsideCountsAddToWhatPacketsCountedAndMakeVolumeUpdatesDue() {
        int s = offloadedSession();
        int id = engine.table().sessionId(s);
        assertTrue(engine.externalCounters(s, id, true, 100, 100_000, T0 + 30 * S));
        assertTrue(rec.of("updated").isEmpty(), "not due before the interval");
        assertTrue(engine.externalCounters(s, id, false, 200, 300_000, T0 + 61 * S));
        Recorder.Event u = rec.only("updated");
        assertEquals(3 + 100, u.cPkts);
        assertEquals(2 * 40 + 240 + 100_000, u.cBytes);
        assertEquals(1 + 200, u.sPkts);
        assertEquals(T0 + 61 * S, u.atNanos);
        assertTrue(engine.externalCounters(s, id, false, 0, 0, T0 + 62 * S), "nothing new changes nothing");
        assertEquals(T0 + 61 * S, engine.table().lastSeenNanos(s));
        assertFalse(engine.externalCounters(s, id + 1, true, 1, 1, T0 + 62 * S), "another session id is refused");
    }

    @Test
    void theSwitchKeepsTheSessionAliveAndTheGraceIsOnlyASafetyNet() {
        int s = offloadedSession();
        int id = engine.table().sessionId(s);
        for (long t = 100; t <= 1000; t += 100) {
            engine.externalCounters(s, id, true, 10, 1000, T0 + t * S);
        }
        engine.advanceTime(T0 + 1000 * S + 300 * S + 10 * S);
        assertEquals(1, engine.active(), "tcpTimeout 300 s after the last count, plus the grace, has not passed");
        engine.advanceTime(T0 + 1000 * S + 320 * S);
        assertEquals(CloseReason.IDLE_TIMEOUT, rec.only("closed").reason);
    }

    @Test
    void theSourceClosesWithTheReasonThePacketsGaveOrIdleTimeout() {
        int s = offloadedSession();
        int id = engine.table().sessionId(s);
        engine.externalCounters(s, id, true, 50, 5000, T0 + 10 * S);
        assertTrue(engine.closeExternal(s, id, null, T0 + 20 * S));
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.IDLE_TIMEOUT, c.reason);
        assertEquals(53, c.cPkts);
        assertFalse(engine.closeExternal(s, id, null, T0 + 21 * S), "closed once");
    }

    @Test
    void finsSeenInPuntedPacketsAreReportedOnceAndTheCloseWaitsForTheFinalCounts() {
        int s = offloadedSession();
        int id = engine.table().sessionId(s);
        send(Frames.tcp(A, 40000, B, 443, FIN | ACK), 40 * S);
        assertTrue(rec.of("ending").isEmpty(), "one FIN is a half-close");
        send(Frames.tcp(B, 443, A, 40000, FIN | ACK), 41 * S);
        assertEquals(CloseReason.TCP_FIN, rec.only("ending").reason);
        send(Frames.tcp(A, 40000, B, 443, ACK), 41 * S + 1);
        assertEquals(1, rec.of("ending").size(), "once");
        assertEquals(1, engine.active(), "open until the source's final counts");
        engine.externalCounters(s, id, false, 7, 7000, T0 + 42 * S);
        engine.closeExternal(s, id, null, T0 + 42 * S);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.TCP_FIN, c.reason);
        assertEquals(3 + 2, c.cPkts, "the punted FIN and last ACK counted once, by the packets");
        assertEquals(1 + 1 + 7, c.sPkts);
    }

    @Test
    void aRstEndsTheSessionEvenWithRstInvalidateSession() {
        Recorder r = new Recorder();
        AppTrackEngine e = new AppTrackEngine(EngineSettings.builder().rstInvalidateSession(true).build(), r);
        r.engine = e;
        e.onFrame(ByteBuffer.wrap(Frames.tcp(A, 40000, B, 443, SYN)), 0, T0);
        int s = e.lastSession();
        int id = e.table().sessionId(s);
        e.countExternally(s, id, true, T0);
        e.onFrame(ByteBuffer.wrap(Frames.tcp(B, 443, A, 40000, RST | ACK)), 0, T0 + S);
        assertEquals(CloseReason.TCP_SERVER_RST, r.only("ending").reason);
        assertEquals(1, e.active(), "the source's final counts come first");
        e.closeExternal(s, id, null, T0 + 2 * S);
        assertEquals(CloseReason.TCP_SERVER_RST, r.only("closed").reason);
    }

    @Test
    void anAdoptedSessionKeepsItsIdentityAndIsNotCreatedAgain() {
        AdoptedSession a = new AdoptedSession()
                .tuple(0, SessionTable.ipv4Lo(A), 40000, 0, SessionTable.ipv4Lo(B), 443, Protocols.TCP, 0)
                .identity(77, T0 - 100 * S).counts(10, 1000, 20, 20_000).state(0, 0, 0, 0, 0)
                .countedOutside(true, true);
        int s = engine.adopt(a, T0);
        assertEquals(77, engine.table().sessionId(s));
        assertEquals(s, engine.sessionOfId(77));
        assertTrue(rec.events.isEmpty(), "no create");
        engine.externalCounters(s, 77, true, 5, 500, T0 + S);
        engine.closeExternal(s, 77, null, T0 + 2 * S);
        Recorder.Event c = rec.only("closed");
        assertEquals(15, c.cPkts);
        assertEquals(20, c.sPkts);
        assertEquals(77, c.sessionId);
    }

    @Test
    void aReleasedSessionLeavesWithoutAClose() {
        int s = offloadedSession();
        int id = engine.table().sessionId(s);
        assertTrue(engine.release(s, id, T0 + 5 * S));
        assertEquals(0, engine.active());
        assertTrue(rec.of("closed").isEmpty());
        assertEquals(1, engine.counters().get(EngineCounter.SESSIONS_RELEASED));
    }
}
