package org.apptrack.apptrack.engine;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.C;
import static org.apptrack.testsupport.packets.Packets.FIN;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.RST;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Test;

class AppTrackEngineTest {

    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    /** An arbitrary epoch-like origin so times are not near 0. */
    private static final long T0 = 1_700_000_000L * S;

    private Recorder rec;
    private AppTrackEngine engine;

    private void start(EngineSettings settings) {
        rec = new Recorder();
        engine = new AppTrackEngine(settings, rec);
        rec.engine = engine;
    }

    private void start() {
        start(EngineSettings.defaults());
    }

    /** Junos rst-invalidate-session and fin-invalidate-session: an ended connection's session closes at once. */
    private void startInvalidating() {
        start(EngineSettings.builder().rstInvalidateSession(true).finInvalidateSession(true).build());
    }

    private boolean send(byte[] frame, long atNanos) {
        return engine.onFrame(ByteBuffer.wrap(frame), 0, T0 + atNanos);
    }

    /** Client A:40000 -> server B:80, 3-way handshake at t = 0, 10 ms, 20 ms. */
    private void handshake() {
        assertTrue(send(Frames.tcp(A, 40000, B, 80, SYN), 0));
        assertTrue(send(Frames.tcp(B, 80, A, 40000, SYN | ACK), 10 * MS));
        assertTrue(send(Frames.tcp(A, 40000, B, 80, ACK), 20 * MS));
    }

    private byte[] c2s(int flags) {
        return Frames.tcp(A, 40000, B, 80, flags);
    }

    private byte[] s2c(int flags) {
        return Frames.tcp(B, 80, A, 40000, flags);
    }

    // ------------------------------------------------------------------ TCP

    @Test
    void fourWayCloseClosesOnLastAckWithPerDirectionCounts() {
        startInvalidating();
        handshake();
        send(Frames.tcp(A, 40000, B, 80, PSH | ACK, 100), 30 * MS);
        send(Frames.tcp(B, 80, A, 40000, PSH | ACK, 1000), 40 * MS);
        send(c2s(FIN | ACK), 50 * MS);
        send(s2c(FIN | ACK), 60 * MS);
        assertEquals(1, engine.active(), "open until the last ACK");
        send(c2s(ACK), 70 * MS);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.TCP_FIN, c.reason);
        assertEquals(T0 + 70 * MS, c.atNanos);
        assertEquals(5, c.cPkts);
        assertEquals(5 * 40 + 100, c.cBytes);
        assertEquals(3, c.sPkts);
        assertEquals(3 * 40 + 1000, c.sBytes);
        assertEquals(40000, c.clientPort);
        assertEquals(80, c.serverPort);
        assertEquals(0, engine.active());
        assertEquals(1, engine.counters().closedBy(CloseReason.TCP_FIN));
        assertEquals(List.of("created", "closed"), types());
    }

    @Test
    void bothFinsWithoutLastAckCloseTcpFinAfterClosingTimeout() {
        start();
        handshake();
        send(c2s(FIN | ACK), 1 * S);
        send(s2c(FIN | ACK), 2 * S);
        engine.advanceTime(T0 + 11 * S);
        assertEquals(1, engine.active());
        engine.advanceTime(T0 + 13 * S);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.TCP_FIN, c.reason);
        assertEquals(T0 + 12 * S, c.atNanos, "deadline = last packet + 10 s");
    }

    @Test
    void fourWayCloseLingersTwoSecondsAndCountsStragglers() {
        start();
        handshake();
        send(c2s(FIN | ACK), 50 * MS);
        send(s2c(FIN | ACK), 60 * MS);
        send(c2s(ACK), 70 * MS);
        assertEquals(1, engine.active(), "the session lingers after the last ACK");
        send(s2c(FIN | ACK), 500 * MS); // the server's FIN again: its ACK was lost
        send(c2s(ACK), 510 * MS);
        assertEquals(1, engine.counters().get(EngineCounter.SESSIONS_CREATED), "stragglers open no session");
        engine.advanceTime(T0 + 2509 * MS);
        assertEquals(1, engine.active());
        engine.advanceTime(T0 + 2600 * MS);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.TCP_FIN, c.reason);
        assertEquals(T0 + 2510 * MS, c.atNanos, "the linger ends 2 s after the last packet");
        assertEquals(5, c.cPkts);
        assertEquals(3, c.sPkts);
    }

    @Test
    void simultaneousCloseClosesOnAckFromOtherSideOfSecondFin() {
        startInvalidating();
        handshake();
        send(c2s(FIN | ACK), 1 * S);
        send(s2c(FIN | ACK), 1 * S);
        send(s2c(ACK), 1 * S + MS); // server ACKs the client's FIN: second FIN was the server's
        assertEquals(1, engine.active());
        send(c2s(ACK), 1 * S + 2 * MS);
        assertEquals(CloseReason.TCP_FIN, rec.only("closed").reason);
        assertEquals(4, rec.only("closed").cPkts);
        assertEquals(3, rec.only("closed").sPkts);
    }

    @Test
    void clientRstAndServerRst() {
        startInvalidating();
        handshake();
        send(c2s(RST | ACK), 1 * S);
        assertEquals(CloseReason.TCP_CLIENT_RST, rec.only("closed").reason);
        startInvalidating();
        handshake();
        send(s2c(RST), 1 * S);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.TCP_SERVER_RST, c.reason);
        assertEquals(2, c.sPkts);
    }

    @Test
    void rstLingersAndCountsThePeersPacketsInFlight() {
        start();
        handshake();
        send(Frames.tcp(A, 40000, B, 80, PSH | ACK, 100), 1 * S);
        send(s2c(RST), 1 * S + MS);
        send(Frames.tcp(A, 40000, B, 80, PSH | ACK, 100), 1 * S + 2 * MS); // sent before the RST arrived
        send(c2s(RST), 1 * S + 3 * MS); // the client's answer to the server's RST... and a second RST
        assertEquals(1, engine.counters().get(EngineCounter.SESSIONS_CREATED), "packets after a RST are the same connection's");
        assertEquals(0, rec.of("closed").size());
        engine.advanceTime(T0 + 4 * S);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.TCP_SERVER_RST, c.reason, "the first RST names the reason");
        assertEquals(T0 + 3 * S + 3 * MS, c.atNanos);
        assertEquals(5, c.cPkts);
        assertEquals(2, c.sPkts);
        assertEquals(1, engine.counters().closedBy(CloseReason.TCP_SERVER_RST));
    }

    @Test
    void synAfterRstStartsANewSessionAtOnce() {
        start();
        send(c2s(SYN), 0);
        send(s2c(RST | ACK), MS);
        send(c2s(SYN), 1 * S); // the client retries on the same port within the linger
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.TCP_SERVER_RST, c.reason);
        assertEquals(T0 + 1 * S, c.atNanos, "the retry ends the refused session");
        assertEquals(1, c.cPkts);
        assertEquals(1, c.sPkts);
        assertEquals(2, engine.counters().get(EngineCounter.SESSIONS_CREATED));
        assertEquals(1, engine.active());
    }

    @Test
    void synThenServerRstIsRefusedConnection() {
        startInvalidating();
        send(c2s(SYN), 0);
        send(s2c(RST | ACK), MS);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.TCP_SERVER_RST, c.reason);
        assertEquals(1, c.cPkts);
        assertEquals(1, c.sPkts);
        assertEquals(T0 + MS, c.atNanos);
    }

    @Test
    void refusedConnectionLingersByDefault() {
        start();
        send(c2s(SYN), 0);
        send(s2c(RST | ACK), MS);
        assertEquals(1, engine.active());
        engine.advanceTime(T0 + 3 * S);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.TCP_SERVER_RST, c.reason);
        assertEquals(T0 + 2 * S + MS, c.atNanos);
    }

    @Test
    void rstAfterFinClosesAsRst() {
        startInvalidating();
        handshake();
        send(c2s(FIN | ACK), 1 * S);
        send(s2c(RST), 2 * S);
        assertEquals(CloseReason.TCP_SERVER_RST, rec.only("closed").reason);
        startInvalidating();
        handshake();
        send(c2s(FIN | ACK), 1 * S);
        send(s2c(FIN | ACK), 2 * S);
        send(c2s(RST), 3 * S);
        assertEquals(CloseReason.TCP_CLIENT_RST, rec.only("closed").reason);
        start(); // lingering: a RST during the FIN linger still names the reason
        handshake();
        send(c2s(FIN | ACK), 1 * S);
        send(s2c(FIN | ACK), 2 * S);
        send(c2s(ACK), 2 * S + MS);
        send(s2c(RST), 3 * S);
        engine.advanceTime(T0 + 6 * S);
        assertEquals(CloseReason.TCP_SERVER_RST, rec.only("closed").reason);
        assertEquals(T0 + 5 * S, rec.only("closed").atNanos);
    }

    @Test
    void synOnlyAgesOutAfterInitialTimeout() {
        start();
        send(c2s(SYN), 0);
        engine.advanceTime(T0 + 19 * S);
        assertEquals(1, engine.active());
        engine.advanceTime(T0 + 21 * S);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.IDLE_TIMEOUT, c.reason);
        assertEquals(T0 + 20 * S, c.atNanos);
        assertEquals("idle Timeout", c.reason.wireName());
    }

    @Test
    void retransmittedSynStaysOneSession() {
        start();
        send(c2s(SYN), 0);
        send(c2s(SYN), 3 * S);
        send(c2s(SYN), 9 * S);
        assertEquals(1, engine.counters().get(EngineCounter.SESSIONS_CREATED));
        engine.advanceTime(T0 + 40 * S);
        Recorder.Event c = rec.only("closed");
        assertEquals(3, c.cPkts);
        assertEquals(T0 + 29 * S, c.atNanos);
    }

    @Test
    void finFromOneSideThenIdleAgesOut() {
        start();
        handshake();
        send(c2s(FIN | ACK), 1 * S);
        send(s2c(ACK), 2 * S);
        engine.advanceTime(T0 + 1801 * S);
        assertEquals(1, engine.active());
        engine.advanceTime(T0 + 1803 * S);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.IDLE_TIMEOUT, c.reason);
        assertEquals(T0 + 1802 * S, c.atNanos);
    }

    @Test
    void midStreamPickupServerIsTheLowerPort() {
        startInvalidating();
        send(Frames.tcp(B, 80, A, 40000, PSH | ACK, 500), 0); // the server's data comes first
        send(Frames.tcp(A, 40000, B, 80, ACK), 1 * S);
        assertEquals(1, engine.active());
        engine.advanceTime(T0 + 100 * S); // established timeout, not the 20 s initial one
        assertEquals(1, engine.active());
        send(Frames.tcp(A, 40000, B, 80, FIN | ACK), 200 * S);
        send(Frames.tcp(B, 80, A, 40000, FIN | ACK), 201 * S);
        send(Frames.tcp(A, 40000, B, 80, ACK), 202 * S);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.TCP_FIN, c.reason);
        assertEquals(40000, c.clientPort);
        assertEquals(80, c.serverPort);
        assertEquals(3, c.cPkts);
        assertEquals(3 * 40, c.cBytes);
        assertEquals(2, c.sPkts);
        assertEquals(540 + 40, c.sBytes);
    }

    @Test
    void midStreamPickupWithEqualPortsTakesTheSenderAsClient() {
        start();
        send(Frames.tcp(B, 5000, A, 5000, ACK), 0);
        assertEquals(1, engine.active());
        assertEquals(5000, rec.only("created").clientPort);
        assertEquals(SessionTable.ipv4Lo(B), rec.only("created").clientAddrLo);
    }

    @Test
    void synAckFirstComesFromTheServer() {
        start();
        send(Frames.tcp(B, 8080, A, 3306, SYN | ACK), 0); // the lower port is the client's: the SYN-ACK decides
        Recorder.Event created = rec.only("created");
        assertEquals(3306, created.clientPort);
        assertEquals(8080, created.serverPort);
        assertEquals(0, created.cPkts);
        assertEquals(1, created.sPkts);
    }

    @Test
    void stragglerAfterTheSessionEndedKeepsItsClient() {
        start();
        handshake();
        send(c2s(RST), 1 * S);
        engine.advanceTime(T0 + 4 * S);
        send(s2c(ACK), 5 * S); // a late ACK from the server, long after the linger
        List<Recorder.Event> created = rec.of("created");
        assertEquals(2, created.size());
        assertEquals(40000, created.get(1).clientPort, "the lower port (80) is the server's");
        assertEquals(0, created.get(1).cPkts);
        assertEquals(1, created.get(1).sPkts);
    }

    @Test
    void rstWithoutSessionCreatesNothing() {
        start();
        assertFalse(send(c2s(RST), 0));
        assertEquals(0, engine.active());
        assertEquals(1, engine.counters().get(EngineCounter.TCP_RST_WITHOUT_SESSION));
    }

    // ------------------------------------------------------------------ ICMP, DNS, UDP

    @Test
    void echoReplyClosesResponseReceived() {
        start();
        send(Frames.echo(A, B, false, 77), 0);
        send(Frames.echo(B, A, true, 77), 5 * MS);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.RESPONSE_RECEIVED, c.reason);
        assertEquals("response received", c.reason.wireName());
        assertEquals(1, c.cPkts);
        assertEquals(1, c.sPkts);
        assertEquals(60, c.cBytes);
    }

    @Test
    void icmpv6EchoReplyClosesResponseReceived() {
        start();
        send(Frames.echo6(1, 2, false, 5), 0);
        send(Frames.echo6(2, 1, true, 5), MS);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.RESPONSE_RECEIVED, c.reason);
        assertEquals(58, c.protocol);
        assertEquals(64, c.cBytes);
        assertEquals(64, c.sBytes);
    }

    @Test
    void icmpErrorQuotingAnEchoClosesTheEchoSession() {
        start();
        send(Frames.echo(A, B, false, 42), 0);
        send(Frames.timeExceededForEcho(C, A, A, B, 42), MS);
        assertEquals(CloseReason.ICMP_ERROR, rec.only("closed").reason);
        assertEquals(1, engine.counters().closedBy(CloseReason.ICMP_ERROR));
    }

    @Test
    void unansweredEchoAgesOutAfterSixtySeconds() {
        start();
        send(Frames.echo(A, B, false, 42), 0);
        send(Frames.echo(A, B, false, 42), 1 * S);
        engine.advanceTime(T0 + 62 * S);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.IDLE_TIMEOUT, c.reason);
        assertEquals(T0 + 61 * S, c.atNanos);
        assertEquals(2, c.cPkts);
    }

    @Test
    void dnsResponseClosesWhenEveryQueryIsAnswered() {
        start();
        send(Frames.dns(A, 5353, B, 53, false), 0);
        send(Frames.dns(A, 5353, B, 53, false), MS);
        send(Frames.dns(B, 53, A, 5353, true), 2 * MS);
        assertEquals(1, engine.active());
        send(Frames.dns(B, 53, A, 5353, true), 3 * MS);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.RESPONSE_RECEIVED, c.reason);
        assertEquals(2, c.cPkts);
        assertEquals(2, c.sPkts);
    }

    @Test
    void dnsCloseCanBeDisabled() {
        start(EngineSettings.builder().dnsCloseOnResponse(false).build());
        send(Frames.dns(A, 5353, B, 53, false), 0);
        send(Frames.dns(B, 53, A, 5353, true), MS);
        assertEquals(1, engine.active());
    }

    @Test
    void icmpErrorForATcpSessionLeavesItOpen() {
        start();
        handshake();
        assertFalse(send(Frames.unreachableForTcp(C, A, A, 40000, B, 80), 1 * S));
        assertEquals(1, engine.active(), "a TCP connection ends by its own FIN or RST");
        assertEquals(0, engine.counters().closedBy(CloseReason.ICMP_ERROR));
    }

    @Test
    void echoReplyFirstIsTheServersAndClosesAtOnce() {
        start();
        send(Frames.echo(B, A, true, 9), 0);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.RESPONSE_RECEIVED, c.reason);
        assertEquals(SessionTable.ipv4Lo(A), c.clientAddrLo);
        assertEquals(0, c.cPkts);
        assertEquals(1, c.sPkts);
    }

    @Test
    void udpAnswerFromAWellKnownPortFirstIsTheServers() {
        start();
        send(Frames.dns(B, 53, A, 40001, true), 0);
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.RESPONSE_RECEIVED, c.reason, "a late DNS answer ends its own session");
        assertEquals(40001, c.clientPort);
        assertEquals(53, c.serverPort);
        assertEquals(1, c.sPkts);
    }

    @Test
    void icmpErrorClosesTheQuotedSession() {
        start();
        send(Frames.udp(A, 5000, B, 9999, 10), 0);
        send(Frames.udp(A, 5001, B, 9999, 10), 0);
        assertTrue(send(Frames.unreachableForUdp(B, A, A, 5000, B, 9999), MS));
        Recorder.Event c = rec.only("closed");
        assertEquals(CloseReason.ICMP_ERROR, c.reason);
        assertEquals(5000, c.clientPort);
        assertEquals(1, c.cPkts);
        assertEquals(1, engine.active());
        assertFalse(send(Frames.unreachableForUdp(B, A, A, 6000, B, 9999), 2 * MS));
        assertEquals(1, engine.counters().get(EngineCounter.ICMP_ERRORS_WITHOUT_SESSION));
    }

    @Test
    void udpAgesOutAndALatePacketStartsANewSession() {
        start();
        send(Frames.udp(A, 5000, B, 7000, 10), 0);
        send(Frames.udp(B, 7000, A, 5000, 10), 30 * S);
        // 90 s + 50 ms: same wheel tick as the deadline at 90 s; the packet's own session is checked exactly
        send(Frames.udp(B, 7000, A, 5000, 10), 90 * S + 50 * MS);
        List<Recorder.Event> closed = rec.of("closed");
        assertEquals(1, closed.size());
        assertEquals(CloseReason.IDLE_TIMEOUT, closed.get(0).reason);
        assertEquals(T0 + 90 * S, closed.get(0).atNanos);
        assertEquals(2, engine.counters().get(EngineCounter.SESSIONS_CREATED));
        Recorder.Event second = rec.of("created").get(1);
        assertEquals(7000, second.clientPort, "the new session's client is the late packet's sender");
    }

    // ------------------------------------------------------------------ intervals

    private byte[] u(boolean fromClient) {
        return fromClient ? Frames.udp(A, 5000, B, 7000, 10) : Frames.udp(B, 7000, A, 5000, 10);
    }

    private long[] updateTimes() {
        return rec.of("updated").stream().mapToLong(e -> (e.atNanos - T0) / S).toArray();
    }

    private void longTcp(long... seconds) {
        handshake();
        for (long s : seconds) {
            send(c2s(ACK), s * S);
        }
    }

    @Test
    void shortSessionGetsOnlyCreateAndClose() {
        start();
        handshake();
        send(c2s(FIN | ACK), 297 * S);
        send(s2c(FIN | ACK), 298 * S);
        send(c2s(ACK), 299 * S);
        engine.advanceTime(T0 + 302 * S); // the linger ends at 301 s
        assertEquals(List.of("created", "closed"), types());
    }

    @Test
    void updateEverySessionUpdateIntervalWhenAPacketArrives() {
        start();
        longTcp(100, 300, 301, 500, 601, 602, 1000);
        // > 300 s since start: 301; then > 300 s since 301: 602 (601 is not greater); then 1000 > 902
        assertArrayEquals(new long[] {301, 602, 1000}, updateTimes());
        Recorder.Event u = rec.of("updated").get(0);
        assertEquals(5, u.cPkts, "SYN, ACK, 100, 300 and the triggering packet");
    }

    @Test
    void firstUpdateIntervalThenSessionUpdateInterval() {
        start(EngineSettings.builder().firstUpdateInterval(Duration.ofMinutes(1)).build());
        longTcp(60, 61, 361, 362, 700);
        assertArrayEquals(new long[] {61, 362, 700}, updateTimes());
    }

    @Test
    void deprecatedFirstUpdateWinsOverFirstUpdateInterval() {
        start(EngineSettings.builder().firstUpdateInterval(Duration.ofMinutes(1)).firstUpdate(true)
                .sessionUpdateInterval(Duration.ofMinutes(4)).build());
        longTcp(61, 240, 241, 482);
        // first-update-interval is disregarded: the first update waits for the session update
        // interval; first-update's own start message is the create message (AppTrackSettings).
        assertArrayEquals(new long[] {241, 482}, updateTimes());
    }

    @Test
    void updatesOnlyWhenAPacketArrives() {
        start();
        handshake();
        engine.advanceTime(T0 + 1000 * S);
        assertEquals(0, rec.of("updated").size());
        send(c2s(ACK), 1001 * S);
        assertArrayEquals(new long[] {1001}, updateTimes());
    }

    @Test
    void noVolumeUpdates() {
        start(EngineSettings.builder().volumeUpdates(false).build());
        longTcp(400, 800);
        assertEquals(0, rec.of("updated").size());
    }

    @Test
    void udpUpdatesFromEitherDirection() {
        start(EngineSettings.builder().udpTimeout(Duration.ofHours(1)).build());
        send(u(true), 0);
        send(u(false), 301 * S);
        assertArrayEquals(new long[] {301}, updateTimes());
        assertEquals(1, rec.only("updated").sPkts);
    }

    // ------------------------------------------------------------------ table, bulk closes

    @Test
    void tableFullRefusalIsCounted() {
        start(EngineSettings.builder().maxSessions(2).build());
        assertTrue(send(Frames.udp(A, 1, B, 53, 1), 0));
        assertTrue(send(Frames.udp(A, 2, B, 53, 1), 0));
        assertFalse(send(Frames.udp(A, 3, B, 53, 1), 0));
        assertEquals(1, engine.table().refused());
        assertEquals(2, engine.active());
        assertTrue(send(Frames.udp(B, 53, A, 2, 1), 0), "existing sessions still work");
    }

    @Test
    void expireAllClosesInDeadlineOrderAtDeadlines() {
        start();
        send(Frames.tcp(A, 40000, B, 80, SYN), 0);                 // SYN only: 0 + 20
        send(Frames.tcp(C, 1000, B, 22, ACK), 5 * S);              // established: 5 + 1800
        send(Frames.udp(A, 5000, B, 7000, 10), 10 * S);            // 10 + 60
        send(Frames.echo(A, B, false, 9), 30 * S);                 // 30 + 60
        send(Frames.udp(C, 5000, B, 7000, 10), 30 * S);            // 30 + 60 (tie)
        send(Frames.tcp(C, 2000, B, 80, ACK), 25 * S);             // clamped to 30 s: time never goes back
        send(Frames.tcp(C, 2000, B, 80, FIN | ACK), 31 * S);
        send(Frames.tcp(B, 80, C, 2000, FIN | ACK), 32 * S);       // closing: 32 + 10
        engine.expireAll(T0 + 40 * S);
        List<Recorder.Event> closed = rec.of("closed");
        assertEquals(6, closed.size());
        long[] times = closed.stream().mapToLong(e -> (e.atNanos - T0) / S).toArray();
        assertArrayEquals(new long[] {20, 42, 70, 90, 90, 1805}, java.util.Arrays.copyOf(times, 6));
        assertEquals(CloseReason.IDLE_TIMEOUT, closed.get(0).reason);
        assertEquals(CloseReason.TCP_FIN, closed.get(1).reason);
        assertEquals(CloseReason.IDLE_TIMEOUT, closed.get(2).reason);
        assertEquals(0, engine.active());
        for (int i = 1; i < closed.size(); i++) {
            assertTrue(closed.get(i).atNanos >= closed.get(i - 1).atNanos, rec.events.toString());
        }
    }

    @Test
    void closeAllWithEveryAdministrativeReason() {
        for (CloseReason r : new CloseReason[] {CloseReason.CLI, CloseReason.ALG, CloseReason.IDP,
            CloseReason.PARENT_CLOSED, CloseReason.POLICY_DELETE}) {
            start();
            send(Frames.udp(A, 5000, B, 7000, 10), 0);
            handshake();
            engine.closeAll(r, T0 + S);
            assertEquals(2, rec.of("closed").size());
            for (Recorder.Event e : rec.of("closed")) {
                assertEquals(r, e.reason);
                assertEquals(T0 + S, e.atNanos);
            }
            assertEquals(2, engine.counters().closedBy(r));
            assertEquals(0, engine.active());
        }
    }

    @Test
    void wireNames() {
        assertEquals("TCP FIN", CloseReason.TCP_FIN.wireName());
        assertEquals("TCP CLIENT RST", CloseReason.TCP_CLIENT_RST.wireName());
        assertEquals("TCP SERVER RST", CloseReason.TCP_SERVER_RST.wireName());
        assertEquals("response received", CloseReason.RESPONSE_RECEIVED.wireName());
        assertEquals("ICMP error", CloseReason.ICMP_ERROR.wireName());
        assertEquals("idle Timeout", CloseReason.IDLE_TIMEOUT.wireName());
        assertEquals("ALG", CloseReason.ALG.wireName());
        assertEquals("IDP", CloseReason.IDP.wireName());
        assertEquals("parent closed", CloseReason.PARENT_CLOSED.wireName());
        assertEquals("CLI", CloseReason.CLI.wireName());
        assertEquals("policy delete", CloseReason.POLICY_DELETE.wireName());
        assertEquals(11, CloseReason.count());
    }

    // ------------------------------------------------------------------ fragments, context, counters

    @Test
    void laterFragmentsJoinTheSessionOfTheirFirstFragment() {
        start();
        byte[] udpHeaderAndData = Packets.udp(5000, 7000, Packets.payload(24)); // UDP length 32
        byte[] first = Frames.udpFragment(A, B, 99, 0, true, java.util.Arrays.copyOf(udpHeaderAndData, 16));
        byte[] later = Frames.udpFragment(A, B, 99, 16, false, java.util.Arrays.copyOfRange(udpHeaderAndData, 16, 32));
        assertTrue(send(first, 0));
        assertTrue(send(later, MS));
        assertFalse(send(Frames.udpFragment(A, B, 100, 16, false, new byte[16]), 2 * MS));
        assertEquals(1, engine.counters().get(EngineCounter.FRAGMENTS_ATTACHED));
        assertEquals(1, engine.counters().get(EngineCounter.FRAGMENTS_WITHOUT_SESSION));
        engine.closeAll(CloseReason.CLI, T0 + S);
        Recorder.Event c = rec.only("closed");
        assertEquals(2, c.cPkts);
        assertEquals(36 + 36, c.cBytes);
    }

    @Test
    void contextSeparatesSessions() {
        start();
        byte[] f = Frames.udp(A, 5000, B, 7000, 10);
        engine.onFrame(ByteBuffer.wrap(f), 1, T0);
        engine.onFrame(ByteBuffer.wrap(f), 2, T0);
        assertEquals(2, engine.active());
    }

    @Test
    void frameCounters() {
        start();
        send(Packets.ether(0x0806, new byte[28]), 0);
        send(new byte[5], 0);
        send(Frames.udp(A, 1, B, 2, 0), 0);
        assertEquals(3, engine.decoder().frames());
        assertEquals(1, engine.decoder().decoded());
        assertEquals(1, engine.decoder().notIp());
        assertEquals(1, engine.decoder().malformedTotal());
        assertEquals(1, engine.counters().get(EngineCounter.SESSIONS_CREATED));
    }

    @Test
    void settingsValidation() {
        assertThrows(IllegalArgumentException.class, () -> EngineSettings.builder().maxSessions(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> EngineSettings.builder().udpTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class,
                () -> EngineSettings.builder().sessionUpdateInterval(Duration.ofSeconds(-1)).build());
        assertThrows(IllegalArgumentException.class, () -> EngineSettings.builder().wheelSize(1000).build());
        assertThrows(IllegalArgumentException.class, () -> EngineSettings.builder().tick(Duration.ZERO).build());
        EngineSettings d = EngineSettings.defaults();
        assertEquals(1800 * S, d.tcpTimeoutNanos());
        assertEquals(60 * S, d.udpTimeoutNanos());
        assertEquals(60 * S, d.icmpTimeoutNanos());
        assertEquals(20 * S, d.tcpInitialTimeoutNanos());
        assertEquals(300 * S, d.sessionUpdateIntervalNanos());
        assertEquals(300 * S, d.firstUpdateDelayNanos());
    }

    private List<String> types() {
        return rec.events.stream().map(e -> e.type).collect(java.util.stream.Collectors.toList());
    }

    private static void assertArrayEquals(long[] expected, long[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual,
                java.util.Arrays.toString(actual));
    }
}
