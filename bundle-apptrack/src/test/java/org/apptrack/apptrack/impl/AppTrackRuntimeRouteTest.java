package org.apptrack.apptrack.impl;

import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.api.time.Clock;
import org.apptrack.apptrack.api.SessionAttribute;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionRoute;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.api.SecurityLogService;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.onosproject.net.packet.InboundPacket;
import org.onosproject.net.packet.PacketContext;

/**
 * Route changes from path selection: the route update and next-hop change logs field by field
 * (the values of the seed's samples, {@code 000_750492ec1f711fce.txt} lines 142-158), the route in
 * later volume updates and the close, in the session's attributes, and refusals.
 */
class AppTrackRuntimeRouteTest {

    private static final int CLIENT = Packets.ip4(4, 0, 0, 1);
    private static final int SERVER = Packets.ip4(157, 240, 23, 35);
    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private long now = 1_700_000_000L * S;
    private final Clock clock = () -> now;
    private final List<LogRecord> logs = new ArrayList<>();
    private final SecurityLogService log = mock(SecurityLogService.class);

    /** Seed line 152's route: profile1/rule1 in RI1 out of ge-0/0/1.0, SLA rule sla1, DSCP 13, rule type dscp. */
    private static final SessionRoute SEED_ROUTE = SessionRoute.builder().profileName("profile1").ruleName("rule1")
            .routingInstance("RI1").destinationInterface("ge-0/0/1.0").apbrPolicyName("sla1").dscp(13)
            .apbrRuleType("dscp").build();
    /** The previous route of seed line 152: out of ge-0/0/4.0. */
    private static final SessionRoute PREVIOUS = SessionRoute.builder().profileName("profile1").ruleName("rule1")
            .routingInstance("RI1").destinationInterface("ge-0/0/4.0").apbrPolicyName("sla1").dscp(13)
            .apbrRuleType("dscp").build();

    AppTrackRuntimeRouteTest() {
        Mockito.doAnswer(inv -> logs.add(inv.getArgument(0))).when(log).log(Mockito.any(LogRecord.class));
    }

    private AppTrackRuntime runtime() {
        return new AppTrackRuntime(log, AppTrackSettings.parse(Map.of("logSessionClose", "true",
                "sessionUpdateInterval", "1", "zone.trust.prefixes", "4.0.0.0/8",
                "zone.untrust.prefixes", "0.0.0.0/0", "policy.trust.untrust", "1")), clock);
    }

    private static PacketContext packet(byte[] frame) {
        PacketContext ctx = mock(PacketContext.class);
        InboundPacket in = mock(InboundPacket.class);
        when(ctx.inPacket()).thenReturn(in);
        when(in.unparsed()).thenReturn(ByteBuffer.wrap(frame));
        return ctx;
    }

    /** Seed line 152's session: 4.0.0.1:1999 -> 157.240.23.35:80, its SYN only. */
    private long seedSession(AppTrackRuntime rt) {
        rt.process(packet(Frames.tcp(CLIENT, 1999, SERVER, 80, SYN)));
        return rt.sessions(x -> true, 1).get(0).sessionId();
    }

    private List<LogRecord> tagged(String tag) {
        List<LogRecord> out = new ArrayList<>();
        for (LogRecord r : logs) {
            if (r.tag().equals(tag)) {
                out.add(r);
            }
        }
        return out;
    }

    private static Map<String, String> fields(LogRecord r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < r.fieldCount(); i++) {
            out.put(r.name(i), r.value(i));
        }
        return out;
    }

    /**
     * The fields of seed line 152's RT_FLOW_NEXTHOP_CHANGE, in order, with what differs in this
     * session: its id, its 40-byte SYN (the seed's carries options: 60), the application the
     * server port suggests before any payload (the seed's device showed UNKNOWN) and encryption
     * not yet known (UNKNOWN; the seed's device said No).
     */
    private static Map<String, String> seedNextHopFields(long sessionId) {
        Map<String, String> f = new LinkedHashMap<>();
        String[] pairs = {"source-address", "4.0.0.1", "source-port", "1999", "destination-address", "157.240.23.35",
            "destination-port", "80", "service-name", "junos-http", "application", "HTTP",
            "nested-application", "UNKNOWN", "nat-source-address", "4.0.0.1", "nat-source-port", "1999",
            "nat-destination-address", "157.240.23.35", "nat-destination-port", "80", "src-nat-rule-name", "N/A",
            "dst-nat-rule-name", "N/A", "protocol-id", "6", "policy-name", "1", "source-zone-name", "trust",
            "destination-zone-name", "untrust", "session-id-32", Long.toString(sessionId),
            "packets-from-client", "1", "bytes-from-client", "40", "packets-from-server", "0",
            "bytes-from-server", "0", "elapsed-time", "0", "username", "N/A", "roles", "N/A", "encrypted", "UNKNOWN",
            "profile-name", "profile1", "rule-name", "rule1", "routing-instance", "RI1",
            "destination-interface-name", "ge-0/0/1.0", "last-destination-interface-name", "ge-0/0/4.0",
            "uplink-incoming-interface-name", "", "last-incoming-interface-name", "N/A", "uplink-tx-bytes", "0",
            "uplink-rx-bytes", "0", "apbr-policy-name", "sla1", "dscp-value", "13", "apbr-rule-type", "dscp"};
        for (int i = 0; i < pairs.length; i += 2) {
            f.put(pairs[i], pairs[i + 1]);
        }
        return f;
    }

    @Test
    void aRouteChangeLogsTheRouteUpdateAndTheNextHopChangeFieldByField() {
        AppTrackRuntime rt = runtime();
        long id = seedSession(rt);
        assertTrue(rt.updateRoute(id, PREVIOUS));
        logs.clear();
        now += 400 * MS;
        assertTrue(rt.updateRoute(id, SEED_ROUTE));

        assertEquals(2, logs.size(), "one route update, one next-hop change");
        LogRecord nextHop = tagged("RT_FLOW_NEXTHOP_CHANGE").get(0);
        assertEquals(seedNextHopFields(id), fields(nextHop));
        assertEquals(now / MS, nextHop.timeMillis());
        assertEquals("RT_FLOW", nextHop.appName());

        // Seed line 148's route update, with this session's prefix and the route's fields.
        Map<String, String> route = fields(tagged("APPTRACK_SESSION_ROUTE_UPDATE").get(0));
        assertEquals(List.of("source-address", "source-port", "destination-address", "destination-port",
                "service-name", "application", "nested-application", "nat-source-address", "nat-source-port",
                "nat-destination-address", "nat-destination-port", "src-nat-rule-name", "dst-nat-rule-name",
                "protocol-id", "policy-name", "source-zone-name", "destination-zone-name", "session-id-32",
                "username", "roles", "encrypted", "profile-name", "rule-name", "routing-instance",
                "destination-interface-name", "category", "sub-category", "apbr-policy-name", "webfilter-category",
                "source-l3vpn-vrf-group-name", "destination-l3vpn-vrf-group-name", "dscp-value", "apbr-rule-type"),
                new ArrayList<>(route.keySet()));
        assertEquals("4.0.0.1", route.get("source-address"));
        assertEquals("1999", route.get("source-port"));
        assertEquals(Long.toString(id), route.get("session-id-32"));
        assertEquals("profile1", route.get("profile-name"));
        assertEquals("rule1", route.get("rule-name"));
        assertEquals("RI1", route.get("routing-instance"));
        assertEquals("ge-0/0/1.0", route.get("destination-interface-name"));
        assertEquals("sla1", route.get("apbr-policy-name"));
        assertEquals("N/A", route.get("webfilter-category"));
        assertEquals("13", route.get("dscp-value"));
        assertEquals("dscp", route.get("apbr-rule-type"));
        assertEquals(2, rt.counters().routeUpdates());
    }

    @Test
    void theFirstRouteHasNoPreviousInterfacesAndTheSameRouteAgainLogsNothing() {
        AppTrackRuntime rt = runtime();
        long id = seedSession(rt);
        SessionRoute first = SessionRoute.builder().profileName("pf1").ruleName("facebook1")
                .routingInstance("instance1").destinationInterface("st0.0").uplinkIncomingInterface("st0.1")
                .apbrRuleType("application").build();
        assertTrue(rt.updateRoute(id, first));
        Map<String, String> nextHop = fields(tagged("RT_FLOW_NEXTHOP_CHANGE").get(0));
        assertEquals("N/A", nextHop.get("last-destination-interface-name"));
        assertEquals("N/A", nextHop.get("last-incoming-interface-name"));
        assertEquals("st0.1", nextHop.get("uplink-incoming-interface-name"));
        assertEquals("N/A", nextHop.get("dscp-value"), "no DSCP in the rule");
        assertEquals("N/A", nextHop.get("apbr-policy-name"));

        SessionRoute same = SessionRoute.builder().profileName("pf1").ruleName("facebook1")
                .routingInstance("instance1").destinationInterface("st0.0").uplinkIncomingInterface("st0.1")
                .apbrRuleType("application").build();
        assertTrue(rt.updateRoute(id, same));
        assertEquals(2, logs.size(), "an equal route is no change");

        SessionRoute back = SessionRoute.builder().profileName("pf1").ruleName("facebook1")
                .routingInstance("instance1").destinationInterface("st0.2").uplinkIncomingInterface("st0.3")
                .apbrRuleType("application").build();
        assertTrue(rt.updateRoute(id, back));
        Map<String, String> second = fields(tagged("RT_FLOW_NEXTHOP_CHANGE").get(1));
        assertEquals("st0.2", second.get("destination-interface-name"));
        assertEquals("st0.0", second.get("last-destination-interface-name"));
        assertEquals("st0.3", second.get("uplink-incoming-interface-name"));
        assertEquals("st0.1", second.get("last-incoming-interface-name"));
    }

    @Test
    void laterVolumeUpdatesAndTheCloseCarryTheRoute() {
        AppTrackRuntime rt = runtime();
        long id = seedSession(rt);
        now += 10 * MS;
        rt.process(packet(Frames.tcp(SERVER, 80, CLIENT, 1999, SYN | ACK)));
        now += 10 * MS;
        rt.process(packet(Frames.tcp(CLIENT, 1999, SERVER, 80, ACK)));
        assertTrue(rt.updateRoute(id, SEED_ROUTE));
        now += 2 * S;
        rt.process(packet(Frames.tcp(CLIENT, 1999, SERVER, 80, PSH | ACK, 100)));
        List<LogRecord> updates = tagged("APPTRACK_SESSION_VOL_UPDATE");
        assertEquals(1, updates.size());
        Map<String, String> vol = fields(updates.get(0));
        assertEquals("profile1", vol.get("profile-name"));
        assertEquals("rule1", vol.get("rule-name"));
        assertEquals("RI1", vol.get("routing-instance"));
        assertEquals("ge-0/0/1.0", vol.get("destination-interface-name"));
        assertEquals("13", vol.get("dscp-value"));
        assertEquals("dscp", vol.get("apbr-rule-type"));

        SessionInfo s = rt.sessions(x -> true, 1).get(0);
        assertEquals("profile1", s.text(SessionAttribute.APBR_PROFILE));
        assertEquals("rule1", s.text(SessionAttribute.APBR_RULE));
        assertEquals("RI1", s.text(SessionAttribute.ROUTING_INSTANCE));
        assertEquals("ge-0/0/1.0", s.text(SessionAttribute.DESTINATION_INTERFACE));
        assertEquals("sla1", s.text(SessionAttribute.APBR_POLICY));
        assertEquals(13, s.number(SessionAttribute.ROUTE_DSCP));
        assertEquals("dscp", s.text(SessionAttribute.APBR_RULE_TYPE));
        assertEquals("", s.text(SessionAttribute.UPLINK_INCOMING_INTERFACE));
        assertEquals(10_000, s.number(SessionAttribute.SERVER_RTT_MICROS));
        assertEquals(10_000, s.number(SessionAttribute.CLIENT_RTT_MICROS));

        rt.closeAll(CloseReason.CLI);
        Map<String, String> close = fields(tagged("APPTRACK_SESSION_CLOSE").get(0));
        assertEquals("CLI", close.get("reason"));
        assertEquals("profile1", close.get("profile-name"));
        assertEquals("rule1", close.get("rule-name"));
        assertEquals("RI1", close.get("routing-instance"));
        assertEquals("ge-0/0/1.0", close.get("destination-interface-name"));
        assertEquals("", close.get("uplink-incoming-interface-name"));
        assertEquals("13", close.get("dscp-value"));
        assertEquals("dscp", close.get("apbr-rule-type"));
    }

    @Test
    void aSessionWithoutARouteLogsNotApplicableAndShowsEmptyAttributes() {
        AppTrackRuntime rt = runtime();
        seedSession(rt);
        SessionInfo s = rt.sessions(x -> true, 1).get(0);
        assertEquals("", s.text(SessionAttribute.APBR_PROFILE));
        assertEquals(-1, s.number(SessionAttribute.ROUTE_DSCP));
        rt.closeAll(CloseReason.CLI);
        Map<String, String> close = fields(tagged("APPTRACK_SESSION_CLOSE").get(0));
        assertEquals("N/A", close.get("profile-name"));
        assertEquals("N/A", close.get("dscp-value"));
        assertEquals("N/A", close.get("apbr-rule-type"));
    }

    @Test
    void anUnknownOrClosedSessionIsRefusedAndCounted() {
        AppTrackRuntime rt = runtime();
        long id = seedSession(rt);
        assertFalse(rt.updateRoute(id + 1000, SEED_ROUTE));
        assertFalse(rt.updateRoute(0, SEED_ROUTE));
        assertFalse(rt.updateRoute(1L << 40, SEED_ROUTE));
        rt.closeAll(CloseReason.CLI);
        logs.clear();
        assertFalse(rt.updateRoute(id, SEED_ROUTE));
        assertTrue(logs.isEmpty());
        assertEquals(4, rt.counters().routeUpdatesUnknownSession());
        assertEquals(0, rt.counters().routeUpdates());
        assertThrows(NullPointerException.class, () -> rt.updateRoute(id, null));
    }

    @Test
    void aSessionThatAgedOutMeanwhileIsUnknown() {
        AppTrackRuntime rt = runtime();
        long id = seedSession(rt);
        now += 60 * S; // the initial TCP timeout is 20 s
        assertFalse(rt.updateRoute(id, SEED_ROUTE));
        assertEquals(1, tagged("APPTRACK_SESSION_CLOSE").size());
        assertTrue(tagged("RT_FLOW_NEXTHOP_CHANGE").isEmpty());
    }

    @Test
    void badRouteValuesAreRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SessionRoute.builder().dscp(64));
        assertTrue(e.getMessage().startsWith("dscp"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SessionRoute.builder().destinationInterface("ge-0/0/1.0\nforged"));
        assertTrue(e.getMessage().startsWith("destinationInterface"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SessionRoute.builder().ruleName(null));
        assertTrue(e.getMessage().startsWith("ruleName"), e.getMessage());
    }
}
