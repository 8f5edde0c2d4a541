package org.apptrack.apptrack.offload;

import java.util.ArrayList;
import java.util.List;
import org.onlab.packet.Ethernet;
import org.onlab.packet.IPv4;
import org.onlab.packet.IPv6;
import org.onlab.packet.IpAddress;
import org.onlab.packet.TpPort;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.DefaultFlowRule;
import org.onosproject.net.flow.DefaultTrafficSelector;
import org.onosproject.net.flow.DefaultTrafficTreatment;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.flow.criteria.Criteria;

/**
 * The flow rules offload mode installs: one per session direction (exact 5-tuple and in_port,
 * the forwarding's treatment, the session's idle timeout), and per device the rules that punt
 * TCP FIN and RST segments to the controller one priority above, so that AppTrack sees how
 * connections end. ONOS matches TCP flags exactly (no mask), so the usual combinations each get
 * a rule: FIN+ACK, FIN+PSH+ACK, RST, RST+ACK, for IPv4 and IPv6.
 */
final class SessionRules {

    private static final int[] END_FLAGS = {0x11, 0x19, 0x04, 0x14};
    /** Largest idle timeout a flow rule carries (OpenFlow: 16 bits of seconds). */
    static final int MAX_IDLE_SECONDS = 0xFFFF;

    private SessionRules() {
    }

    /** The rule that counts one direction of a session and forwards it with {@code treatment}. */
    static FlowRule sessionRule(ApplicationId appId, PacketFields f, TrafficTreatment treatment, int priority,
                                int idleSeconds) {
        return DefaultFlowRule.builder().forDevice(f.device).fromApp(appId).withPriority(priority)
                .withSelector(selector(f)).withTreatment(treatment)
                .makeTemporary(Math.max(1, Math.min(MAX_IDLE_SECONDS, idleSeconds))).build();
    }

    static TrafficSelector selector(PacketFields f) {
        TrafficSelector.Builder s = DefaultTrafficSelector.builder().matchInPort(f.inPort).matchEthType(f.ethType)
                .matchIPProtocol((byte) f.protocol);
        if (f.ipSrc.isIp4()) {
            s.matchIPSrc(f.ipSrc.toIpPrefix()).matchIPDst(f.ipDst.toIpPrefix());
        } else {
            s.matchIPv6Src(f.ipSrc.toIpPrefix()).matchIPv6Dst(f.ipDst.toIpPrefix());
        }
        if (f.protocol == IPv4.PROTOCOL_TCP) {
            s.matchTcpSrc(TpPort.tpPort(f.srcPort)).matchTcpDst(TpPort.tpPort(f.dstPort));
        } else if (f.protocol == IPv4.PROTOCOL_UDP) {
            s.matchUdpSrc(TpPort.tpPort(f.srcPort)).matchUdpDst(TpPort.tpPort(f.dstPort));
        }
        return s.build();
    }

    /** The device's FIN/RST punt rules (permanent). */
    static List<FlowRule> endPuntRules(ApplicationId appId, DeviceId device, int priority) {
        List<FlowRule> rules = new ArrayList<>();
        for (short ethType : new short[] {Ethernet.TYPE_IPV4, Ethernet.TYPE_IPV6}) {
            for (int flags : END_FLAGS) {
                TrafficSelector.Builder s = DefaultTrafficSelector.builder().matchEthType(ethType)
                        .matchIPProtocol(IPv4.PROTOCOL_TCP).add(Criteria.matchTcpFlags(flags));
                if (ethType == Ethernet.TYPE_IPV6) {
                    s = DefaultTrafficSelector.builder().matchEthType(ethType).matchIPProtocol(IPv6.PROTOCOL_TCP)
                            .add(Criteria.matchTcpFlags(flags));
                }
                rules.add(DefaultFlowRule.builder().forDevice(device).fromApp(appId).withPriority(priority)
                        .withSelector(s.build()).withTreatment(DefaultTrafficTreatment.builder().punt().build())
                        .makePermanent().build());
            }
        }
        return rules;
    }

    /** IPv4-mapped ::ffff:a.b.c.d (the session table's form) or IPv6, as an address. */
    static IpAddress address(long hi, long lo) {
        if (hi == 0 && (lo >>> 32) == 0xFFFFL) {
            return IpAddress.valueOf((int) lo);
        }
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return IpAddress.valueOf(IpAddress.Version.INET6, b);
    }
}
