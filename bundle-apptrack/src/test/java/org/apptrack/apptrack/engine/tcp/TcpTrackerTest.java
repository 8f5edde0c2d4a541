package org.apptrack.apptrack.engine.tcp;

import static org.apptrack.apptrack.engine.tcp.TcpTracker.FLAG_ACK;
import static org.apptrack.apptrack.engine.tcp.TcpTracker.FLAG_FIN;
import static org.apptrack.apptrack.engine.tcp.TcpTracker.FLAG_RST;
import static org.apptrack.apptrack.engine.tcp.TcpTracker.FLAG_SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TcpTrackerTest {

    private int state;
    private boolean first = true;

    /** Feeds a segment; returns the verdict. */
    private int seg(boolean fromClient, int flags) {
        int r = TcpTracker.onSegment(state, first, fromClient, flags);
        first = false;
        state = TcpTracker.state(r);
        return TcpTracker.verdict(r);
    }

    @Test
    void handshakeThenFourWayClose() {
        assertEquals(0, seg(true, FLAG_SYN));
        assertTrue(TcpTracker.isHandshakePending(state));
        assertEquals(0, seg(false, FLAG_SYN | FLAG_ACK));
        assertTrue(TcpTracker.isHandshakePending(state));
        assertEquals(0, seg(true, FLAG_ACK));
        assertFalse(TcpTracker.isHandshakePending(state));
        assertEquals(0, seg(false, FLAG_FIN | FLAG_ACK));
        assertEquals(0, seg(true, FLAG_ACK));
        assertEquals(0, seg(true, FLAG_FIN | FLAG_ACK));
        assertTrue(TcpTracker.isClosing(state));
        assertEquals(0, seg(true, FLAG_FIN | FLAG_ACK), "retransmitted second FIN");
        assertEquals(TcpTracker.VERDICT_FIN, seg(false, FLAG_ACK));
    }

    @Test
    void rstDirections() {
        seg(true, FLAG_SYN);
        assertEquals(TcpTracker.VERDICT_SERVER_RST, seg(false, FLAG_RST | FLAG_ACK));
        state = 0;
        first = true;
        seg(true, FLAG_ACK);
        assertTrue((state & TcpTracker.MIDSTREAM) != 0);
        assertEquals(TcpTracker.VERDICT_CLIENT_RST, seg(true, FLAG_RST));
        assertTrue((state & TcpTracker.C_RST) != 0);
    }

    @Test
    void retransmittedSynKeepsHandshakePending() {
        seg(true, FLAG_SYN);
        assertEquals(0, seg(true, FLAG_SYN));
        assertEquals(TcpTracker.C_SYN, state);
        assertEquals("C_SYN", TcpTracker.describe(state));
    }

    @Test
    void ackWithoutBothFinsDoesNotClose() {
        seg(true, FLAG_ACK);
        assertEquals(0, seg(true, FLAG_FIN | FLAG_ACK));
        assertEquals(0, seg(false, FLAG_ACK));
        assertEquals(0, seg(false, FLAG_ACK));
        assertFalse(TcpTracker.isClosing(state));
    }
}
