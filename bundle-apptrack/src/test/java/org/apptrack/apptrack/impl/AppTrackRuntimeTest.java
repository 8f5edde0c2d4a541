package org.apptrack.apptrack.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.api.time.Clock;
import org.apptrack.apptrack.api.SessionFilter;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionOrder;
import org.apptrack.apptrack.api.ZoneInfo;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.zone.SecurityZones;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Test;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.PacketContext;
import org.mockito.Mockito;

/** The runtime the ONOS app and the replay tool share: ingress zones, reconfiguration, queries. */
class AppTrackRuntimeTest {

    private static final long T0 = 1_700_000_000_000_000_000L;
    private final List<LogRecord> logs = new ArrayList<>();
    private final SecurityLogService log = mock(SecurityLogService.class);
    private long now = T0;
    private final Clock clock = () -> now;

    AppTrackRuntimeTest() {
        Mockito.doAnswer(inv -> logs.add(inv.getArgument(0))).when(log).log(Mockito.any(LogRecord.class));
    }

    private static Map<String, Object> config() {
        Map<String, Object> p = new HashMap<>();
        p.put("logSessionCreate", "true");
        p.put("logSessionClose", "true");
        p.put("zone.trust.prefixes", "10.0.0.0/8");
        p.put("zone.untrust.prefixes", "0.0.0.0/0");
        p.put("zone.dmz.interfaces", "of:0000000000000002");
        p.put("policy.dmz.untrust", "dmz-out");
        return p;
    }

    /** An Ethernet/IPv4/UDP frame. */
    private static ByteBuffer udp(int[] src, int sport, int[] dst, int dport) {
        return ByteBuffer.wrap(Frames.udp(Packets.ip4(src[0], src[1], src[2], src[3]), sport,
                Packets.ip4(dst[0], dst[1], dst[2], dst[3]), dport, 4));
    }

    private static PacketContext packet(String connectPoint, ByteBuffer frame) {
        PacketContext ctx = mock(PacketContext.class);
        InboundPacket in = mock(InboundPacket.class);
        when(ctx.inPacket()).thenReturn(in);
        when(in.unparsed()).thenReturn(frame);
        when(in.receivedFrom()).thenReturn(ConnectPoint.deviceConnectPoint(connectPoint));
        return ctx;
    }

    private static final int[] HOST = {10, 0, 0, 1};
    private static final int[] WEB = {93, 184, 216, 34};

    @Test
    void theIngressInterfaceDecidesTheSourceZone() {
        AppTrackRuntime rt = new AppTrackRuntime(log, AppTrackSettings.parse(config()), clock);
        rt.process(packet("of:0000000000000001/1", udp(HOST, 5000, WEB, 53)));
        rt.process(packet("of:0000000000000002/7", udp(HOST, 5001, WEB, 53)));
        List<SessionInfo> s = rt.sessions(x -> true, 10);
        assertEquals(2, s.size());
        assertEquals("trust", s.get(0).sourceZone());
        assertEquals(SecurityZones.DEFAULT_POLICY_NAME, s.get(0).text(SessionAttribute.POLICY_NAME));
        assertEquals("dmz", s.get(1).sourceZone());
        assertEquals("untrust", s.get(1).destinationZone());
        assertEquals("dmz-out", s.get(1).text(SessionAttribute.POLICY_NAME));
        assertEquals("N/A", s.get(1).text(SessionAttribute.USERNAME));
        assertEquals("root-logical-system", s.get(1).text(SessionAttribute.LOGICAL_SYSTEM));
        List<ZoneInfo> zones = rt.zones();
        assertEquals(List.of("dmz", "trust", "untrust"), List.of(zones.get(0).name(), zones.get(1).name(),
                zones.get(2).name()), "by name (ConfigAdmin keeps no order)");
        assertEquals(1, zones.get(0).sessionsFrom());
        assertEquals(List.of("of:0000000000000002"), zones.get(0).interfaces());
        assertEquals(1, zones.get(1).sessionsFrom());
        assertEquals(List.of("10.0.0.0/8"), zones.get(1).prefixes());
        assertEquals(2, zones.get(2).sessionsTo());
    }

    @Test
    void sessionsByBytesComeHeaviestFirstFilteredAndLimited() {
        AppTrackRuntime rt = new AppTrackRuntime(log, AppTrackSettings.parse(config()), clock);
        int[][] sends = {{5000, 1}, {5001, 4}, {5002, 2}, {5003, 3}}; // client port, packets
        for (int[] send : sends) {
            for (int i = 0; i < send[1]; i++) {
                now += 1_000_000L;
                rt.process(packet("of:0000000000000001/1", udp(HOST, send[0], WEB, 53 + send[0] % 2)));
            }
        }
        List<SessionInfo> heaviest = rt.sessions(x -> true, 3, SessionOrder.BYTES);
        assertEquals(List.of(5001, 5003, 5002), ports(heaviest));
        assertEquals(List.of(5001, 5003), ports(rt.sessions(x -> true, 2, SessionOrder.PACKETS)));
        assertEquals(List.of(5001, 5003), ports(rt.sessions(new SessionFilter().port(54), 5, SessionOrder.BYTES)),
                "the filter applies before the limit");
        assertEquals(List.of(5000, 5001, 5002, 5003), ports(rt.sessions(x -> true, 10, SessionOrder.ID)));
        // Duration: 5001's packets span 3 ms, 5003's 2 ms, 5002's 1 ms, 5000's none.
        assertEquals(List.of(5001, 5003, 5002, 5000), ports(rt.sessions(x -> true, 10, SessionOrder.DURATION)));
    }

    private static List<Integer> ports(List<SessionInfo> sessions) {
        List<Integer> ports = new ArrayList<>();
        for (SessionInfo s : sessions) {
            ports.add(s.clientPort());
        }
        return ports;
    }

    @Test
    void aFilteredClearClosesOnlyTheMatchingSessionsWithReasonCli() {
        AppTrackRuntime rt = new AppTrackRuntime(log, AppTrackSettings.parse(config()), clock);
        rt.process(packet("of:0000000000000001/1", udp(HOST, 5000, WEB, 53)));
        rt.process(packet("of:0000000000000002/7", udp(HOST, 5001, WEB, 53)));
        rt.process(packet("of:0000000000000001/1", udp(HOST, 5002, WEB, 123)));
        logs.clear();
        now += 2_000_000_000L;
        assertEquals(2, rt.closeMatching(new SessionFilter().zone("trust"), CloseReason.CLI));
        List<SessionInfo> left = rt.sessions(x -> true, 10);
        assertEquals(1, left.size());
        assertEquals("dmz", left.get(0).sourceZone());
        assertEquals(2, logs.size());
        for (LogRecord r : logs) {
            assertEquals("CLI", r.value("reason"));
            assertEquals("trust", r.value("source-zone-name"));
        }
        assertEquals(0, rt.closeMatching(new SessionFilter().port(9999), CloseReason.CLI));
        assertEquals(1, rt.closeMatching(new SessionFilter().sessionId(left.get(0).sessionId()), CloseReason.CLI));
        assertEquals(0, rt.counters().activeSessions());
    }

    @Test
    void removingAZoneClosesItsSessionsAndKeepsTheOthersAndTheCounters() {
        AppTrackRuntime rt = new AppTrackRuntime(log, AppTrackSettings.parse(config()), clock);
        rt.process(packet("of:0000000000000001/1", udp(HOST, 5000, WEB, 53)));
        rt.process(packet("of:0000000000000002/7", udp(HOST, 5001, WEB, 53)));
        logs.clear();
        Map<String, Object> p = config();
        p.remove("zone.dmz.interfaces");
        p.remove("policy.dmz.untrust");
        p.put("policy.trust.untrust", "web-out");
        now += 1_000_000_000L;
        rt.apply(AppTrackSettings.parse(p));
        // The dmz session's zone is gone: placed again by its addresses it is trust -> untrust and stays.
        assertEquals(2, rt.sessions(x -> true, 10).size());
        assertEquals("web-out", rt.sessions(x -> true, 10).get(1).text(SessionAttribute.POLICY_NAME));
        assertEquals(0, logs.size());

        p.put("zone.untrust.applicationTracking", "false");
        p.put("zone.trust.applicationTracking", "false");
        rt.apply(AppTrackSettings.parse(p));
        assertEquals(0, rt.sessions(x -> true, 10).size());
        assertEquals(2, logs.size());
        assertEquals("policy delete", logs.get(0).value("reason"));
        assertEquals(2, rt.counters().sessionsCreated(), "counters survive a reconfiguration");
        assertEquals(2, rt.counters().closedByReason().get(CloseReason.POLICY_DELETE.wireName()));

        rt.process(packet("of:0000000000000001/1", udp(HOST, 5002, WEB, 53)));
        assertEquals(1, rt.counters().framesNotTracked());
    }

    @Test
    void aNewSessionLimitClosesEverySessionWithPolicyDelete() {
        AppTrackRuntime rt = new AppTrackRuntime(log, AppTrackSettings.parse(config()), clock);
        rt.process(packet("of:0000000000000001/1", udp(HOST, 5000, WEB, 53)));
        Map<String, Object> p = config();
        p.put("maxSessions", "1");
        rt.apply(AppTrackSettings.parse(p));
        assertEquals("policy delete", logs.get(logs.size() - 1).value("reason"));
        rt.process(packet("of:0000000000000001/1", udp(HOST, 5001, WEB, 53)));
        rt.process(packet("of:0000000000000001/1", udp(HOST, 5002, WEB, 53)));
        assertEquals(1, rt.counters().activeSessions());
        assertEquals(1, rt.counters().refusedSessions());
    }

    @Test
    void sessionsClosedByAChangeAreLoggedUnderTheZonesTheyBelongedTo() {
        Map<String, Object> p = new HashMap<>();
        p.put("logSessionClose", "true");
        p.put("zone.a-zone.prefixes", "10.0.0.0/8");
        p.put("zone.b-zone.prefixes", "0.0.0.0/0");
        p.put("zone.b-zone.applicationTracking", "false");
        p.put("zone.c-zone.interfaces", "of:0000000000000009");
        p.put("policy.a-zone.b-zone", "a-to-b");
        AppTrackRuntime rt = new AppTrackRuntime(log, AppTrackSettings.parse(p), clock);
        rt.process(packet("of:0000000000000001/1", udp(HOST, 5000, WEB, 53)));
        assertEquals("a-to-b", rt.sessions(x -> true, 1).get(0).text(SessionAttribute.POLICY_NAME));
        p.remove("zone.a-zone.prefixes"); // zone ids shift: b-zone and c-zone are now 0 and 1
        p.remove("policy.a-zone.b-zone");
        rt.apply(AppTrackSettings.parse(p));
        assertEquals(1, logs.size());
        LogRecord close = logs.get(0);
        assertEquals("policy delete", close.value("reason"));
        assertEquals("a-zone", close.value("source-zone-name"));
        assertEquals("b-zone", close.value("destination-zone-name"));
        assertEquals("a-to-b", close.value("policy-name"));
    }
}
