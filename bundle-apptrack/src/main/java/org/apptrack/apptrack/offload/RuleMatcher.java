package org.apptrack.apptrack.offload;

import org.onlab.packet.IpPrefix;
import org.onosproject.net.PortNumber;
import org.onosproject.net.flow.TrafficSelector;
import org.onosproject.net.flow.TrafficTreatment;
import org.onosproject.net.flow.criteria.Criterion;
import org.onosproject.net.flow.criteria.EthCriterion;
import org.onosproject.net.flow.criteria.EthTypeCriterion;
import org.onosproject.net.flow.criteria.IPCriterion;
import org.onosproject.net.flow.criteria.IPProtocolCriterion;
import org.onosproject.net.flow.criteria.PortCriterion;
import org.onosproject.net.flow.criteria.TcpPortCriterion;
import org.onosproject.net.flow.criteria.UdpPortCriterion;
import org.onosproject.net.flow.criteria.VlanIdCriterion;
import org.onosproject.net.flow.instructions.Instruction;
import org.onosproject.net.flow.instructions.Instructions;

/**
 * Reads the rules already on a device for a session's packets: whether a rule's selector matches
 * them, whether it is an exact 5-tuple rule (one per session, whose counters are the session's),
 * and whether its treatment forwards them (rather than only punting them to the controller).
 * A criterion this class does not know makes the rule count as not matching: AppTrack then
 * copies no treatment it cannot vouch for.
 */
final class RuleMatcher {

    private RuleMatcher() {
    }

    static boolean matches(TrafficSelector selector, PacketFields p) {
        for (Criterion c : selector.criteria()) {
            if (!matches(c, p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Criterion c, PacketFields p) {
        switch (c.type()) {
            case IN_PORT:
                return ((PortCriterion) c).port().equals(p.inPort);
            case ETH_TYPE:
                return ((EthTypeCriterion) c).ethType().toShort() == p.ethType;
            case ETH_SRC:
                return ((EthCriterion) c).mac().equals(p.ethSrc);
            case ETH_DST:
                return ((EthCriterion) c).mac().equals(p.ethDst);
            case VLAN_VID:
                return ((VlanIdCriterion) c).vlanId().equals(p.vlan);
            case IPV4_SRC:
            case IPV6_SRC:
                return ((IPCriterion) c).ip().contains(p.ipSrc);
            case IPV4_DST:
            case IPV6_DST:
                return ((IPCriterion) c).ip().contains(p.ipDst);
            case IP_PROTO:
                return ((IPProtocolCriterion) c).protocol() == p.protocol;
            case TCP_SRC:
                return p.protocol == 6 && ((TcpPortCriterion) c).tcpPort().toInt() == p.srcPort;
            case TCP_DST:
                return p.protocol == 6 && ((TcpPortCriterion) c).tcpPort().toInt() == p.dstPort;
            case UDP_SRC:
                return p.protocol == 17 && ((UdpPortCriterion) c).udpPort().toInt() == p.srcPort;
            case UDP_DST:
                return p.protocol == 17 && ((UdpPortCriterion) c).udpPort().toInt() == p.dstPort;
            default:
                return false;
        }
    }

    /**
     * Whether the selector pins the whole 5-tuple (host addresses, protocol and, for TCP and UDP,
     * both ports): such a rule carries exactly one direction of one session.
     */
    static boolean isExactFiveTuple(TrafficSelector selector, PacketFields p) {
        boolean src = false;
        boolean dst = false;
        boolean proto = false;
        boolean sport = !p.hasPorts();
        boolean dport = !p.hasPorts();
        for (Criterion c : selector.criteria()) {
            switch (c.type()) {
                case IPV4_SRC:
                case IPV6_SRC:
                    src = isHost(((IPCriterion) c).ip());
                    break;
                case IPV4_DST:
                case IPV6_DST:
                    dst = isHost(((IPCriterion) c).ip());
                    break;
                case IP_PROTO:
                    proto = true;
                    break;
                case TCP_SRC:
                case UDP_SRC:
                    sport = true;
                    break;
                case TCP_DST:
                case UDP_DST:
                    dport = true;
                    break;
                default:
                    break;
            }
        }
        return src && dst && proto && sport && dport;
    }

    private static boolean isHost(IpPrefix prefix) {
        return prefix.prefixLength() == (prefix.isIp4() ? 32 : 128);
    }

    /**
     * Whether the treatment sends the packets on (an output other than the controller, a group,
     * another table), rather than only punting them or dropping them: only such a treatment is
     * worth copying into a session's rule.
     */
    static boolean forwards(TrafficTreatment treatment) {
        for (Instruction i : treatment.allInstructions()) {
            switch (i.type()) {
                case OUTPUT:
                    if (!PortNumber.CONTROLLER.equals(((Instructions.OutputInstruction) i).port())) {
                        return true;
                    }
                    break;
                case GROUP:
                case TABLE:
                    return true;
                default:
                    break;
            }
        }
        return false;
    }
}
