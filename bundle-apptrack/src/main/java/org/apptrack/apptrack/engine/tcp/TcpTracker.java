package org.apptrack.apptrack.engine.tcp;

/**
 * TCP connection tracking for AppTrack sessions: pure functions over the session's int
 * {@code tcpState} (no sequence-number checks, as AppTrack only needs to know when a connection
 * is over and why).
 *
 * <p>Rules (client = the session's client, see {@link #senderIsClient}):
 * <ul>
 * <li>First segment a SYN without ACK: handshake in progress ({@link #C_SYN}); the session ages
 * with the initial timeout until the client's ACK of the server's SYN-ACK ({@link #ESTABLISHED}).
 * Any other first segment (data, ACK, FIN, SYN-ACK): mid-stream pickup ({@link #MIDSTREAM},
 * established at once).</li>
 * <li>Retransmitted SYN: no change (same session).</li>
 * <li>The first RST ends the connection: {@link #VERDICT_CLIENT_RST} ("TCP CLIENT RST") from the
 * client, {@link #VERDICT_SERVER_RST} ("TCP SERVER RST") from the server, which includes the
 * refused connection SYN -> RST-ACK. A RST wins over an earlier FIN. Later RSTs change nothing.</li>
 * <li>FIN: recorded per direction. Once FINs of both directions were seen, the connection is
 * {@link #isClosing closing}; the first pure ACK (ACK, no FIN/SYN/RST) from the side opposite to
 * the sender of the second FIN, the last ACK of the four-way (or three-way) close, ends it:
 * {@link #VERDICT_FIN} ("TCP FIN").</li>
 * <li>FIN from one side only: the connection stays open.</li>
 * </ul>
 * A connection that ended is {@link #isTerminated terminated}; whether its session closes at once
 * or lingers for the peer's packets still in flight is the engine's decision.
 */
public final class TcpTracker {

    public static final int FLAG_FIN = 0x01;
    public static final int FLAG_SYN = 0x02;
    public static final int FLAG_RST = 0x04;
    public static final int FLAG_ACK = 0x10;

    /** Client sent SYN. */
    public static final int C_SYN = 1;
    /** Server sent SYN-ACK (or, when the capture missed it, any segment with ACK). */
    public static final int S_SYN_ACK = 1 << 1;
    /** Handshake complete (or mid-stream pickup). */
    public static final int ESTABLISHED = 1 << 2;
    /** The session's first segment was not a SYN. */
    public static final int MIDSTREAM = 1 << 3;
    public static final int C_FIN = 1 << 4;
    public static final int S_FIN = 1 << 5;
    /** Set when the second FIN (of both directions) came from the server. */
    public static final int SECOND_FIN_FROM_SERVER = 1 << 6;
    /** The connection's first RST came from the client. */
    public static final int C_RST = 1 << 7;
    /** The connection's first RST came from the server. */
    public static final int S_RST = 1 << 8;
    /** The last ACK of the closing FIN exchange was seen. */
    public static final int FIN_ACKED = 1 << 9;

    public static final int VERDICT_NONE = 0;
    public static final int VERDICT_FIN = 1;
    public static final int VERDICT_CLIENT_RST = 2;
    public static final int VERDICT_SERVER_RST = 3;

    private static final int STATE_MASK = 0xFFFF;
    private static final int TERMINATED = C_RST | S_RST | FIN_ACKED;

    private TcpTracker() {
    }

    /**
     * Whether the sender of a session's first segment is its client: a SYN without ACK opens a
     * connection, a SYN-ACK answers one; without a SYN (a capture that began mid-connection, or a
     * straggler of a connection already closed) the endpoint with the lower port is the server,
     * as Zeek and nDPI decide (equal ports: the sender is the client).
     */
    public static boolean senderIsClient(int flags, int srcPort, int dstPort) {
        if ((flags & FLAG_SYN) != 0) {
            return (flags & FLAG_ACK) == 0;
        }
        return srcPort >= dstPort;
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
            state = syn && !ack && fromClient ? C_SYN : MIDSTREAM | ESTABLISHED;
        }
        if (rst) {
            if ((state & (C_RST | S_RST)) != 0) {
                return state;
            }
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
        } else if (ack) {
            if (fromClient) {
                if ((state & S_SYN_ACK) != 0) {
                    state |= ESTABLISHED;
                }
            } else {
                state |= S_SYN_ACK; // the server acknowledges: a SYN-ACK the capture missed
            }
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
        if (closingBefore && (state & TERMINATED) == 0 && ack && !fin && !syn
                && fromClient == ((state & SECOND_FIN_FROM_SERVER) != 0)) {
            return state | FIN_ACKED | (VERDICT_FIN << 16);
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

    /** The connection ended: a RST, or the last ACK of the closing FIN exchange. */
    public static boolean isTerminated(int state) {
        return (state & TERMINATED) != 0;
    }

    /**
     * Whether a segment on a session whose connection ended or is closing opens a new connection
     * on the same ports (a SYN without ACK): the session then ends and the segment starts the next.
     */
    public static boolean isReuse(int state, int flags) {
        return (flags & (FLAG_SYN | FLAG_ACK | FLAG_RST)) == FLAG_SYN && (isTerminated(state) || isClosing(state));
    }

    /** Handshake not completed (the initial timeout applies). */
    public static boolean isHandshakePending(int state) {
        return (state & ESTABLISHED) == 0;
    }

    /** A readable form of a state, for tests and debugging (allocates). */
    public static String describe(int state) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"C_SYN", "S_SYN_ACK", "ESTABLISHED", "MIDSTREAM", "C_FIN", "S_FIN",
            "SECOND_FIN_FROM_SERVER", "C_RST", "S_RST", "FIN_ACKED"};
        for (int i = 0; i < names.length; i++) {
            if ((state & (1 << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : "|").append(names[i]);
            }
        }
        return sb.toString();
    }
}
