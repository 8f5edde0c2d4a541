package org.apptrack.syslog.api;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a running network stream sends: its receiver as resolved when the configuration was
 * accepted, and the local address it sends from (null when unbound: any address of this host).
 * The local port is left out: TCP and TLS streams take a new one on each reconnect.
 */
public final class LogStreamEndpoint {

    private final String streamName;
    private final String transport;
    private final InetSocketAddress remote;
    private final InetAddress local;

    public LogStreamEndpoint(String streamName, String transport, InetSocketAddress remote, InetAddress local) {
        this.streamName = Objects.requireNonNull(streamName, "streamName");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.local = local;
    }

    public String streamName() {
        return streamName;
    }

    /** {@code udp}, {@code tcp} or {@code tls}. */
    public String transport() {
        return transport;
    }

    /** True for UDP, false for TCP and TLS (both run over TCP). */
    public boolean datagram() {
        return transport.equals("udp");
    }

    /** The receiver: resolved address and port. */
    public InetSocketAddress remote() {
        return remote;
    }

    /** The configured source address, or null when the stream sends from any address of this host. */
    public InetAddress local() {
        return local;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LogStreamEndpoint)) {
            return false;
        }
        LogStreamEndpoint e = (LogStreamEndpoint) o;
        return streamName.equals(e.streamName) && transport.equals(e.transport) && remote.equals(e.remote)
                && Objects.equals(local, e.local);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamName, transport, remote, local);
    }

    @Override
    public String toString() {
        return streamName + " " + transport + " " + (local == null ? "*" : local.getHostAddress()) + " -> "
                + remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }
}
