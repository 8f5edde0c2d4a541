package org.apptrack.apptrack.config;

import java.net.InetAddress;
import java.util.Objects;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;

/**
 * A management endpoint the operator names ({@code managementEndpoints}): the host's own sshd
 * ({@code tcp/22}), an SNMP agent ({@code udp/161}), or an endpoint elsewhere
 * ({@code tcp/192.0.2.10:8443}). Its traffic is the product's own and is not tracked.
 */
public final class ManagementEndpoint {

    private final Protocol protocol;
    private final InetAddress address;
    private final int port;
    private final String text;

    ManagementEndpoint(Protocol protocol, InetAddress address, int port, String text) {
        this.protocol = protocol;
        this.address = address;
        this.port = port;
        this.text = text;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** The endpoint's address; null for every address of this host. */
    public InetAddress address() {
        return address;
    }

    public int port() {
        return port;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ManagementEndpoint)) {
            return false;
        }
        ManagementEndpoint e = (ManagementEndpoint) o;
        return protocol == e.protocol && port == e.port && Objects.equals(address, e.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, address, port);
    }

    /** As configured, e.g. {@code tcp/22}. */
    @Override
    public String toString() {
        return text;
    }
}
