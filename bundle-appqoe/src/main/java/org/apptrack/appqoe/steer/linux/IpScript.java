package org.apptrack.appqoe.steer.linux;

import java.net.Inet4Address;

import org.apptrack.appqoe.steer.SteeringPath;

/**
 * The iproute2 batch text ({@code ip -batch -} and {@code ip -6 -batch -}) for a path's routing
 * table and ip rule: table {@code tableBase + index} with a default route via the path's gateway
 * (or straight out of its interface when it has none) and a rule {@code fwmark markBase + index
 * lookup that table} at the configured priority, for IPv4 and IPv6. A path with an IPv4 gateway
 * has no IPv6 route: IPv6 packets of its sessions find the table empty and fall through to the
 * next rule (the main table), and vice versa.
 */
final class IpScript {

    private final LinuxSteeringSettings settings;
    private final StringBuilder v4 = new StringBuilder(128);
    private final StringBuilder v6 = new StringBuilder(128);

    IpScript(LinuxSteeringSettings settings) {
        this.settings = settings;
    }

    /** Routes and rule of the path; adding a rule that exists fails, so remove first. */
    IpScript add(SteeringPath path) {
        String table = Long.toString(settings.table(path.index()));
        String device = " dev " + path.egressInterface() + " table " + table;
        if (path.gateway() == null) {
            v4.append("route replace default").append(device).append('\n');
            v6.append("route replace default").append(device).append('\n');
        } else {
            StringBuilder family = path.gateway() instanceof Inet4Address ? v4 : v6;
            family.append("route replace default via ").append(NftScript.address(path.gateway())).append(device)
                    .append('\n');
        }
        v4.append("rule add").append(rule(path)).append('\n');
        v6.append("rule add").append(rule(path)).append('\n');
        if (path.sourceAddress() != null) {
            // The path's own traffic (its probes) leaves by the path even to a shared reflector.
            StringBuilder family = path.sourceAddress() instanceof Inet4Address ? v4 : v6;
            family.append("rule add from ").append(NftScript.address(path.sourceAddress())).append(" lookup ")
                    .append(table).append(" priority ").append(settings.rulePriority()).append('\n');
        }
        return this;
    }

    /** Removes the path's rule and empties its table; run with {@code -force}, since parts may be absent. */
    IpScript remove(int pathIndex) {
        String rule = rule(pathIndex);
        String flush = "route flush table " + settings.table(pathIndex) + '\n';
        // The second del takes the path's source rule, the only other rule of ours to this table.
        String sourceRule = "rule del lookup " + settings.table(pathIndex) + " priority " + settings.rulePriority() + '\n';
        v4.append("rule del").append(rule).append('\n').append(sourceRule).append(flush);
        v6.append("rule del").append(rule).append('\n').append(sourceRule).append(flush);
        return this;
    }

    String ipv4() {
        return v4.toString();
    }

    String ipv6() {
        return v6.toString();
    }

    private String rule(SteeringPath path) {
        return rule(path.index());
    }

    private String rule(int pathIndex) {
        return " fwmark 0x" + Long.toHexString(settings.mark(pathIndex)) + " lookup " + settings.table(pathIndex)
                + " priority " + settings.rulePriority();
    }
}
