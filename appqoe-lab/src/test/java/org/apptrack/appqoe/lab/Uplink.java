package org.apptrack.appqoe.lab;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * One of the lab's WAN links: a veth pair between the branch ({@code branchInterface},
 * 10.61.N.1/24) and the site ({@code siteInterface}, 10.61.N.2/24), with the STAMP reflector
 * (behind the uplink's delaying forwarder) at 10.61.N.2:862.
 */
public record Uplink(int number, String branchInterface, String siteInterface, String branchAddress,
                     String siteAddress) {

    public static final int STAMP_PORT = 862;

    static Uplink of(int number) {
        return new Uplink(number, "up" + number, "wan" + number, "10.61." + number + ".1", "10.61." + number + ".2");
    }

    /** The branch end's address, the source the probes of this uplink bind to. */
    public InetAddress branchInet() {
        return inet(branchAddress);
    }

    /** Where the probes of this uplink go: the site's STAMP reflector on this uplink. */
    public InetSocketAddress reflector() {
        return new InetSocketAddress(inet(siteAddress), STAMP_PORT);
    }

    private static InetAddress inet(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
