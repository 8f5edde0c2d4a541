package org.apptrack.apptrack.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.api.time.Clock;
import org.apptrack.api.traffic.OwnTraffic;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.PacketContext;

/**
 * The runtime hands the own-traffic set to its engine (and to the next one after a new session
 * limit), closes sessions of own traffic already open, and counts what it left out.
 */
class AppTrackRuntimeOwnTrafficTest {

    private final List<LogRecord> logs = new ArrayList<>();
    private final SecurityLogService log = mock(SecurityLogService.class);
    private long now = 1_700_000_000_000_000_000L;
    private final Clock clock = () -> now;

    AppTrackRuntimeOwnTrafficTest() {
        Mockito.doAnswer(inv -> logs.add(inv.getArgument(0))).when(log).log(Mockito.any(LogRecord.class));
    }

    private static Map<String, Object> config(String maxSessions) {
        Map<String, Object> p = new HashMap<>();
        p.put("logSessionCreate", "true");
        p.put("logSessionClose", "true");
        p.put("maxSessions", maxSessions);
        return p;
    }

    private static final int LOOPBACK = Packets.ip4(127, 0, 0, 1);

    /** Ethernet/IPv4/UDP 127.0.0.1:sport -> 127.0.0.1:dport. */
    private static PacketContext loopbackUdp(int sport, int dport) {
        ByteBuffer b = ByteBuffer.wrap(Frames.udp(LOOPBACK, sport, LOOPBACK, dport, 4));
        PacketContext ctx = mock(PacketContext.class);
        InboundPacket in = mock(InboundPacket.class);
        when(ctx.inPacket()).thenReturn(in);
        when(in.unparsed()).thenReturn(b);
        return ctx;
    }

    private static OwnTraffic udpStreamTo(int port) throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        return OwnTraffic.of(List.of(new OwnTrafficRule(Protocol.UDP, List.of(lo), port, List.of(lo), 0,
                "security-log stream it")));
    }

    private long tagged(String tag) {
        return logs.stream().filter(r -> r.tag().equals(tag)).count();
    }

    @Test
    void sessionsOfOwnTrafficAlreadyOpenCloseAndNoNewOneIsCreated() throws Exception {
        AppTrackRuntime rt = new AppTrackRuntime(log, AppTrackSettings.parse(config("1000")), clock);
        rt.process(loopbackUdp(40000, 5514)); // seen before the stream was known
        rt.process(loopbackUdp(40001, 9999)); // someone else's
        assertEquals(2, tagged("APPTRACK_SESSION_CREATE"));

        assertEquals(1, rt.ownTraffic(udpStreamTo(5514)));
        assertEquals(1, tagged("APPTRACK_SESSION_CLOSE"));
        assertEquals("policy delete", logs.get(logs.size() - 1).value("reason"));
        for (int i = 0; i < 5; i++) {
            now += 1_000_000L;
            rt.process(loopbackUdp(40000 + i, 5514));
        }
        AppTrackCounters c = rt.counters();
        assertEquals(5, c.ownTrafficFrames());
        assertEquals(1, c.activeSessions());
        assertEquals(2, tagged("APPTRACK_SESSION_CREATE"), "no session for the stream's datagrams");
    }

    @Test
    void theSetOutlivesANewSessionTableAndCanBeWithdrawn() throws Exception {
        AppTrackRuntime rt = new AppTrackRuntime(log, AppTrackSettings.parse(config("1000")), clock);
        rt.ownTraffic(udpStreamTo(5514));
        rt.apply(AppTrackSettings.parse(config("2000"))); // a new engine
        rt.process(loopbackUdp(40000, 5514));
        assertEquals(1, rt.counters().ownTrafficFrames());
        assertEquals(0, rt.counters().sessionsCreated());

        rt.ownTraffic(OwnTraffic.NONE);
        rt.process(loopbackUdp(40000, 5514));
        assertEquals(1, rt.counters().sessionsCreated(), "tracked again once the stream is gone");
    }
}
