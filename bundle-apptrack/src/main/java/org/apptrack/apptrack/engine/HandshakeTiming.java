package org.apptrack.apptrack.engine;

import org.apptrack.apptrack.engine.session.SessionTable;
import org.apptrack.apptrack.engine.tcp.TcpTracker;

/**
 * The TCP handshake's two halves as seen where we capture, in microseconds: server side, SYN to
 * SYN-ACK (the path to the server and back, plus its accept time); client side, SYN-ACK to the
 * client's ACK (the path to the client and back). Passive path metrics read them per session.
 *
 * <p>Measured only on a session that began with the client's SYN. A half stays 0 when it cannot
 * be measured: no handshake seen (UDP, a connection picked up mid-stream, a SYN-ACK the capture
 * missed), or an ambiguous one (Karn's rule: after a retransmitted SYN nobody can tell which SYN
 * the SYN-ACK answers; after a retransmitted SYN-ACK, which one the ACK answers). A half that
 * took less than a microsecond is 1. Runs only while the handshake is pending; kept in spare
 * bits of the session's block in the {@link SessionTable}, so it costs no memory and allocates
 * nothing.
 */
final class HandshakeTiming {

    private static final long NANOS_PER_MICRO = 1_000L;

    private final SessionTable table;

    HandshakeTiming(SessionTable table) {
        this.table = table;
    }

    /**
     * One segment of session {@code s} whose handshake was pending before it ({@code before} and
     * {@code after}: the session's TCP state around the segment, see {@link TcpTracker}).
     */
    void segment(int s, boolean created, int before, int after, boolean fromClient, int flags, long nowNanos) {
        if ((after & TcpTracker.MIDSTREAM) != 0) {
            return;
        }
        boolean syn = (flags & TcpTracker.FLAG_SYN) != 0;
        boolean ack = (flags & TcpTracker.FLAG_ACK) != 0;
        if (syn && !ack) {
            if (fromClient && !created && (before & TcpTracker.S_SYN_ACK) == 0) {
                table.setServerRttRaw(s, SessionTable.RTT_AMBIGUOUS); // retransmitted SYN
            }
            return;
        }
        if (syn && !fromClient) {
            int sinceStart = micros(nowNanos - table.startNanos(s));
            if ((before & TcpTracker.S_SYN_ACK) == 0) {
                if (table.serverRttRaw(s) == 0) {
                    table.setServerRttRaw(s, Math.max(1, sinceStart));
                }
                table.setClientRttRaw(s, -sinceStart - 1); // pending: when the SYN-ACK came
            } else if (pending(table.clientRttRaw(s))) {
                table.setClientRttRaw(s, SessionTable.RTT_AMBIGUOUS); // retransmitted SYN-ACK
            }
            return;
        }
        if (fromClient && (before & TcpTracker.ESTABLISHED) == 0 && (after & TcpTracker.ESTABLISHED) != 0) {
            int raw = table.clientRttRaw(s);
            if (pending(raw)) {
                int synAck = -(raw + 1);
                table.setClientRttRaw(s, Math.max(1, micros(nowNanos - table.startNanos(s)) - synAck));
            }
        }
    }

    /** A client half waiting for the ACK: the SYN-ACK's time, encoded negative. */
    private static boolean pending(int clientRaw) {
        return clientRaw < 0 && clientRaw != SessionTable.RTT_AMBIGUOUS;
    }

    private static int micros(long nanos) {
        return (int) Math.min(Integer.MAX_VALUE - 1, Math.max(0, nanos / NANOS_PER_MICRO));
    }
}
