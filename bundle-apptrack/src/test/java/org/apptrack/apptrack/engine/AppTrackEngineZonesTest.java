package org.apptrack.apptrack.engine;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.apptrack.testsupport.packets.Packets.vlanTagged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.engine.zone.SecurityZones;
import org.apptrack.apptrack.engine.zone.ZonePolicy;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.syslog.testing.RecordingSecurityLog;
import org.apptrack.testsupport.packets.Frames;
import org.apptrack.testsupport.packets.Packets;
import org.junit.jupiter.api.Test;

/** Zones, policies, user identity and logical systems, from frames to log records. */
class AppTrackEngineZonesTest {

    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * S;
    private static final int WEB = Packets.ip4(93, 184, 216, 34);
    private static final int GUEST = Packets.ip4(10, 99, 0, 7);

    private final RecordingSecurityLog log = new RecordingSecurityLog();
    private final List<LogRecord> logs = log.records();
    private LoggedEngine logged;
    private AppTrackEngine engine;

    private static Map<String, Object> config() {
        Map<String, Object> p = new HashMap<>();
        p.put("logSessionCreate", "true");
        p.put("logSessionClose", "true");
        p.put("zone.trust.prefixes", "10.0.0.0/8");
        p.put("zone.untrust.prefixes", "0.0.0.0/0");
        p.put("zone.guest.prefixes", "10.99.0.0/16");
        p.put("zone.guest.logicalSystem", "LSYS-guest");
        p.put("zone.guest.applicationTracking", "true");
        p.put("policy.trust.untrust", "web-out");
        p.put("policy.trust.untrust.userIdentity", "true");
        p.put("user.alice.addresses", "10.0.0.1");
        p.put("user.alice.roles", "DEPT1");
        return p;
    }

    private void start(Map<String, Object> props) {
        AppTrackSettings s = AppTrackSettings.parse(props);
        logged = new LoggedEngine(s.engine(), s.zones(), null, log, s.logSessionCreate(), s.logSessionClose());
        engine = logged.engine;
    }

    private boolean send(byte[] frame, long at) {
        return engine.onFrame(ByteBuffer.wrap(frame), 0, T0 + at);
    }

    @Test
    void logsCarryZonesPolicyAndUser() {
        start(config());
        assertTrue(send(Frames.tcp(A, 40000, WEB, 443, SYN), 0));
        int unknownUser = Packets.ip4(10, 0, 0, 2);
        assertTrue(send(Frames.tcp(unknownUser, 40001, WEB, 443, SYN), 0));
        assertTrue(send(Frames.tcp(WEB, 5000, A, 22, SYN), 0));
        engine.closeAll(CloseReason.CLI, T0 + S);
        assertEquals(6, logs.size());

        LogRecord create = logs.get(0);
        assertEquals("APPTRACK_SESSION_CREATE", create.tag());
        assertEquals("web-out", create.value("policy-name"));
        assertEquals("trust", create.value("source-zone-name"));
        assertEquals("untrust", create.value("destination-zone-name"));
        assertEquals("alice", create.value("username"));
        assertEquals("DEPT1", create.value("roles"));
        assertFalse(create.isLogicalSystemRecord());

        assertEquals("unauthenticated user", logs.get(1).value("username"));
        assertEquals("N/A", logs.get(1).value("roles"));

        LogRecord inbound = logs.get(2);
        assertEquals("untrust", inbound.value("source-zone-name"));
        assertEquals("trust", inbound.value("destination-zone-name"));
        assertEquals(SecurityZones.DEFAULT_POLICY_NAME, inbound.value("policy-name"));
        assertEquals("N/A", inbound.value("username"), "no user enforcement on this policy");
        assertEquals("N/A", inbound.value("roles"));

        for (LogRecord close : logs.subList(3, 6)) {
            assertEquals("APPTRACK_SESSION_CLOSE", close.tag());
            assertEquals("CLI", close.value("reason"));
        }
    }

    @Test
    void aSessionWhoseServerSpokeFirstIsPlacedByItsClient() {
        start(config());
        // the capture missed the SYN: the web server's data reaches the client first
        assertTrue(send(Frames.tcp(WEB, 443, A, 40000, ACK), 0));
        engine.closeAll(CloseReason.CLI, T0 + S);
        LogRecord create = logs.get(0);
        assertEquals("10.0.0.1", create.value("source-address"));
        assertEquals("trust", create.value("source-zone-name"));
        assertEquals("untrust", create.value("destination-zone-name"));
        assertEquals("web-out", create.value("policy-name"));
        assertEquals("alice", create.value("username"));
    }

    @Test
    void sessionsOfALogicalSystemLogTheLsVariants() {
        start(config());
        assertTrue(send(Frames.tcp(GUEST, 40000, WEB, 80, SYN), 0));
        engine.closeAll(CloseReason.CLI, T0 + S);
        assertEquals("APPTRACK_SESSION_CREATE_LS", logs.get(0).wireTag());
        assertEquals("LSYS-guest", logs.get(0).logicalSystem());
        assertEquals("logical-system-name", logs.get(0).name(0));
        assertEquals("guest", logs.get(0).value("source-zone-name"));
        assertEquals("APPTRACK_SESSION_CLOSE_LS", logs.get(1).wireTag());
    }

    @Test
    void flowsOutsideEveryZoneOrWithAppTrackDisabledGetNoSession() {
        Map<String, Object> p = config();
        p.put("zone.untrust.prefixes", "192.0.2.0/24");
        p.put("zone.guest.applicationTracking", "false");
        p.put("zone.untrust.applicationTracking", "false");
        start(p);
        assertFalse(send(Frames.tcp(A, 40000, WEB, 443, SYN), 0), "93.184.216.34 is in no zone");
        assertFalse(send(Frames.tcp(WEB, 443, A, 40000, SYN | ACK), 1));
        assertEquals(2, engine.counters().get(EngineCounter.FRAMES_WITHOUT_ZONE));
        assertFalse(send(Frames.tcp(GUEST, 40000, Packets.ip4(192, 0, 2, 1), 80, SYN), 2), "guest -> untrust: off");
        assertEquals(1, engine.counters().get(EngineCounter.FRAMES_NOT_TRACKED));
        assertTrue(send(Frames.tcp(GUEST, 40000, A, 80, SYN), 3), "guest -> trust: trust tracks");
        assertEquals(1, engine.active());
        assertEquals(1, logs.size());
    }

    @Test
    void disablingAZoneClosesItsSessionsWithPolicyDelete() {
        start(config());
        assertTrue(send(Frames.tcp(GUEST, 40000, WEB, 80, SYN), 0));
        assertTrue(send(Frames.tcp(A, 40000, WEB, 443, SYN), 0));
        logs.clear();

        Map<String, Object> p = config();
        p.put("zone.guest.applicationTracking", "false");
        p.put("zone.untrust.applicationTracking", "false");
        p.put("policy.trust.untrust", "web-out-v2");
        AppTrackSettings next = AppTrackSettings.parse(p);
        assertTrue(engine.updateSettings(next.engine(), T0 + 2 * S));
        SecurityZones before = AppTrackSettings.parse(config()).zones();
        engine.reassignPolicies(next.zones(), (t, s) -> {
            ZonePolicy old = before.policy(t.policy(s));
            return next.zones().reresolve(old.sourceZone().name(), old.destinationZone().name(), t.clientAddrHi(s),
                    t.clientAddrLo(s), t.serverAddrHi(s), t.serverAddrLo(s));
        }, T0 + 2 * S);
        logged.model.zones(next.zones());
        logged.emitter.configure(true, true);

        assertEquals(1, logs.size());
        assertEquals("APPTRACK_SESSION_CLOSE_LS", logs.get(0).wireTag());
        assertEquals("policy delete", logs.get(0).value("reason"));
        assertEquals(1, engine.active(), "the trust session stays");
        assertEquals(1, engine.counters().closedBy(CloseReason.POLICY_DELETE));
        engine.closeAll(CloseReason.CLI, T0 + 3 * S);
        assertEquals("web-out-v2", logs.get(1).value("policy-name"), "the next log uses the new policy name");
    }

    @Test
    void newTimeoutsApplyToOpenSessionsWithoutClosingThem() {
        start(config());
        assertTrue(send(Frames.udp(A, 5000, WEB, 5001, 10), 0));
        Map<String, Object> p = config();
        p.put("udpTimeout", "10");
        assertTrue(engine.updateSettings(AppTrackSettings.parse(p).engine(), T0 + S));
        assertEquals(1, engine.active());
        engine.advanceTime(T0 + 11 * S);
        assertEquals(0, engine.active(), "aged out at the new 10 s timeout, not the old 60 s");
        assertEquals((T0 + 10 * S) / 1_000_000L, logs.get(1).timeMillis(), "closed at its deadline");
        assertEquals("idle Timeout", logs.get(1).value("reason"));
        p.put("maxSessions", "10");
        assertFalse(engine.updateSettings(AppTrackSettings.parse(p).engine(), T0 + 12 * S),
                "a new session limit needs a new table");
    }

    @Test
    void theVlanSeparatesSessionsOnlyWhenConfigured() {
        byte[] syn = Frames.tcp(A, 40000, WEB, 443, SYN);
        start(config());
        assertTrue(send(vlanTagged(syn, 10), 0));
        assertTrue(send(vlanTagged(syn, 20), 1));
        assertEquals(1, engine.active(), "same 5-tuple: one session by default");
        Map<String, Object> p = config();
        p.put("vlanInSessionKey", "true");
        start(p);
        assertTrue(send(vlanTagged(syn, 10), 0));
        assertTrue(send(vlanTagged(syn, 20), 1));
        assertTrue(send(vlanTagged(Frames.tcp(WEB, 443, A, 40000, SYN | ACK), 20), 2));
        assertEquals(2, engine.active(), "one session per VLAN");
        assertEquals(1, engine.table().serverPackets(engine.table().sessionAt(0))
                + engine.table().serverPackets(engine.table().sessionAt(1)), "the reply found its VLAN's session");
        assertFalse(AppTrackSettings.parse(config()).engine().sameStructure(AppTrackSettings.parse(p).engine()));
    }
}
