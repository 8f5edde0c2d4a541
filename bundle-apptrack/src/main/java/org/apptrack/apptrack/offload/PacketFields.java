package org.apptrack.apptrack.offload;

import org.onlab.packet.IpAddress;
import org.onlab.packet.MacAddress;
import org.onlab.packet.VlanId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.PortNumber;

/**
 * The header fields of one direction of a session as a switch sees its packets, taken from a
 * punted packet: what a flow rule's selector is matched against, and what AppTrack's own
 * per-session rule matches. Made once per offloaded direction, off the per-packet path.
 */
final class PacketFields {

    final DeviceId device;
    final PortNumber inPort;
    final MacAddress ethSrc;
    final MacAddress ethDst;
    final VlanId vlan;
    final short ethType;
    final IpAddress ipSrc;
    final IpAddress ipDst;
    final int protocol;
    final int srcPort;
    final int dstPort;

    @SuppressWarnings("checkstyle:ParameterNumber")
    PacketFields(DeviceId device, PortNumber inPort, MacAddress ethSrc, MacAddress ethDst, VlanId vlan, short ethType,
                 IpAddress ipSrc, IpAddress ipDst, int protocol, int srcPort, int dstPort) {
        this.device = device;
        this.inPort = inPort;
        this.ethSrc = ethSrc;
        this.ethDst = ethDst;
        this.vlan = vlan;
        this.ethType = ethType;
        this.ipSrc = ipSrc;
        this.ipDst = ipDst;
        this.protocol = protocol;
        this.srcPort = srcPort;
        this.dstPort = dstPort;
    }

    boolean hasPorts() {
        return protocol == 6 || protocol == 17;
    }

    @Override
    public String toString() {
        return device + "/" + inPort + " " + ipSrc + ":" + srcPort + " > " + ipDst + ":" + dstPort + " proto "
                + protocol;
    }
}
