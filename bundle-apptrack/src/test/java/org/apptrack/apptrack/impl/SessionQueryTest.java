package org.apptrack.apptrack.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionFilter;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionOrder;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Test;
import org.onosproject.net.ConnectPoint;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.PacketContext;

/**
 * Session listings and filtered clears read the filter from the session table
 * ({@link SessionSelector}) and rank on keys read from it ({@link SessionRanking}); the answer
 * must be exactly what the API's own definitions give: {@link SessionFilter#test} on each
 * session's description, {@link SessionOrder#comparator()}, then the limit.
 */
class SessionQueryTest {

    private static final int[] SERVER_PORTS = {53, 80, 443, 22, 8080, 9999};
    private static final int TCP = 6;
    private static final int UDP = 17;
    private static final int ICMP = 1;

    private long now = 1_700_000_000_000_000_000L;
    private final ByteBuffer frame = ByteBuffer.allocate(2048);
    private final PacketContext context = mock(PacketContext.class);

    SessionQueryTest() {
        InboundPacket in = mock(InboundPacket.class);
        when(context.inPacket()).thenReturn(in);
        when(in.unparsed()).thenReturn(frame);
        when(in.receivedFrom()).thenReturn(ConnectPoint.deviceConnectPoint("of:0000000000000001/1"));
    }

    private AppTrackRuntime runtime() {
        Map<String, Object> p = new HashMap<>();
        p.put("zone.trust.prefixes", "10.0.0.0/8, fd00::/8");
        p.put("zone.dmz.prefixes", "192.168.0.0/16");
        p.put("zone.untrust.prefixes", "0.0.0.0/0, ::/0");
        return new AppTrackRuntime(mock(SecurityLogService.class), AppTrackSettings.parse(p), () -> now);
    }

    /** A few hundred sessions of both families and three protocols; some closed, so ids have gaps. */
    private void fill(AppTrackRuntime rt, long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 300; i++) {
            boolean v6 = rnd.nextInt(4) == 0;
            int protocol = new int[] {TCP, UDP, ICMP}[rnd.nextInt(3)];
            byte[] client = address(rnd, v6, rnd.nextInt(3));
            byte[] server = address(rnd, v6, rnd.nextInt(3));
            int clientPort = 1024 + rnd.nextInt(8);
            int serverPort = SERVER_PORTS[rnd.nextInt(SERVER_PORTS.length)];
            int packets = 1 + rnd.nextInt(6);
            for (int k = 0; k < packets; k++) {
                now += 1 + rnd.nextInt(5_000_000);
                boolean fromClient = k % 3 != 2;
                int flags = protocol == TCP && k == 0 ? 0x02 : 0x18;
                if (protocol == TCP && k == packets - 1 && rnd.nextInt(5) == 0) {
                    flags = 0x14; // RST|ACK: the session closes, its index is reused
                }
                send(rt, v6, protocol, fromClient ? client : server, fromClient ? clientPort : serverPort,
                        fromClient ? server : client, fromClient ? serverPort : clientPort, flags,
                        rnd.nextInt(1400));
            }
        }
    }

    /** An address in trust (0), dmz (1) or untrust (2), with few distinct values so that filters hit. */
    private static byte[] address(Random rnd, boolean v6, int zone) {
        if (v6) {
            byte[] a = new byte[16];
            a[0] = (byte) (zone == 0 ? 0xfd : 0x20);
            a[1] = 0x01;
            a[15] = (byte) rnd.nextInt(6);
            return a;
        }
        int first = zone == 0 ? 10 : zone == 1 ? 192 : 93;
        int second = zone == 1 ? 168 : 0;
        return new byte[] {(byte) first, (byte) second, 0, (byte) rnd.nextInt(6)};
    }

    private void send(AppTrackRuntime rt, boolean v6, int protocol, byte[] src, int sport, byte[] dst, int dport,
                      int tcpFlags, int payload) {
        byte[] data = new byte[payload];
        byte[] l4 = protocol == TCP ? Packets.tcp(sport, dport, tcpFlags, data)
                : protocol == UDP ? Packets.udp(sport, dport, data)
                // An echo request (identifier: the lower port), so that both directions are one session.
                : Packets.icmp(v6 ? 128 : 8, 0, Math.min(sport, dport), 1, data);
        byte[] f = v6 ? Frames.ipv6(protocol == ICMP ? Packets.ICMPV6 : protocol, src, dst, l4)
                : Frames.ipv4(protocol, Packets.ip4(src), Packets.ip4(dst), l4);
        frame.clear();
        frame.put(f).flip();
        rt.process(context);
    }

    /** What the API defines: every description, the filter, the order's comparator, the limit. */
    private static List<Long> expected(AppTrackRuntime rt, SessionFilter filter, SessionOrder order, int limit) {
        return rt.sessions(x -> true, Integer.MAX_VALUE).stream().filter(filter).sorted(order.comparator())
                .limit(limit).map(SessionInfo::sessionId).collect(Collectors.toList());
    }

    private static List<Long> ids(List<SessionInfo> sessions) {
        return sessions.stream().map(SessionInfo::sessionId).collect(Collectors.toList());
    }

    /** Filters on every criterion, alone and combined, built from what the table holds. */
    private static List<Supplier<SessionFilter>> filters(List<SessionInfo> all) {
        List<Supplier<SessionFilter>> f = new ArrayList<>();
        f.add(SessionFilter::new);
        for (String zone : List.of("trust", "dmz", "untrust", "nowhere")) {
            f.add(() -> new SessionFilter().zone(zone));
        }
        Set<String> applications = new LinkedHashSet<>();
        all.forEach(s -> applications.add(s.application()));
        for (String application : applications) {
            f.add(() -> new SessionFilter().application(application.toLowerCase(java.util.Locale.ROOT)));
        }
        f.add(() -> new SessionFilter().application("no-such-application"));
        for (String address : List.of("10.0.0.1", "::ffff:192.168.0.2", "93.0.0.3", "fd01::1", "FD01:0:0:0:0:0:0:2",
                "[2001::4]", "10.0.0.99")) {
            f.add(() -> new SessionFilter().address(address));
        }
        for (int port : new int[] {53, 443, 1025, 9999, 7}) {
            f.add(() -> new SessionFilter().port(port));
        }
        for (int protocol : new int[] {TCP, UDP, ICMP, 58, 132}) {
            f.add(() -> new SessionFilter().protocol(protocol));
        }
        f.add(() -> new SessionFilter().sessionId(all.get(all.size() / 2).sessionId()));
        f.add(() -> new SessionFilter().sessionId(4_000_000_000L));
        f.add(() -> new SessionFilter().zone("trust").protocol(TCP).port(443));
        f.add(() -> new SessionFilter().zone("untrust").address("10.0.0.2").protocol(UDP));
        f.add(() -> new SessionFilter().application(all.get(0).application()).zone("dmz"));
        return f;
    }

    @Test
    void listingsAreTheFilterThenTheOrderThenTheLimit() {
        AppTrackRuntime rt = runtime();
        fill(rt, 11);
        List<SessionInfo> all = rt.sessions(x -> true, Integer.MAX_VALUE);
        assertTrue(all.size() > 150, "the table holds enough sessions: " + all.size());
        int nonEmpty = 0;
        for (Supplier<SessionFilter> filter : filters(all)) {
            for (SessionOrder order : SessionOrder.values()) {
                for (int limit : new int[] {1, 7, 1000}) {
                    List<Long> want = expected(rt, filter.get(), order, limit);
                    assertEquals(want, ids(rt.sessions(filter.get(), limit, order)),
                            "filter " + filter.get().getClass() + " order " + order + " limit " + limit);
                    nonEmpty += want.isEmpty() ? 0 : 1;
                }
            }
        }
        assertTrue(nonEmpty > 100, "most filters select something: " + nonEmpty);
    }

    @Test
    void anyOtherPredicateSeesTheDescriptionsInOrder() {
        AppTrackRuntime rt = runtime();
        fill(rt, 12);
        List<SessionInfo> all = rt.sessions(x -> true, Integer.MAX_VALUE);
        java.util.function.Predicate<SessionInfo> heavyTcp = s -> s.protocol() == TCP
                && s.bytes() > 1500;
        for (SessionOrder order : SessionOrder.values()) {
            List<Long> want = all.stream().filter(heavyTcp).sorted(order.comparator()).limit(5)
                    .map(SessionInfo::sessionId).collect(Collectors.toList());
            assertEquals(5, want.size());
            assertEquals(want, ids(rt.sessions(heavyTcp, 5, order)), order.name());
        }
    }

    @Test
    void aFilteredClearClosesExactlyTheSessionsTheFilterAccepts() {
        for (Supplier<SessionFilter> filter : List.<Supplier<SessionFilter>>of(
                () -> new SessionFilter().zone("dmz"),
                () -> new SessionFilter().address("fd01::3"),
                () -> new SessionFilter().protocol(UDP).port(53),
                () -> new SessionFilter().application("no-such-application"))) {
            AppTrackRuntime rt = runtime();
            fill(rt, 13);
            List<SessionInfo> before = rt.sessions(x -> true, Integer.MAX_VALUE);
            Set<Long> closing = before.stream().filter(filter.get()).map(SessionInfo::sessionId)
                    .collect(Collectors.toSet());
            assertEquals(closing.size(), rt.closeMatching(filter.get(), CloseReason.CLI));
            Set<Long> left = rt.sessions(x -> true, Integer.MAX_VALUE).stream().map(SessionInfo::sessionId)
                    .collect(Collectors.toSet());
            for (SessionInfo s : before) {
                assertEquals(!closing.contains(s.sessionId()), left.contains(s.sessionId()), "session " + s);
            }
        }
    }

    @Test
    void openSessionsAreTheFirstByIdDescribedByTheAskedAttributesAlone() {
        AppTrackRuntime rt = runtime();
        fill(rt, 15);
        Set<SessionAttribute> asked = EnumSet.of(SessionAttribute.APPLICATION, SessionAttribute.SOURCE_ZONE,
                SessionAttribute.BYTES_FROM_SERVER);
        List<SessionInfo> full = rt.sessions(new SessionFilter(), 50, SessionOrder.ID);
        List<SessionInfo> projected = rt.openSessions(50, asked);
        assertEquals(50, projected.size());
        for (int i = 0; i < full.size(); i++) {
            for (SessionAttribute a : SessionAttribute.values()) {
                Object expected = asked.contains(a) ? full.get(i).value(a) : a.isNumeric() ? (Object) 0L : "";
                assertEquals(expected, projected.get(i).value(a), a + " of session " + i);
            }
        }
        assertTrue(full.stream().anyMatch(s -> s.number(SessionAttribute.BYTES_FROM_SERVER) > 0
                && !s.text(SessionAttribute.SOURCE_ZONE).isEmpty()), "the comparison has values to compare");
    }

    @Test
    void aLimitOfZeroOrLessReturnsNothing() {
        AppTrackRuntime rt = runtime();
        fill(rt, 14);
        assertEquals(List.of(), rt.sessions(new SessionFilter(), 0, SessionOrder.BYTES));
        assertEquals(List.of(), rt.sessions(x -> true, -1, SessionOrder.ID));
    }
}
