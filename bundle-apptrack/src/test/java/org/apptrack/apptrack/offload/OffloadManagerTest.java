package org.apptrack.apptrack.offload;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.FIN;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.RST;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apptrack.apptrack.api.OffloadCounters;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.testsupport.packets.Frames;
import org.junit.jupiter.api.Test;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IpAddress;
import org.onlab.packet.IpPrefix;
import org.onlab.packet.TpPort;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultFlowRule;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.flow.criteria.Criterion;
import org.onosproject.net.flow.criteria.TcpFlagsCriterion;
import org.onosproject.store.service.TestStorageService;

/**
 * Offload mode end to end on ONOS's service adapters: a session punted by the switch, classified,
 * then counted by its flow rules; volume updates and closes through the real log path.
 */
class OffloadManagerTest {

    private static final long S = 1_000_000_000L;
    private static final DeviceId SWITCH = DeviceId.deviceId("of:0000000000000001");
    private static final DeviceId MIRROR = DeviceId.deviceId("of:0000000000000002");
    private static final ApplicationId FWD = new DefaultApplicationId(99, "org.onosproject.fwd");
    private static final int CLIENT_PORT = 40000;

    private final long[] clock = {1_700_000_000L * S};
    private final FakeFlowRules flowRules = new FakeFlowRules();

    private static Map<String, Object> config() {
        Map<String, Object> p = new HashMap<>();
        p.put("logSessionCreate", "true");
        p.put("logSessionClose", "true");
        p.put("sessionUpdateInterval", "60");
        p.put("tcpTimeout", "300");
        p.put("offload.devices", SWITCH.toString());
        p.put("offload.afterPackets", "4");
        return p;
    }

    private OffloadNode node() {
        OffloadNode n = new OffloadNode(config(), clock, flowRules, new TestStorageService());
        n.mastership.masterQuietly(SWITCH);
        n.mastership.masterQuietly(MIRROR);
        return n;
    }

    /** The reactive forwarding's rules: by in_port and destination address, priority 10. */
    private void forwardingRules(DeviceId device) {
        flowRules.applyFlowRules(
                fwd(device, DefaultTrafficSelector.builder().matchInPort(PortNumber.portNumber(1))
                        .matchEthType(Ethernet.TYPE_IPV4).matchIPDst(IpPrefix.valueOf(IpAddress.valueOf(B), 32))
                        .build(), 2),
                fwd(device, DefaultTrafficSelector.builder().matchInPort(PortNumber.portNumber(2))
                        .matchEthType(Ethernet.TYPE_IPV4).matchIPDst(IpPrefix.valueOf(IpAddress.valueOf(A), 32))
                        .build(), 1));
    }

    private static FlowRule fwd(DeviceId device, TrafficSelector selector, int outPort) {
        return DefaultFlowRule.builder().forDevice(device).fromApp(FWD).withPriority(10).withSelector(selector)
                .withTreatment(DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(outPort)).build())
                .makeTemporary(10).build();
    }

    private void at(long seconds) {
        clock[0] = 1_700_000_000L * S + seconds * S;
    }

    /** Handshake and a request and a response, punted by {@code device}: 3 client and 2 server packets. */
    private void openSession(OffloadNode n, DeviceId device) {
        String client = device + "/1";
        String server = device + "/2";
        n.punt(client, Frames.tcp(A, CLIENT_PORT, B, 443, SYN));
        n.punt(server, Frames.tcp(B, 443, A, CLIENT_PORT, SYN | ACK));
        n.punt(client, Frames.tcp(A, CLIENT_PORT, B, 443, ACK));
        n.punt(client, Frames.tcp(A, CLIENT_PORT, B, 443, PSH | ACK, 300)); // 4th packet: client side offloaded
        n.punt(server, Frames.tcp(B, 443, A, CLIENT_PORT, PSH | ACK, 1000)); // server side offloaded
        n.runWork();
    }

    private List<FlowEntry> sessionRules() {
        return flowRules.rulesOf(OffloadNode.APP, SWITCH).stream()
                .filter(e -> e.priority() == 40_000).collect(Collectors.toList());
    }

    private FlowEntry ruleFrom(int inPort) {
        return sessionRules().stream().filter(e -> e.selector().getCriterion(Criterion.Type.IN_PORT)
                .equals(DefaultTrafficSelector.builder().matchInPort(PortNumber.portNumber(inPort)).build()
                        .getCriterion(Criterion.Type.IN_PORT))).findFirst().orElseThrow();
    }

    private static long number(LogRecord r, String field) {
        return Long.parseLong(r.value(field));
    }

    @Test
    void aClassifiedSessionGetsAnExactRulePerDirectionWithTheForwardingsTreatmentAndItsTimeout() {
        OffloadNode n = node();
        forwardingRules(SWITCH);
        openSession(n, SWITCH);
        List<FlowEntry> rules = sessionRules();
        assertEquals(2, rules.size(), "one rule per direction");
        FlowEntry c2s = ruleFrom(1);
        TrafficSelector expected = DefaultTrafficSelector.builder().matchInPort(PortNumber.portNumber(1))
                .matchEthType(Ethernet.TYPE_IPV4).matchIPProtocol((byte) 6)
                .matchIPSrc(IpPrefix.valueOf(IpAddress.valueOf(A), 32))
                .matchIPDst(IpPrefix.valueOf(IpAddress.valueOf(B), 32))
                .matchTcpSrc(TpPort.tpPort(CLIENT_PORT)).matchTcpDst(TpPort.tpPort(443)).build();
        assertEquals(expected, c2s.selector());
        assertEquals(DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(2)).build(), c2s.treatment(),
                "forwarded as the forwarding decided");
        assertEquals(300, c2s.timeout(), "the session's idle timeout");
        assertEquals(40_000, c2s.priority());
        assertEquals(DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(1)).build(),
                ruleFrom(2).treatment());
        List<FlowEntry> punts = flowRules.rulesOf(OffloadNode.APP, SWITCH).stream()
                .filter(e -> e.selector().getCriterion(Criterion.Type.TCP_FLAGS) != null).collect(Collectors.toList());
        assertEquals(8, punts.size(), "FIN+ACK, FIN+PSH+ACK, RST, RST+ACK for IPv4 and IPv6");
        Set<Integer> flags = punts.stream().map(e -> ((TcpFlagsCriterion) e.selector()
                .getCriterion(Criterion.Type.TCP_FLAGS)).flags()).collect(Collectors.toSet());
        assertEquals(Set.of(0x11, 0x19, 0x04, 0x14), flags);
        for (FlowEntry p : punts) {
            assertEquals(40_001, p.priority(), "above the session rules");
            assertEquals(DefaultTrafficTreatment.builder().punt().build(), p.treatment());
        }
        assertEquals(1, n.logs("APPTRACK_SESSION_CREATE").size());
    }

    @Test
    void polledStatisticsBecomeVolumeUpdatesAndTheRulesRemovalClosesIdleTimeoutWithTheFinalCounts() {
        OffloadNode n = node();
        forwardingRules(SWITCH);
        openSession(n, SWITCH);
        at(30);
        flowRules.counts(ruleFrom(1).id().value(), 100, 150_000);
        flowRules.counts(ruleFrom(2).id().value(), 200, 300_000);
        n.poll();
        assertTrue(n.logs("APPTRACK_SESSION_VOL_UPDATE").isEmpty(), "not due within the update interval");
        at(61);
        flowRules.counts(ruleFrom(1).id().value(), 110, 160_000);
        n.poll();
        LogRecord update = n.logs("APPTRACK_SESSION_VOL_UPDATE").get(0);
        assertEquals(3 + 110, number(update, "packets-from-client"), "packets seen before offload plus the switch's");
        assertEquals(2 * 40 + 340 + 160_000, number(update, "bytes-from-client"));
        assertEquals(2 + 200, number(update, "packets-from-server"));
        assertEquals(40 + 1040 + 300_000, number(update, "bytes-from-server"));

        at(350);
        flowRules.counts(ruleFrom(2).id().value(), 205, 305_000);
        n.poll();
        at(400);
        n.tick();
        assertEquals(1, n.runtime.engine().active(),
                "no packet for 340 s (tcpTimeout 300), but the switch counted some: still open");
        long c2sId = ruleFrom(1).id().value();
        long s2cId = ruleFrom(2).id().value();
        flowRules.counts(c2sId, 120, 170_000);
        flowRules.expire(c2sId);
        n.runWork();
        assertTrue(n.logs("APPTRACK_SESSION_CLOSE").isEmpty(), "the other direction's rule still counts");
        flowRules.expire(s2cId);
        n.runWork();
        LogRecord close = n.logs("APPTRACK_SESSION_CLOSE").get(0);
        assertEquals("idle Timeout", close.value("reason"));
        assertEquals(3 + 120, number(close, "packets-from-client"));
        assertEquals(2 * 40 + 340 + 170_000, number(close, "bytes-from-client"));
        assertEquals(2 + 205, number(close, "packets-from-server"));
        assertEquals(0, n.runtime.engine().active());
        assertEquals(0, n.manager.trackedRules());
    }

    @Test
    void finsPuntedByTheSwitchCloseTcpFinAndTheSessionsRulesAreRemoved() {
        OffloadNode n = node();
        forwardingRules(SWITCH);
        openSession(n, SWITCH);
        at(20);
        flowRules.counts(ruleFrom(1).id().value(), 50, 60_000);
        flowRules.counts(ruleFrom(2).id().value(), 70, 90_000);
        n.poll();
        n.punt(SWITCH + "/1", Frames.tcp(A, CLIENT_PORT, B, 443, FIN | ACK));
        n.punt(SWITCH + "/2", Frames.tcp(B, 443, A, CLIENT_PORT, FIN | ACK));
        flowRules.counts(ruleFrom(2).id().value(), 72, 92_000); // counted after the last poll
        n.runWork();
        assertTrue(sessionRules().isEmpty(), "the session's rules are removed");
        LogRecord close = n.logs("APPTRACK_SESSION_CLOSE").get(0);
        assertEquals("TCP FIN", close.value("reason"));
        assertEquals(3 + 50 + 1, number(close, "packets-from-client"), "the punted FIN counted once, as a packet");
        assertEquals(2 + 72 + 1, number(close, "packets-from-server"), "the rule's final counts");
        assertEquals(1, n.logs("APPTRACK_SESSION_CLOSE").size());
    }

    @Test
    void aRstPuntedByTheSwitchClosesWithTheRstReason() {
        OffloadNode n = node();
        forwardingRules(SWITCH);
        openSession(n, SWITCH);
        n.punt(SWITCH + "/2", Frames.tcp(B, 443, A, CLIENT_PORT, RST | ACK));
        n.runWork();
        assertEquals("TCP SERVER RST", n.logs("APPTRACK_SESSION_CLOSE").get(0).value("reason"));
        assertTrue(sessionRules().isEmpty());
    }

    @Test
    void theForwardingsOwnExactRuleIsCountedInsteadOfInstallingOne() {
        OffloadNode n = node();
        TrafficSelector exact = DefaultTrafficSelector.builder().matchInPort(PortNumber.portNumber(1))
                .matchEthType(Ethernet.TYPE_IPV4).matchIPProtocol((byte) 6)
                .matchIPSrc(IpPrefix.valueOf(IpAddress.valueOf(A), 32))
                .matchIPDst(IpPrefix.valueOf(IpAddress.valueOf(B), 32))
                .matchTcpSrc(TpPort.tpPort(CLIENT_PORT)).matchTcpDst(TpPort.tpPort(443)).build();
        FlowRule fwdExact = fwd(SWITCH, exact, 2);
        flowRules.applyFlowRules(fwdExact);
        forwardingRules(SWITCH);
        openSession(n, SWITCH);
        assertEquals(1, n.manager.forwardingRulesUsed());
        assertEquals(1, sessionRules().size(), "only the server side needed a rule of AppTrack's");
        at(61);
        flowRules.counts(fwdExact.id().value(), 500, 700_000);
        n.poll();
        LogRecord update = n.logs("APPTRACK_SESSION_VOL_UPDATE").get(0);
        assertEquals(3 + 500, number(update, "packets-from-client"));
    }

    @Test
    void aSessionAppQoeSteersKeepsAppQoesPath() {
        OffloadNode n = node();
        forwardingRules(SWITCH);
        // AppQoE's steering objective for the application: same application id, its own priority.
        flowRules.applyFlowRules(DefaultFlowRule.builder().forDevice(SWITCH).fromApp(OffloadNode.APP)
                .withPriority(30_000).withSelector(DefaultTrafficSelector.builder().matchInPort(PortNumber.portNumber(1))
                        .matchEthType(Ethernet.TYPE_IPV4).matchIPProtocol((byte) 6)
                        .matchTcpDst(TpPort.tpPort(443)).build())
                .withTreatment(DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(3)).build())
                .makePermanent().build());
        openSession(n, SWITCH);
        FlowEntry c2s = sessionRules().stream().filter(e -> e.priority() == 40_000
                && e.selector().getCriterion(Criterion.Type.IPV4_SRC).toString().contains(IpAddress.valueOf(A)
                .toString())).findFirst().orElseThrow();
        assertEquals(DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(3)).build(), c2s.treatment());
    }

    @Test
    void aDeviceInPacketInModeIsLeftAlone() {
        OffloadNode n = node();
        forwardingRules(MIRROR);
        openSession(n, MIRROR);
        assertTrue(flowRules.rulesOf(OffloadNode.APP, MIRROR).isEmpty(), "no rule on a mirror port's device");
        assertEquals(0, n.manager.requests());
        at(400);
        n.tick();
        LogRecord close = n.logs("APPTRACK_SESSION_CLOSE").get(0);
        assertEquals("idle Timeout", close.value("reason"), "aged by the engine as always");
        assertEquals(3, number(close, "packets-from-client"));
    }

    @Test
    void perZoneOnlySessionsFromOrToTheZoneAreOffloaded() {
        Map<String, Object> c = config();
        c.remove("offload.devices");
        c.put("offload.zones", "untrust");
        OffloadNode n = new OffloadNode(c, clock, flowRules, new TestStorageService());
        n.mastership.masterQuietly(MIRROR);
        forwardingRules(MIRROR);
        openSession(n, MIRROR); // 10.0.0.1 -> 192.168.1.200: trust to trust
        assertEquals(0, n.manager.requests(), "trust to trust stays in packet-in mode");
        int web = org.apptrack.testsupport.packets.Packets.ip4(93, 184, 216, 34);
        flowRules.applyFlowRules(fwd(MIRROR, DefaultTrafficSelector.builder().matchInPort(PortNumber.portNumber(1))
                .matchEthType(Ethernet.TYPE_IPV4).matchIPDst(IpPrefix.valueOf(IpAddress.valueOf(web), 32)).build(), 2));
        for (int i = 0; i < 4; i++) {
            n.punt(MIRROR + "/1", Frames.udp(A, 5000, web, 5004, 100));
        }
        n.runWork();
        assertEquals(1, n.manager.installedRules(), "to the untrust zone: offloaded, on any device");
        assertEquals(1, flowRules.rulesOf(OffloadNode.APP, MIRROR).stream().filter(e -> e.priority() == 40_000)
                .filter(e -> e.timeout() == 60).count(), "with UDP's idle timeout");
    }

    @Test
    void withoutOnossCoreServicesTheComponentStaysIdle() {
        OffloadManager standalone = new OffloadManager(); // the standalone distribution: no flow rules, no cluster
        standalone.activate();
        standalone.deactivate();
        assertEquals(0, standalone.requests());
    }

    @Test
    void aDeviceMasteredElsewhereIsNotOffloadedHere() {
        OffloadNode n = new OffloadNode(config(), clock, flowRules, new TestStorageService());
        forwardingRules(SWITCH);
        openSession(n, SWITCH);
        assertTrue(flowRules.rulesOf(OffloadNode.APP, SWITCH).isEmpty());
    }

    @Test
    void withoutAForwardingDecisionTheSessionStaysInPacketInModeAndEndsNormally() {
        OffloadNode n = node();
        openSession(n, SWITCH); // no forwarding rule: nothing to copy
        n.poll();
        n.poll();
        n.poll();
        assertTrue(sessionRules().isEmpty());
        n.punt(SWITCH + "/2", Frames.tcp(B, 443, A, CLIENT_PORT, RST | ACK));
        n.runWork();
        LogRecord close = n.logs("APPTRACK_SESSION_CLOSE").get(0);
        assertEquals("TCP SERVER RST", close.value("reason"));
        assertEquals(3, number(close, "packets-from-client"));
    }

    @Test
    void theClusterRecordSurvivesOnossSerializer() {
        OffloadedSessionRecord r = new OffloadedSessionRecord("of:0000000000000001", 1, 40_000, true, true, 42,
                123L, new long[] {0, 0xFFFF_0A00_0001L, 40000, 0, 0xFFFF_C0A8_01C8L, 443, 6}, 0, "trust", "untrust",
                "HTTPS", "", 0x14, 0, new long[] {1, 2, 3, 4});
        OffloadedSessionRecord copy = OffloadManager.SERIALIZER.decode(OffloadManager.SERIALIZER.encode(r));
        assertEquals(r, copy);
        assertEquals("HTTPS", copy.application());
        assertEquals(4, copy.serverBytes());
        assertNotNull(OffloadManager.SERIALIZER.decode(OffloadManager.SERIALIZER.encode(42L)));
    }

    @Test
    void aRuleIsIdentifiedWithoutItsTreatmentSoThatItCanBeRemovedFromItsRecord() {
        PacketFields f = new PacketFields(SWITCH, PortNumber.portNumber(1), null, null, null, Ethernet.TYPE_IPV4,
                IpAddress.valueOf(A), IpAddress.valueOf(B), 6, CLIENT_PORT, 443);
        FlowRule installed = SessionRules.sessionRule(OffloadNode.APP, f,
                DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(2)).build(), 40_000, 300);
        FlowRule rebuilt = SessionRules.sessionRule(OffloadNode.APP, f, DefaultTrafficTreatment.emptyTreatment(),
                40_000, 300);
        assertEquals(installed.id(), rebuilt.id());
    }

    // ------------------------------------------------------------------ the counters an operator reads

    @Test
    void theCountersFollowTheRulesFromInstallationThroughPollsToTheirRemoval() {
        OffloadNode n = node();
        assertTrue(n.manager.available());
        assertTrue(n.manager.enabled());
        assertEquals(Set.of(SWITCH.toString()), n.manager.devices());
        forwardingRules(SWITCH);
        openSession(n, SWITCH);
        OffloadCounters c = n.manager.counters();
        assertEquals(2, c.requests());
        assertEquals(2, c.rulesInstalled());
        assertEquals(2, c.trackedRules());
        assertEquals(1, c.offloadedSessions(), "both directions of one session");
        assertEquals(0, c.polls());
        flowRules.counts(ruleFrom(1).id().value(), 10, 1_000);
        n.poll();
        assertEquals(1, n.manager.counters().polls());
        flowRules.expire(ruleFrom(1).id().value());
        n.runWork();
        c = n.manager.counters();
        assertEquals(1, c.rulesRemoved());
        assertEquals(1, c.trackedRules());
        assertEquals(1, c.offloadedSessions(), "its other direction still counted by the switch");
        flowRules.expire(ruleFrom(2).id().value());
        n.runWork();
        c = n.manager.counters();
        assertEquals(2, c.rulesRemoved());
        assertEquals(0, c.trackedRules());
        assertEquals(0, c.offloadedSessions());
        assertEquals(0, c.rulesFailed());
        assertEquals(0, c.workDropped());
    }

    @Test
    void aRefusedRuleIsCountedAndItsDirectionStaysCountedByPackets() {
        OffloadNode n = node();
        forwardingRules(SWITCH);
        flowRules.refuse = true;
        openSession(n, SWITCH);
        OffloadCounters c = n.manager.counters();
        assertEquals(2, c.rulesFailed());
        assertEquals(0, c.trackedRules(), "nothing waits for a rule that is not there");
        assertEquals(0, c.offloadedSessions());
        n.punt(SWITCH + "/1", Frames.tcp(A, CLIENT_PORT, B, 443, PSH | ACK, 100));
        n.punt(SWITCH + "/2", Frames.tcp(B, 443, A, CLIENT_PORT, RST | ACK));
        n.runWork();
        LogRecord close = n.logs("APPTRACK_SESSION_CLOSE").get(0);
        assertEquals("TCP SERVER RST", close.value("reason"), "closed at once, not after a rule's removal");
        assertEquals(3 + 1, number(close, "packets-from-client"), "every packet counted by the controller");
        assertEquals(1, n.manager.counters().endPunts());
    }

    @Test
    void directionsWithoutAForwardingDecisionAreCountedOnceTheirRetriesAreOver() {
        OffloadNode n = node();
        openSession(n, SWITCH); // no forwarding rule
        n.poll();
        assertEquals(0, n.manager.counters().noForwardingDecision(), "retried at the next poll");
        n.poll();
        assertEquals(2, n.manager.counters().noForwardingDecision(), "both directions, after their retries");
        assertEquals(0, n.manager.counters().polls(), "nothing to read");
    }

    @Test
    void aPuntedFinOfAnOffloadedSessionIsCounted() {
        OffloadNode n = node();
        forwardingRules(SWITCH);
        openSession(n, SWITCH);
        assertEquals(0, n.manager.counters().endPunts());
        n.punt(SWITCH + "/1", Frames.tcp(A, CLIENT_PORT, B, 443, FIN | ACK));
        n.punt(SWITCH + "/2", Frames.tcp(B, 443, A, CLIENT_PORT, FIN | ACK));
        n.runWork();
        OffloadCounters c = n.manager.counters();
        assertEquals(1, c.endPunts(), "one connection's end");
        assertEquals(2, c.rulesRemoved(), "its rules removed at its end");
        assertEquals(0, c.offloadedSessions());
    }

    @Test
    void aFailedPollIsCountedAndTheNextOneCatchesUp() {
        OffloadNode n = node();
        forwardingRules(SWITCH);
        openSession(n, SWITCH);
        flowRules.counts(ruleFrom(1).id().value(), 100, 150_000);
        flowRules.failReads = true;
        n.poll();
        assertEquals(1, n.manager.counters().pollFailures());
        flowRules.failReads = false;
        at(61);
        n.poll();
        assertEquals(1, n.manager.counters().polls());
        assertEquals(3 + 100, number(n.logs("APPTRACK_SESSION_VOL_UPDATE").get(0), "packets-from-client"));
    }

    @Test
    void withoutOnossCoreServicesTheServiceSaysSoAndCountsNothing() {
        OffloadManager standalone = new OffloadManager();
        standalone.activate();
        assertFalse(standalone.available());
        assertFalse(standalone.enabled());
        assertTrue(standalone.devices().isEmpty());
        assertEquals(0, standalone.counters().requests());
        standalone.deactivate();
    }
}
