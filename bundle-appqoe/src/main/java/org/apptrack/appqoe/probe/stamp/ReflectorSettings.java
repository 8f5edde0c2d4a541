package org.apptrack.appqoe.probe.stamp;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import org.apptrack.appqoe.probe.Dscp;

/**
 * Where the Session-Reflector listens and how it marks its replies. Safe by default: loopback
 * until the administrator names an address other sites can reach.
 */
public final class ReflectorSettings {

    /** The STAMP port assigned by IANA (RFC 8762 4.1); binding below 1024 needs CAP_NET_BIND_SERVICE. */
    public static final int DEFAULT_PORT = 862;

    /** Configuration PID of the reflector component. */
    public static final String PID = "org.apptrack.appqoe.reflector";

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

    /**
     * The settings of a configuration ({@link ReflectorConfig}), or null when it disables the
     * reflector; IllegalArgumentException naming the field when a value is invalid. Checked by
     * hand rather than through a typed configuration, which would coerce bad values silently.
     */
    public static ReflectorSettings parse(Map<String, ?> properties) {
        if (!Boolean.parseBoolean(text(properties, "enabled", "false"))) {
            return null;
        }
        String address = text(properties, "address", "127.0.0.1");
        InetAddress bind = NetUtil.createInetAddressFromIpAddressString(address);
        if (bind == null) {
            throw new IllegalArgumentException("address must be a literal IP address: " + address);
        }
        return new ReflectorSettings(bind, integer(properties, "port", DEFAULT_PORT), integer(properties, "dscp", 0));
    }

    private static String text(Map<String, ?> properties, String key, String otherwise) {
        Object value = properties.get(key);
        return value == null ? otherwise : value.toString().trim();
    }

    private static int integer(Map<String, ?> properties, String key, int otherwise) {
        String value = text(properties, key, Integer.toString(otherwise));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer: " + value, e);
        }
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
    public boolean equals(Object o) {
        if (!(o instanceof ReflectorSettings)) {
            return false;
        }
        ReflectorSettings other = (ReflectorSettings) o;
        return bindAddress.equals(other.bindAddress) && port == other.port && dscp == other.dscp;
    }

    @Override
    public int hashCode() {
        return Objects.hash(bindAddress, port, dscp);
    }

    @Override
    public String toString() {
        return "reflector " + bindAddress.getHostAddress() + ":" + port + " dscp " + dscp;
    }
}
