package org.apptrack.appqoe.steer.onos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.apptrack.appqoe.steer.SteeredSession;
import org.apptrack.appqoe.steer.SteeringException;
import org.apptrack.appqoe.steer.SteeringPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IpPrefix;
import org.onlab.packet.TpPort;
import org.onosproject.core.ApplicationId;
import org.onosproject.core.DefaultApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.flowobjective.ForwardingObjective;
import org.onosproject.net.flowobjective.Objective;

class FlowObjectiveActuatorTest {

    private static final ApplicationId APP = new DefaultApplicationId(42, "org.apptrack.appqoe");
    private static final DeviceId SW1 = DeviceId.deviceId("of:0000000000000001");
    private static final DeviceId SW2 = DeviceId.deviceId("of:0000000000000002");

    private final SteeringPath isp1 = new SteeringPath("isp1", 0, null, null, "of:0000000000000001/2");
    private final SteeringPath isp2 = new SteeringPath("isp2", 1, null, null, "of:0000000000000001/3");
    private final SteeringPath lte = new SteeringPath("lte", 2, null, null, "of:0000000000000002/7");

    private RecordingFlowObjectiveService service;
    private FlowObjectiveActuator actuator;

    @BeforeEach
    void setUp() throws SteeringException {
        service = new RecordingFlowObjectiveService();
        actuator = new FlowObjectiveActuator(service, APP, 40000);
        actuator.preparePaths(List.of(isp1, isp2, lte));
    }

    private static SteeredSession tcp4(long id, int clientPort) throws Exception {
        return new SteeredSession(id, 6, InetAddress.getByName("192.168.1.10"), clientPort,
                InetAddress.getByName("203.0.113.5"), 443, "HTTPS");
    }

    @Test
    void steerInstallsAVersatilePermanentObjectiveForTheFiveTuple() throws Exception {
        actuator.steer(tcp4(1, 50123), isp1);

        assertEquals(1, service.calls.size());
        RecordingFlowObjectiveService.Call call = service.calls.get(0);
        assertEquals(SW1, call.device);
        ForwardingObjective o = call.objective;
        assertEquals(Objective.Operation.ADD, o.op());
        assertEquals(ForwardingObjective.Flag.VERSATILE, o.flag());
        assertEquals(APP, o.appId());
        assertEquals(40000, o.priority());
        assertTrue(o.permanent());
        TrafficSelector expected = DefaultTrafficSelector.builder().matchEthType(Ethernet.TYPE_IPV4)
                .matchIPSrc(IpPrefix.valueOf("192.168.1.10/32")).matchIPDst(IpPrefix.valueOf("203.0.113.5/32"))
                .matchIPProtocol((byte) 6).matchTcpSrc(TpPort.tpPort(50123)).matchTcpDst(TpPort.tpPort(443)).build();
        assertEquals(expected, o.selector());
        assertEquals(DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(2)).build(), o.treatment());
    }

    @Test
    void ipv6UdpSessionMatchesIpv6AddressesAndUdpPorts() throws Exception {
        SteeredSession s = new SteeredSession(7, 17, InetAddress.getByName("2001:db8::10"), 5004,
                InetAddress.getByName("2001:db8:ffff::1"), 3478, "STUN");
        actuator.steer(s, lte);

        RecordingFlowObjectiveService.Call call = service.calls.get(0);
        assertEquals(SW2, call.device);
        TrafficSelector expected = DefaultTrafficSelector.builder().matchEthType(Ethernet.TYPE_IPV6)
                .matchIPv6Src(IpPrefix.valueOf("2001:db8::10/128")).matchIPv6Dst(IpPrefix.valueOf("2001:db8:ffff::1/128"))
                .matchIPProtocol((byte) 17).matchUdpSrc(TpPort.tpPort(5004)).matchUdpDst(TpPort.tpPort(3478)).build();
        assertEquals(expected, call.objective.selector());
        assertEquals(DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(7)).build(),
                call.objective.treatment());
    }

    @Test
    void moveRemovesTheOldObjectiveBeforeAddingTheNewOne() throws Exception {
        SteeredSession s = tcp4(1, 50123);
        actuator.steer(s, isp1);
        actuator.steer(s, isp2);

        assertEquals(3, service.calls.size(), service.calls.toString());
        ForwardingObjective added = service.calls.get(0).objective;
        ForwardingObjective removed = service.calls.get(1).objective;
        ForwardingObjective moved = service.calls.get(2).objective;
        assertEquals(Objective.Operation.REMOVE, removed.op());
        assertEquals(added.selector(), removed.selector());
        assertEquals(added.treatment(), removed.treatment());
        assertEquals(Objective.Operation.ADD, moved.op());
        assertEquals(added.selector(), moved.selector());
        assertEquals(DefaultTrafficTreatment.builder().setOutput(PortNumber.portNumber(3)).build(), moved.treatment());

        actuator.steer(s, isp2);
        assertEquals(3, service.calls.size(), "steering to the same path again changes nothing");
    }

    @Test
    void moveToAnotherDeviceRemovesOnTheOldDevice() throws Exception {
        SteeredSession s = tcp4(1, 50123);
        actuator.steer(s, isp1);
        actuator.steer(s, lte);

        assertEquals(SW1, service.calls.get(1).device);
        assertEquals(Objective.Operation.REMOVE, service.calls.get(1).objective.op());
        assertEquals(SW2, service.calls.get(2).device);
        assertEquals(Objective.Operation.ADD, service.calls.get(2).objective.op());
    }

    @Test
    void releaseRemovesTheObjectiveOnceAndCloseRemovesTheRest() throws Exception {
        SteeredSession a = tcp4(1, 50123);
        SteeredSession b = tcp4(2, 50124);
        actuator.steer(a, isp1);
        actuator.steer(b, lte);

        actuator.release(a);
        actuator.release(a);
        assertEquals(3, service.calls.size(), service.calls.toString());
        ForwardingObjective removed = service.calls.get(2).objective;
        assertEquals(Objective.Operation.REMOVE, removed.op());
        assertEquals(service.calls.get(0).objective.selector(), removed.selector());

        actuator.close();
        assertEquals(4, service.calls.size(), service.calls.toString());
        assertEquals(SW2, service.calls.get(3).device);
        assertEquals(Objective.Operation.REMOVE, service.calls.get(3).objective.op());
        assertEquals(service.calls.get(1).objective.selector(), service.calls.get(3).objective.selector());
        assertEquals(0, actuator.steeredSessions());
    }

    @Test
    void icmpSessionMatchesAddressesAndProtocolOnly() throws Exception {
        SteeredSession ping = new SteeredSession(3, 1, InetAddress.getByName("192.168.1.10"), 0,
                InetAddress.getByName("203.0.113.5"), 0, "ICMP");
        actuator.steer(ping, isp1);

        TrafficSelector selector = service.calls.get(0).objective.selector();
        assertEquals(DefaultTrafficSelector.builder().matchEthType(Ethernet.TYPE_IPV4)
                .matchIPSrc(IpPrefix.valueOf("192.168.1.10/32")).matchIPDst(IpPrefix.valueOf("203.0.113.5/32"))
                .matchIPProtocol((byte) 1).build(), selector);
    }

    @Test
    void connectPointOfUnknownFormIsRejectedAndThePreviousPathsStay() throws Exception {
        for (String bad : List.of("of:0000000000000001", "switch1/2", "of:0000000000000001/eth0", "/2")) {
            SteeringException e = assertThrows(SteeringException.class, () -> actuator.preparePaths(
                    List.of(new SteeringPath("isp9", 9, null, null, bad))), bad);
            assertTrue(e.getMessage().contains("isp9") && e.getMessage().contains(bad)
                    && e.getMessage().contains("device/port"), e.getMessage());
        }
        SteeringException missing = assertThrows(SteeringException.class, () -> actuator.preparePaths(
                List.of(new SteeringPath("isp9", 9, "eth9", null, null))));
        assertTrue(missing.getMessage().contains("isp9 has no connect point"), missing.getMessage());

        actuator.steer(tcp4(1, 50123), isp1);
        assertEquals(1, service.calls.size(), "the previous paths are still in force");
    }

    @Test
    void unpreparedPathIsRejected() throws Exception {
        SteeringPath other = new SteeringPath("other", 5, null, null, "of:0000000000000001/9");
        SteeringException e = assertThrows(SteeringException.class, () -> actuator.steer(tcp4(1, 1), other));
        assertTrue(e.getMessage().contains("other is not prepared"), e.getMessage());
        assertTrue(service.calls.isEmpty());
    }

    @Test
    void preparingNewPathsReleasesSessionsOfRemovedPathsAndMovesThoseWhoseEgressChanged() throws Exception {
        SteeredSession a = tcp4(1, 50123);
        SteeredSession b = tcp4(2, 50124);
        actuator.steer(a, isp1);
        actuator.steer(b, lte);
        SteeringPath isp1Moved = new SteeringPath("isp1", 0, null, null, "of:0000000000000001/4");

        actuator.preparePaths(List.of(isp1Moved));

        List<RecordingFlowObjectiveService.Call> after = service.calls.subList(2, service.calls.size());
        assertEquals(3, after.size(), after.toString());
        assertTrue(after.stream().anyMatch(c -> c.device.equals(SW2) && c.objective.op() == Objective.Operation.REMOVE));
        assertTrue(after.stream().anyMatch(c -> c.objective.op() == Objective.Operation.ADD
                && c.objective.treatment().equals(DefaultTrafficTreatment.builder()
                        .setOutput(PortNumber.portNumber(4)).build())));
        assertEquals(1, actuator.steeredSessions());
        assertFalse(actuator.steers() && actuator.name().isEmpty());
    }

    @Test
    void priorityOutOfRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FlowObjectiveActuator(service, APP, 70000));
    }
}
