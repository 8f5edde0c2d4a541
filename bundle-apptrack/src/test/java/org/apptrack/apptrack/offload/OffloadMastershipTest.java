package org.apptrack.apptrack.offload;

import static org.apptrack.testsupport.packets.Packets.A;
import static org.apptrack.testsupport.packets.Packets.ACK;
import static org.apptrack.testsupport.packets.Packets.B;
import static org.apptrack.testsupport.packets.Packets.FIN;
import static org.apptrack.testsupport.packets.Packets.PSH;
import static org.apptrack.testsupport.packets.Packets.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.syslog.api.LogRecord;
import org.apptrack.testsupport.packets.Frames;
import org.junit.jupiter.api.Test;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IpAddress;
import org.onlab.packet.IpPrefix;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultFlowRule;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.criteria.Criterion;

/**
 * Two ONOS nodes sharing a switch's flow table and the cluster's storage: the device's mastership
 * moves mid-session, and the session goes on at the new master as one session with one create
 * (by the first master) and one close (by the second) carrying the whole counts.
 */
class OffloadMastershipTest {

    private static final long S = 1_000_000_000L;
    private static final DeviceId SWITCH = DeviceId.deviceId("of:0000000000000001");

    private final long[] clock = {1_700_000_000L * S};
    private final FakeFlowRules flowRules = new FakeFlowRules();
    private final SharedStorage storage = new SharedStorage();

    private static Map<String, Object> config() {
        Map<String, Object> p = new HashMap<>();
        p.put("logSessionCreate", "true");
        p.put("logSessionClose", "true");
        p.put("sessionUpdateInterval", "60");
        p.put("offload.devices", SWITCH.toString());
        p.put("offload.afterPackets", "4");
        return p;
    }

    private void at(long seconds) {
        clock[0] = 1_700_000_000L * S + seconds * S;
    }

    private void forwarding() {
        for (int[] way : new int[][] {{1, B, 2}, {2, A, 1}}) {
            flowRules.applyFlowRules(DefaultFlowRule.builder().forDevice(SWITCH)
                    .fromApp(new DefaultApplicationId(99, "org.onosproject.fwd")).withPriority(10)
                    .withSelector(DefaultTrafficSelector.builder().matchInPort(PortNumber.portNumber(way[0]))
                            .matchEthType(Ethernet.TYPE_IPV4)
                            .matchIPDst(IpPrefix.valueOf(IpAddress.valueOf(way[1]), 32)).build())
                    .withTreatment(DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(way[2])).build())
                    .makeTemporary(10).build());
        }
    }

    private long sessionRule(int inPort) {
        for (FlowEntry e : flowRules.rulesOf(OffloadNode.APP, SWITCH)) {
            if (e.selector().getCriterion(Criterion.Type.TCP_FLAGS) == null && e.selector()
                    .getCriterion(Criterion.Type.IN_PORT).toString().endsWith(":" + inPort)) {
                return e.id().value();
            }
        }
        throw new AssertionError("no rule from port " + inPort);
    }

    private static long number(LogRecord r, String field) {
        return Long.parseLong(r.value(field));
    }

    private OffloadNode[] offloadedOnFirstMaster() {
        OffloadNode first = new OffloadNode(config(), clock, flowRules, storage);
        OffloadNode second = new OffloadNode(config(), clock, flowRules, storage);
        first.mastership.masterQuietly(SWITCH);
        forwarding();
        first.punt(SWITCH + "/1", Frames.tcp(A, 40000, B, 443, SYN));
        first.punt(SWITCH + "/2", Frames.tcp(B, 443, A, 40000, SYN | ACK));
        first.punt(SWITCH + "/1", Frames.tcp(A, 40000, B, 443, ACK));
        first.punt(SWITCH + "/1", Frames.tcp(A, 40000, B, 443, PSH | ACK, 300));
        first.punt(SWITCH + "/2", Frames.tcp(B, 443, A, 40000, PSH | ACK, 1000));
        first.runWork();
        assertEquals(2, storage.size(), "a record per offloaded rule");
        at(30);
        flowRules.counts(sessionRule(1), 100, 150_000);
        flowRules.counts(sessionRule(2), 200, 300_000);
        first.poll();
        return new OffloadNode[] {first, second};
    }

    private static void moveMastership(OffloadNode from, OffloadNode to) {
        from.mastership.master(SWITCH, false);
        to.mastership.master(SWITCH, true);
        from.runWork();
        to.runWork();
    }

    @Test
    void theNewMasterGoesOnWithTheSessionWithoutASecondCreateAndClosesItWithTheWholeCounts() {
        OffloadNode[] nodes = offloadedOnFirstMaster();
        OffloadNode first = nodes[0];
        OffloadNode second = nodes[1];
        String application = first.runtime.sessions(x -> true, 1).get(0).application();
        moveMastership(first, second);
        assertEquals(0, first.runtime.engine().active(), "the old master let the session go");
        assertEquals(application, second.runtime.sessions(x -> true, 1).get(0).application());
        assertTrue(first.logs("APPTRACK_SESSION_CLOSE").isEmpty(), "without a close");
        assertEquals(1, second.runtime.engine().active(), "one session at the new master");
        assertTrue(second.logs("APPTRACK_SESSION_CREATE").isEmpty(), "without a second create");
        assertEquals(1, second.manager.adoptedSessions());
        assertEquals(1, second.manager.counters().sessionsAdopted());
        assertEquals(1, second.manager.counters().offloadedSessions(), "its two rules now read here");
        assertEquals(2, second.manager.counters().trackedRules());
        assertEquals(1, first.manager.counters().sessionsHandedOver());
        assertEquals(0, first.manager.counters().offloadedSessions());

        at(61);
        flowRules.counts(sessionRule(1), 110, 160_000);
        second.poll();
        LogRecord update = second.logs("APPTRACK_SESSION_VOL_UPDATE").get(0);
        assertEquals(3 + 110, number(update, "packets-from-client"), "before offload, plus everything the rule counted");
        assertEquals(2 + 200, number(update, "packets-from-server"));

        flowRules.counts(sessionRule(2), 220, 320_000);
        flowRules.expire(sessionRule(1));
        flowRules.expire(sessionRule(2));
        first.runWork();
        second.runWork();
        List<LogRecord> closes = second.logs("APPTRACK_SESSION_CLOSE");
        assertEquals(1, closes.size());
        LogRecord close = closes.get(0);
        LogRecord create = first.logs("APPTRACK_SESSION_CREATE").get(0);
        assertEquals(create.value("session-id-32"), close.value("session-id-32"), "the same session");
        assertEquals("idle Timeout", close.value("reason"));
        assertEquals(3 + 110, number(close, "packets-from-client"));
        assertEquals(2 * 40 + 340 + 160_000, number(close, "bytes-from-client"));
        assertEquals(2 + 220, number(close, "packets-from-server"));
        assertEquals(40 + 1040 + 320_000, number(close, "bytes-from-server"));
        assertEquals(application, close.value("application"), "the application the first master identified");
        assertTrue(first.logs("APPTRACK_SESSION_CLOSE").isEmpty());
        assertEquals(0, storage.size(), "the records go with the session");
    }

    @Test
    void theNewMasterSeesTheFinsAndClosesTcpFin() {
        OffloadNode[] nodes = offloadedOnFirstMaster();
        OffloadNode second = nodes[1];
        moveMastership(nodes[0], second);
        second.punt(SWITCH + "/1", Frames.tcp(A, 40000, B, 443, FIN | ACK));
        second.punt(SWITCH + "/2", Frames.tcp(B, 443, A, 40000, FIN | ACK));
        second.runWork();
        LogRecord close = second.logs("APPTRACK_SESSION_CLOSE").get(0);
        assertEquals("TCP FIN", close.value("reason"));
        assertEquals(3 + 100 + 1, number(close, "packets-from-client"));
        assertEquals(1, second.logs("APPTRACK_SESSION_CLOSE").size());
        assertTrue(second.logs("APPTRACK_SESSION_CREATE").isEmpty());
    }
}
