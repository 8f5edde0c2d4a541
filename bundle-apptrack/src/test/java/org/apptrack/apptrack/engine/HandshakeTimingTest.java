package org.apptrack.apptrack.engine;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.testsupport.packets.Frames;
import org.junit.jupiter.api.Test;

/** The TCP handshake's two round trips, from crafted segments at controlled times. */
class HandshakeTimingTest {

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000_000_000L;

    private final AppTrackEngine engine = new AppTrackEngine(EngineSettings.defaults(), SessionEventListener.NONE);

    private void send(byte[] frame, long atNanos) {
        assertTrue(engine.onFrame(ByteBuffer.wrap(frame), 0, T0 + atNanos));
    }

    private int session() {
        assertEquals(1, engine.active());
        return engine.table().sessionAt(0);
    }

    private int serverRtt() {
        return engine.table().serverRttMicros(session());
    }

    private int clientRtt() {
        return engine.table().clientRttMicros(session());
    }

    @Test
    void synToSynAckIsTheServerSideAndSynAckToAckTheClientSide() {
        send(Frames.tcp(A, 40000, B, 443, SYN), 0);
        assertEquals(0, serverRtt(), "nothing before the SYN-ACK");
        send(Frames.tcp(B, 443, A, 40000, SYN | ACK), 31 * MS + 250 * US + 999);
        assertEquals(31_250, serverRtt());
        assertEquals(0, clientRtt(), "not before the ACK");
        send(Frames.tcp(A, 40000, B, 443, ACK), 31 * MS + 250 * US + 999 + 1_742 * US);
        assertEquals(31_250, serverRtt());
        assertEquals(1_742, clientRtt());
        send(Frames.tcp(A, 40000, B, 443, PSH | ACK, 100), 40 * MS);
        send(Frames.tcp(B, 443, A, 40000, ACK), 90 * MS);
        send(Frames.tcp(A, 40000, B, 443, ACK), 95 * MS);
        assertEquals(31_250, serverRtt(), "later segments change nothing");
        assertEquals(1_742, clientRtt());
    }

    @Test
    void aSessionPickedUpMidStreamHasNoHandshakeTimes() {
        send(Frames.tcp(A, 40000, B, 443, PSH | ACK, 100), 0);
        send(Frames.tcp(B, 443, A, 40000, ACK), 5 * MS);
        send(Frames.tcp(A, 40000, B, 443, ACK), 6 * MS);
        assertEquals(0, serverRtt());
        assertEquals(0, clientRtt());
    }

    @Test
    void aSynAckWithoutItsSynIsNoHandshakeEither() {
        send(Frames.tcp(B, 443, A, 40000, SYN | ACK), 0);
        send(Frames.tcp(A, 40000, B, 443, ACK), 3 * MS);
        assertEquals(0, serverRtt());
        assertEquals(0, clientRtt());
    }

    @Test
    void aRetransmittedSynLeavesTheServerSideUnmeasuredButNotTheClientSide() {
        send(Frames.tcp(A, 40000, B, 443, SYN), 0);
        send(Frames.tcp(A, 40000, B, 443, SYN), 1_000 * MS);
        send(Frames.tcp(B, 443, A, 40000, SYN | ACK), 1_020 * MS);
        send(Frames.tcp(A, 40000, B, 443, ACK), 1_025 * MS);
        assertEquals(0, serverRtt(), "which SYN the SYN-ACK answers is unknown (Karn)");
        assertEquals(5_000, clientRtt());
    }

    @Test
    void aRetransmittedSynAckLeavesTheClientSideUnmeasured() {
        send(Frames.tcp(A, 40000, B, 443, SYN), 0);
        send(Frames.tcp(B, 443, A, 40000, SYN | ACK), 20 * MS);
        send(Frames.tcp(B, 443, A, 40000, SYN | ACK), 1_020 * MS);
        send(Frames.tcp(A, 40000, B, 443, ACK), 1_021 * MS);
        assertEquals(20_000, serverRtt());
        assertEquals(0, clientRtt());
    }

    @Test
    void aHandshakeFasterThanAMicrosecondCountsAsOne() {
        send(Frames.tcp(A, 40000, B, 443, SYN), 0);
        send(Frames.tcp(B, 443, A, 40000, SYN | ACK), 300);
        send(Frames.tcp(A, 40000, B, 443, ACK), 600);
        assertEquals(1, serverRtt());
        assertEquals(1, clientRtt());
    }

    @Test
    void udpHasNone() {
        send(Frames.udp(A, 5000, B, 53, 20), 0);
        send(Frames.udp(B, 53, A, 5000, 40), 2 * MS);
        assertEquals(0, serverRtt());
        assertEquals(0, clientRtt());
    }

    @Test
    void aReusedSessionSlotStartsUnmeasured() {
        SessionTable side = engine.table();
        send(Frames.tcp(A, 40000, B, 443, SYN), 0);
        send(Frames.tcp(B, 443, A, 40000, SYN | ACK), 20 * MS);
        send(Frames.tcp(A, 40000, B, 443, ACK), 21 * MS);
        engine.closeAll(CloseReason.CLI, 30 * MS + T0);
        send(Frames.tcp(A, 40001, B, 443, PSH | ACK, 10), 40 * MS);
        int s = session();
        assertEquals(0, side.serverRttMicros(s));
        assertEquals(0, side.clientRttMicros(s));
    }
}
