package org.apptrack.api.traffic;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One kind of the product's own traffic: packets of {@link #protocol()} between the endpoint
 * ({@link #addresses()}, {@link #port()}) and a peer ({@link #peers()}, {@link #peerPort()}), in
 * either direction. A listener of this host is an endpoint with every peer; a security-log stream
 * is its receiver's endpoint with this host's sending addresses as peers; a management
 * connection is one endpoint and one peer with its port.
 *
 * <p>Addresses are concrete: a wildcard-bound listener is listed with this host's addresses, so
 * that the same port on other hosts (transit traffic) is never matched. IPv4-mapped IPv6 addresses
 * are kept as IPv4 addresses and scope ids are dropped, so equal rules compare equal.
 */
public final class OwnTrafficRule {

    /** The transport protocols a rule can name. */
    public enum Protocol {
        TCP(6), UDP(17);

        private final int number;

        Protocol(int number) {
            this.number = number;
        }

        /** The IP protocol number (6, 17). */
        public int number() {
            return number;
        }

        /** {@code tcp} or {@code udp}, as in configuration and filter expressions. */
        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Protocol protocol;
    private final List<InetAddress> addresses;
    private final int port;
    private final List<InetAddress> peers;
    private final int peerPort;
    private final String origin;

    /**
     * @param addresses the endpoint's addresses, at least one
     * @param port the endpoint's port, 1..65535
     * @param peers the peers' addresses; empty for any peer
     * @param peerPort the peers' port, 0 for any
     * @param origin what the traffic is, for operators ("security-log stream siem", "Karaf SSH")
     * @throws IllegalArgumentException for no address or a port out of range
     */
    public OwnTrafficRule(Protocol protocol, Collection<? extends InetAddress> addresses, int port,
                          Collection<? extends InetAddress> peers, int peerPort, String origin) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.addresses = normalized(addresses);
        if (this.addresses.isEmpty()) {
            throw new IllegalArgumentException("an own-traffic rule needs at least one endpoint address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
        if (peerPort < 0 || peerPort > 65535) {
            throw new IllegalArgumentException("peer port out of range 0..65535: " + peerPort);
        }
        this.port = port;
        this.peers = normalized(peers);
        this.peerPort = peerPort;
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** Every peer talking to the endpoint: a listener. */
    public static OwnTrafficRule endpoint(Protocol protocol, Collection<? extends InetAddress> addresses, int port,
                                          String origin) {
        return new OwnTrafficRule(protocol, addresses, port, List.of(), 0, origin);
    }

    public Protocol protocol() {
        return protocol;
    }

    /** The endpoint's addresses, sorted (IPv4 first), without duplicates. */
    public List<InetAddress> addresses() {
        return addresses;
    }

    public int port() {
        return port;
    }

    /** The peers' addresses, sorted; empty when any peer matches. */
    public List<InetAddress> peers() {
        return peers;
    }

    /** The peers' port, 0 when any. */
    public int peerPort() {
        return peerPort;
    }

    /** What the traffic is. */
    public String origin() {
        return origin;
    }

    private static List<InetAddress> normalized(Collection<? extends InetAddress> in) {
        List<InetAddress> out = new ArrayList<>();
        for (InetAddress a : Objects.requireNonNull(in, "addresses")) {
            InetAddress n = normalize(Objects.requireNonNull(a, "address"));
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        out.sort(OwnTrafficRule::compare);
        return Collections.unmodifiableList(out);
    }

    /** Without scope id or host name; an IPv4-mapped address becomes the IPv4 address. */
    private static InetAddress normalize(InetAddress a) {
        try {
            return InetAddress.getByAddress(a.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + a.getAddress().length + " bytes", e);
        }
    }

    private static int compare(InetAddress a, InetAddress b) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return x.length - y.length;
        }
        for (int i = 0; i < x.length; i++) {
            int c = (x[i] & 0xff) - (y[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OwnTrafficRule)) {
            return false;
        }
        OwnTrafficRule r = (OwnTrafficRule) o;
        return protocol == r.protocol && port == r.port && peerPort == r.peerPort && addresses.equals(r.addresses)
                && peers.equals(r.peers) && origin.equals(r.origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, addresses, port, peers, peerPort, origin);
    }

    /** E.g. {@code udp 127.0.0.1 port 514 with 127.0.0.1, 192.0.2.7 (security-log stream siem)}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(protocol.keyword()).append(' ');
        addressList(b, addresses).append(" port ").append(port).append(" with ");
        if (peers.isEmpty()) {
            b.append("any");
        } else {
            addressList(b, peers);
        }
        if (peerPort != 0) {
            b.append(" port ").append(peerPort);
        }
        return b.append(" (").append(origin).append(')').toString();
    }

    private static StringBuilder addressList(StringBuilder b, List<InetAddress> list) {
        for (int i = 0; i < list.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(list.get(i).getHostAddress());
        }
        return b;
    }
}
