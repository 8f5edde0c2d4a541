package org.apptrack.apptrack.engine.tcp;

/**
 * TCP connection tracking for AppTrack sessions: pure functions over the session's int
 * {@code tcpState} (no sequence-number checks, as AppTrack only needs to know when a connection
 * is over and why).
 *
 * <p>Rules (client = first sender of the session):
 * <ul>
 * <li>First segment a SYN without ACK: handshake in progress ({@link #C_SYN}); the session ages
 * with the initial timeout until the client's ACK of the server's SYN-ACK ({@link #ESTABLISHED}).
 * Any other first segment (data, ACK, FIN, SYN-ACK): mid-stream pickup ({@link #MIDSTREAM},
 * established at once).</li>
 * <li>Retransmitted SYN: no change (same session).</li>
 * <li>RST from the client: {@link #VERDICT_CLIENT_RST} ("TCP CLIENT RST"); from the server:
 * {@link #VERDICT_SERVER_RST} ("TCP SERVER RST"), which includes the refused connection
 * SYN -> RST-ACK. A RST wins over an earlier FIN (RST after FIN closes as RST).</li>
 * <li>FIN: recorded per direction. Once FINs of both directions were seen, the connection is
 * {@link #isClosing closing}; it closes "TCP FIN" on the first pure ACK (ACK, no FIN/SYN/RST)
 * from the side opposite to the sender of the second FIN, i.e. the last ACK of the four-way
 * close, which is also what ends a simultaneous close (both FINs cross, then either ACK from the
 * other side of the second FIN seen). The ACK itself is counted in the session. If that ACK
 * never comes, the engine closes the session "TCP FIN" after its closing timeout (an SRX
 * invalidates a terminated flow and reduces its timeout to 10 seconds).</li>
 * <li>FIN from one side only: the session stays open and ages out (idle Timeout).</li>
 * </ul>
 */
public final class TcpTracker {

    public static final int FLAG_FIN = 0x01;
    public static final int FLAG_SYN = 0x02;
    public static final int FLAG_RST = 0x04;
    public static final int FLAG_ACK = 0x10;

    /** Client sent SYN. */
    public static final int C_SYN = 1;
    /** Server sent SYN-ACK. */
    public static final int S_SYN_ACK = 1 << 1;
    /** Handshake complete (or mid-stream pickup). */
    public static final int ESTABLISHED = 1 << 2;
    /** The session's first segment was not a SYN. */
    public static final int MIDSTREAM = 1 << 3;
    public static final int C_FIN = 1 << 4;
    public static final int S_FIN = 1 << 5;
    /** Set when the second FIN (of both directions) came from the server. */
    public static final int SECOND_FIN_FROM_SERVER = 1 << 6;
    public static final int C_RST = 1 << 7;
    public static final int S_RST = 1 << 8;

    public static final int VERDICT_NONE = 0;
    public static final int VERDICT_FIN = 1;
    public static final int VERDICT_CLIENT_RST = 2;
    public static final int VERDICT_SERVER_RST = 3;

    private static final int STATE_MASK = 0xFFFF;

    private TcpTracker() {
    }

    /**
     * Tracks one segment.
     *
     * @param state the session's tcpState (0 for a new session)
     * @param first whether this segment created the session
     * @param fromClient whether the segment comes from the session's client
     * @param flags the TCP flags byte
     * @return {@code newState | verdict << 16}: see {@link #state(int)} and {@link #verdict(int)}
     */
    public static int onSegment(int state, boolean first, boolean fromClient, int flags) {
        boolean syn = (flags & FLAG_SYN) != 0;
        boolean ack = (flags & FLAG_ACK) != 0;
        boolean fin = (flags & FLAG_FIN) != 0;
        boolean rst = (flags & FLAG_RST) != 0;
        if (first) {
            state = syn && !ack ? C_SYN : MIDSTREAM | ESTABLISHED;
        }
        if (rst) {
            return fromClient ? (state | C_RST) | (VERDICT_CLIENT_RST << 16)
                    : (state | S_RST) | (VERDICT_SERVER_RST << 16);
        }
        boolean closingBefore = isClosing(state);
        if (syn) {
            if (fromClient && !ack) {
                state |= C_SYN;
            } else if (!fromClient && ack) {
                state |= S_SYN_ACK;
            }
        } else if (fromClient && ack && (state & S_SYN_ACK) != 0) {
            state |= ESTABLISHED;
        }
        if (fin) {
            if (fromClient && (state & C_FIN) == 0) {
                state |= C_FIN;
                if ((state & S_FIN) != 0) {
                    state &= ~SECOND_FIN_FROM_SERVER;
                }
            } else if (!fromClient && (state & S_FIN) == 0) {
                state |= S_FIN;
                if ((state & C_FIN) != 0) {
                    state |= SECOND_FIN_FROM_SERVER;
                }
            }
        }
        if (closingBefore && ack && !fin && !syn
                && fromClient == ((state & SECOND_FIN_FROM_SERVER) != 0)) {
            return state | (VERDICT_FIN << 16);
        }
        return state;
    }

    public static int state(int result) {
        return result & STATE_MASK;
    }

    public static int verdict(int result) {
        return result >>> 16;
    }

    /** FINs of both directions seen. */
    public static boolean isClosing(int state) {
        return (state & (C_FIN | S_FIN)) == (C_FIN | S_FIN);
    }

    /** Handshake not completed (the initial timeout applies). */
    public static boolean isHandshakePending(int state) {
        return (state & ESTABLISHED) == 0;
    }

    /** A readable form of a state, for tests and debugging (allocates). */
    public static String describe(int state) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"C_SYN", "S_SYN_ACK", "ESTABLISHED", "MIDSTREAM", "C_FIN", "S_FIN",
            "SECOND_FIN_FROM_SERVER", "C_RST", "S_RST"};
        for (int i = 0; i < names.length; i++) {
            if ((state & (1 << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : "|").append(names[i]);
            }
        }
        return sb.toString();
    }
}
