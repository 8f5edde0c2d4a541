package org.apptrack.apptrack.owntraffic;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** This host's addresses, from every network interface (loopback included), without scope ids. */
final class HostAddresses {

    private HostAddresses() {
    }

    /**
     * @throws IllegalStateException when the interfaces cannot be listed
     */
    static List<InetAddress> current() {
        List<InetAddress> result = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    InetAddress plain = InetAddress.getByAddress(a.getAddress());
                    if (!result.contains(plain)) {
                        result.add(plain);
                    }
                }
            }
        } catch (SocketException | UnknownHostException e) {
            throw new IllegalStateException("cannot list this host's network interfaces: " + e.getMessage(), e);
        }
        result.sort((a, b) -> a.getHostAddress().compareTo(b.getHostAddress()));
        return List.copyOf(result);
    }
}
