package org.apptrack.appqoe.steer;

import java.net.InetAddress;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A path sessions can be steered along: its name (as in the AppQoE configuration), a small stable
 * index from which actuators derive table and mark numbers, the egress interface, the next hop
 * (null: directly connected, e.g. a point-to-point tunnel) and the ONOS connect point of the
 * egress ("of:0000000000000001/2"; null outside ONOS). Each actuator checks in
 * {@link SteeringActuator#preparePaths} that the parts it needs are present.
 */
public final class SteeringPath {

    /** Highest index; keeps table and mark numbers derived from it in a small, predictable range. */
    public static final int MAX_INDEX = 255;

    /** Linux interface names: at most 15 characters, no blanks, no '/' (they end up in commands). */
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");

    private final String name;
    private final int index;
    private final String egressInterface;
    private final InetAddress gateway;
    private final String connectPoint;
    private final InetAddress sourceAddress;

    public SteeringPath(String name, int index, String egressInterface, InetAddress gateway, String connectPoint) {
        this(name, index, egressInterface, gateway, connectPoint, null);
    }

    /**
     * @param sourceAddress the path's own address (its probes' source), null when none: traffic
     *     from it is routed by the path's table, so that probes to a reflector shared by all paths
     *     still leave by their own uplink
     */
    public SteeringPath(String name, int index, String egressInterface, InetAddress gateway, String connectPoint,
            InetAddress sourceAddress) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("steering path: name must not be empty");
        }
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("steering path " + name + ": index must be 0.." + MAX_INDEX
                    + ", was " + index);
        }
        if (egressInterface != null && !INTERFACE.matcher(egressInterface).matches()) {
            throw new IllegalArgumentException("steering path " + name + ": egress interface '" + egressInterface
                    + "' is not a Linux interface name (1-15 of A-Z a-z 0-9 _ . : @ -)");
        }
        if (connectPoint != null && connectPoint.isBlank()) {
            throw new IllegalArgumentException("steering path " + name + ": connect point must not be blank");
        }
        this.name = name;
        this.index = index;
        this.egressInterface = egressInterface;
        this.gateway = gateway;
        this.connectPoint = connectPoint;
        this.sourceAddress = sourceAddress;
    }

    /** The path's own address, null when none. */
    public InetAddress sourceAddress() {
        return sourceAddress;
    }

    public String name() {
        return name;
    }

    public int index() {
        return index;
    }

    /** The egress interface, null when not given. */
    public String egressInterface() {
        return egressInterface;
    }

    /** The next hop, null when the interface is directly connected (or the path is not routed by Linux). */
    public InetAddress gateway() {
        return gateway;
    }

    /** The ONOS connect point, null when not given. */
    public String connectPoint() {
        return connectPoint;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SteeringPath)) {
            return false;
        }
        SteeringPath p = (SteeringPath) o;
        return name.equals(p.name) && index == p.index && Objects.equals(egressInterface, p.egressInterface)
                && Objects.equals(gateway, p.gateway) && Objects.equals(connectPoint, p.connectPoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, index, egressInterface, gateway, connectPoint);
    }

    @Override
    public String toString() {
        return name + " #" + index + (egressInterface == null ? "" : " dev " + egressInterface)
                + (gateway == null ? "" : " via " + gateway.getHostAddress())
                + (connectPoint == null ? "" : " at " + connectPoint);
    }
}
