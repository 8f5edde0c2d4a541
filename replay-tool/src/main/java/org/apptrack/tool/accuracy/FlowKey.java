package org.apptrack.tool.accuracy;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * nDPI's flow key without the VLAN: the IP protocol and the two (address, port) ends without
 * order. Only TCP and UDP have ports in it: ndpiReader prints ports 0 for every other protocol
 * and keeps all ICMP between two hosts in one flow, where a session of ours takes an echo's
 * identifier for its ports.
 */
record FlowKey(int protocol, String lowAddress, int lowPort, String highAddress, int highPort) {

    static FlowKey of(int protocol, InetAddress x, int xPort, InetAddress y, int yPort) {
        boolean ports = IpProtocols.hasPorts(protocol);
        int xp = ports ? xPort : 0;
        int yp = ports ? yPort : 0;
        int order = Arrays.compare(x.getAddress(), y.getAddress());
        if (order > 0 || order == 0 && xp > yp) {
            return new FlowKey(protocol, InetAddresses.toAddrString(y), yp, InetAddresses.toAddrString(x), xp);
        }
        return new FlowKey(protocol, InetAddresses.toAddrString(x), xp, InetAddresses.toAddrString(y), yp);
    }
}
