package org.apptrack.appqoe.probe.stamp;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Where the Session-Reflector listens and how it marks its replies. Safe by default: loopback
 * until the administrator names an address other sites can reach.
 */
public final class ReflectorSettings {

    /** The STAMP port assigned by IANA (RFC 8762 4.1); binding below 1024 needs CAP_NET_BIND_SERVICE. */
    public static final int DEFAULT_PORT = 862;

    private final InetAddress bindAddress;
    private final int port;
    private final int dscp;

    /**
     * @param bindAddress address to listen on
     * @param port        UDP port, 0 for any free one
     * @param dscp        DSCP of the replies (0..63); the JDK cannot read a received packet's
     *                    TOS, so the reply carries this configured value rather than the sender's
     */
    public ReflectorSettings(InetAddress bindAddress, int port, int dscp) {
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        this.port = port;
        this.dscp = Dscp.check("dscp", dscp);
    }

    /** Loopback, port 862, best effort. */
    public static ReflectorSettings defaults() {
        return new ReflectorSettings(InetAddress.getLoopbackAddress(), DEFAULT_PORT, 0);
    }

    public InetAddress bindAddress() {
        return bindAddress;
    }

    public int port() {
        return port;
    }

    public int dscp() {
        return dscp;
    }

    @Override
    public String toString() {
        return "reflector " + bindAddress.getHostAddress() + ":" + port + " dscp " + dscp;
    }
}
