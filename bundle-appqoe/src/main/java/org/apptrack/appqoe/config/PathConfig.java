package org.apptrack.appqoe.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.regex.Pattern;
import org.apptrack.appqoe.probe.stamp.ReflectorSettings;
import org.apptrack.appqoe.select.Path;

/**
 * One path (uplink) of a destination path group: the selector's {@link Path} (named by the
 * configured path name, with link tag, priority and weight) plus what probing and steering need:
 * the egress interface (logged as destination-interface-name), the probe source address on that
 * uplink, the remote STAMP reflector, the Linux next hop and the ONOS egress connect point.
 */
public final class PathConfig {

    static final Set<String> FIELDS = Set.of("interface", "linkTag", "priority", "weight", "sourceAddress",
            "reflector", "gateway", "connectPoint");

    /** Junos link priority range; lower is preferred. */
    public static final int MIN_PRIORITY = 1;
    public static final int MAX_PRIORITY = 255;

    // ONOS DeviceId "scheme:id" and a port number (or LOCAL); of: ids are 16 hex digits.
    private static final Pattern CONNECT_POINT = Pattern.compile("[a-z][a-z0-9+.-]*:[^/\\s]+/(\\d{1,10}|LOCAL)");
    private static final Pattern OF_DEVICE = Pattern.compile("of:[0-9a-fA-F]{16}");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/@-]{0,63}");

    private final String group;
    private final Path path;
    private final String interfaceName;
    private final InetAddress sourceAddress;
    private final InetSocketAddress reflector;
    private final InetAddress gateway;
    private final String connectPoint;
    private final String keyPrefix;

    @SuppressWarnings("checkstyle:ParameterNumber")
    private PathConfig(String group, Path path, String interfaceName, InetAddress sourceAddress,
                       InetSocketAddress reflector, InetAddress gateway, String connectPoint, String keyPrefix) {
        this.group = group;
        this.path = path;
        this.interfaceName = interfaceName;
        this.sourceAddress = sourceAddress;
        this.reflector = reflector;
        this.gateway = gateway;
        this.connectPoint = connectPoint;
        this.keyPrefix = keyPrefix;
    }

    static PathConfig parse(String group, String name, KeyedFields f) {
        f.allowOnly(FIELDS, Set.of());
        String interfaceName = f.required("interface");
        if (!INTERFACE.matcher(interfaceName).matches()) {
            throw f.error("interface", "not an interface name: '" + interfaceName + "'");
        }
        String linkTag = f.text("linkTag", "");
        if (!linkTag.isEmpty() && !KeyedFields.NAME.matcher(linkTag).matches()) {
            throw f.error("linkTag", "must be 1-63 letters, digits, '-' or '_', was '" + linkTag + "'");
        }
        int priority = f.integer("priority", MIN_PRIORITY, MIN_PRIORITY, MAX_PRIORITY);
        int weight = f.integer("weight", 1, 1, 255);
        InetAddress source = f.address("sourceAddress");
        InetSocketAddress reflector = f.has("reflector") ? reflector(f) : null;
        if (reflector != null && source != null && reflector.getAddress().getClass() != source.getClass()) {
            throw f.error("sourceAddress", source.getHostAddress() + " and reflector "
                    + reflector.getAddress().getHostAddress() + " must be of one IP family");
        }
        InetAddress gateway = f.address("gateway");
        String connectPoint = f.text("connectPoint");
        if (connectPoint != null) {
            int slash = connectPoint.lastIndexOf('/');
            if (!CONNECT_POINT.matcher(connectPoint).matches()
                    || (connectPoint.startsWith("of:") && !OF_DEVICE.matcher(connectPoint.substring(0, slash)).matches())) {
                throw f.error("connectPoint", "not an ONOS connect point DEVICE/PORT (e.g. of:0000000000000001/3): '"
                        + connectPoint + "'");
            }
        }
        return new PathConfig(group, new Path(name, linkTag, priority, weight), interfaceName, source, reflector,
                gateway, connectPoint, f.prefix());
    }

    /** {@code IP}, {@code IP:PORT}, {@code [IPv6]:PORT} or a bare IPv6 address; the port defaults to 862. */
    private static InetSocketAddress reflector(KeyedFields f) {
        String v = f.text("reflector");
        String host = v;
        int port = ReflectorSettings.DEFAULT_PORT;
        String portText = null;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            host = close > 0 ? v.substring(1, close) : "";
            if (close > 0 && close < v.length() - 1) {
                portText = v.charAt(close + 1) == ':' ? v.substring(close + 2) : "";
            }
        } else if (v.indexOf(':') == v.lastIndexOf(':') && v.indexOf(':') > 0) {
            host = v.substring(0, v.indexOf(':'));
            portText = v.substring(v.indexOf(':') + 1);
        }
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw f.error("reflector", "port must be 1-65535, was '" + portText + "'");
            }
        }
        InetAddress address = KeyedFields.literalAddress(host);
        if (address == null) {
            throw f.error("reflector", "not IP[:PORT] or [IPv6]:PORT with a literal address: '" + v + "'");
        }
        return new InetSocketAddress(address, port);
    }

    /** "GROUP/PATH": unique across groups, the probe session's path id. */
    public String id() {
        return group + "/" + path.name();
    }

    public String group() {
        return group;
    }

    public String name() {
        return path.name();
    }

    /** The selector's view: name, link tag, priority (lower is preferred), weight. */
    public Path path() {
        return path;
    }

    /** The egress interface, logged as destination-interface-name. */
    public String interfaceName() {
        return interfaceName;
    }

    /** The probes' source, a local address on this uplink; null when not configured. */
    public InetAddress sourceAddress() {
        return sourceAddress;
    }

    /** The remote STAMP reflector; null when not configured. */
    public InetSocketAddress reflector() {
        return reflector;
    }

    /** Linux next hop; null when the interface is point-to-point. */
    public InetAddress gateway() {
        return gateway;
    }

    /** ONOS egress connect point (DEVICE/PORT text); null when not configured. */
    public String connectPoint() {
        return connectPoint;
    }

    /** The configuration key of one of this path's fields, for messages. */
    public String key(String field) {
        return keyPrefix + field;
    }

    @Override
    public String toString() {
        return id() + " (" + interfaceName + ", " + path + ")";
    }
}
