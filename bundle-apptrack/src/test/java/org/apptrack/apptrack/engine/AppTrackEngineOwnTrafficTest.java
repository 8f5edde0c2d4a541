package org.apptrack.apptrack.engine;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.C;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.apptrack.api.traffic.OwnTraffic;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;
import org.apptrack.apptrack.engine.owntraffic.OwnTrafficTable;
import org.apptrack.testsupport.packets.Frames;
import org.junit.jupiter.api.Test;

/** The engine leaves the product's own traffic out: no session, no event, a counter. */
class AppTrackEngineOwnTrafficTest {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final int SYSLOG_PORT = 5514;

    private final Recorder rec = new Recorder();
    private final AppTrackEngine engine = new AppTrackEngine(EngineSettings.defaults(), rec);

    AppTrackEngineOwnTrafficTest() throws Exception {
        rec.engine = engine;
        // This host is A; a UDP stream sends to B:5514; the container's SSH listens on A:8101.
        InetAddress a = InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(A).array());
        InetAddress b = InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(B).array());
        engine.ownTraffic(OwnTrafficTable.of(OwnTraffic.of(List.of(
                new OwnTrafficRule(Protocol.UDP, List.of(b), SYSLOG_PORT, List.of(a), 0, "stream"),
                OwnTrafficRule.endpoint(Protocol.TCP, List.of(a), 8101, "Karaf SSH")))));
    }

    private boolean send(byte[] frame, long at) {
        return engine.onFrame(ByteBuffer.wrap(frame), 0, T0 + at);
    }

    @Test
    void ownTrafficCreatesNoSessionAndIsCounted() {
        assertFalse(send(Frames.udp(A, 40000, B, SYSLOG_PORT, 200), 0), "exported log datagram");
        assertFalse(send(Frames.udp(A, 40000, B, SYSLOG_PORT, 200), 1), "the next one");
        assertFalse(send(Frames.tcp(C, 50000, A, 8101, SYN), 2), "an SSH login to this host");
        assertFalse(send(Frames.tcp(A, 8101, C, 50000, SYN | ACK), 3), "its answer");
        // the datagram's ICMP port unreachable quotes a flow without a session: nothing to close
        assertFalse(send(Frames.unreachableForUdp(B, A, A, 40000, B, SYSLOG_PORT), 4));
        assertEquals(4, engine.counters().get(EngineCounter.OWN_TRAFFIC_FRAMES));
        assertEquals(1, engine.counters().get(EngineCounter.ICMP_ERRORS_WITHOUT_SESSION));
        assertEquals(0, engine.counters().get(EngineCounter.SESSIONS_CREATED));
        assertEquals(0, engine.active());
        assertTrue(rec.events.isEmpty(), rec.events.toString());
    }

    @Test
    void otherTrafficOfTheSameHostsAndPortsIsTracked() {
        assertTrue(send(Frames.udp(C, 40000, B, SYSLOG_PORT, 200), 0), "another host's syslog to the receiver");
        assertTrue(send(Frames.udp(A, 40000, B, SYSLOG_PORT + 1, 200), 1), "this host to another port");
        assertTrue(send(Frames.tcp(C, 50000, B, 8101, SYN), 2), "8101 on another host");
        assertEquals(0, engine.counters().get(EngineCounter.OWN_TRAFFIC_FRAMES));
        assertEquals(3, engine.counters().get(EngineCounter.SESSIONS_CREATED));
    }

    @Test
    void aSessionOpenBeforeTheRuleCameStaysTheEnginesCallersToClose() {
        engine.ownTraffic(OwnTrafficMatcher.NONE);
        assertTrue(send(Frames.udp(A, 40000, B, SYSLOG_PORT, 200), 0));
        assertEquals(1, engine.active());
        engine.ownTraffic((p, sh, sl, sp, dh, dl, dp) -> dp == SYSLOG_PORT || sp == SYSLOG_PORT);
        assertTrue(send(Frames.udp(A, 40000, B, SYSLOG_PORT, 200), 1), "counted in its open session");
        assertEquals(0, engine.counters().get(EngineCounter.OWN_TRAFFIC_FRAMES), "only packets that would create a session are asked about");
        assertEquals(2, engine.table().clientPackets(engine.table().sessionAt(0)));
    }
}
