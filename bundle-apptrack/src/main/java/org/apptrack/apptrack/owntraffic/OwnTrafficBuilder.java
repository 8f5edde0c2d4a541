package org.apptrack.apptrack.owntraffic;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apptrack.api.traffic.OwnTraffic;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficSource;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;
import org.apptrack.apptrack.config.ManagementEndpoint;
import org.apptrack.syslog.api.LogStreamEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the product knows about its own traffic into rules with concrete addresses: a
 * wildcard (a listener bound to every address, a stream without source address) becomes this
 * host's addresses, never "any address", so the same ports between other hosts stay tracked.
 */
final class OwnTrafficBuilder {

    private static final Logger log = LoggerFactory.getLogger(OwnTrafficBuilder.class);
    private static final Set<String> WILDCARDS = Set.of("", "*", "0.0.0.0", "::", "0:0:0:0:0:0:0:0", "[::]");

    private final List<InetAddress> hostAddresses;
    private final List<OwnTrafficRule> rules = new ArrayList<>();

    /** @param hostAddresses this host's addresses, what a wildcard stands for */
    OwnTrafficBuilder(List<InetAddress> hostAddresses) {
        this.hostAddresses = List.copyOf(hostAddresses);
    }

    /** Each network log stream: its receiver, talking with the address(es) the stream sends from. */
    OwnTrafficBuilder streams(Collection<LogStreamEndpoint> endpoints) {
        for (LogStreamEndpoint e : endpoints) {
            InetAddress receiver = e.remote().getAddress();
            if (receiver == null) {
                continue;
            }
            List<InetAddress> from = e.local() != null && !e.local().isAnyLocalAddress() ? List.of(e.local())
                    : hostAddresses;
            if (from.isEmpty()) {
                // without this host's addresses the rule would take every sender to the receiver
                log.warn("Own traffic: stream {} left in: this host's addresses are not known", e.streamName());
                continue;
            }
            rules.add(new OwnTrafficRule(e.datagram() ? Protocol.UDP : Protocol.TCP, List.of(receiver),
                    e.remote().getPort(), from, 0, "security-log stream " + e.streamName()));
        }
        return this;
    }

    /**
     * A listener of this host: every peer that talks to {@code port} on the addresses it is bound
     * to ({@code hosts}: literals, names or a wildcard).
     */
    OwnTrafficBuilder listener(Protocol protocol, Collection<String> hosts, int port, String origin) {
        if (port < 1 || port > 65535) {
            return this;
        }
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (String host : hosts) {
            String h = host.trim();
            if (WILDCARDS.contains(h)) {
                addresses.addAll(hostAddresses);
                continue;
            }
            try {
                for (InetAddress a : InetAddress.getAllByName(h)) {
                    if (a.isAnyLocalAddress()) {
                        addresses.addAll(hostAddresses);
                    } else {
                        addresses.add(a);
                    }
                }
            } catch (UnknownHostException e) {
                log.warn("Own traffic: {} listens on '{}', which does not resolve; left in", origin, h);
            }
        }
        if (!addresses.isEmpty()) {
            rules.add(OwnTrafficRule.endpoint(protocol, addresses, port, origin));
        }
        return this;
    }

    /** The SSH login the container was started from: that one connection. */
    OwnTrafficBuilder managementConnection(SshConnection c) {
        rules.add(new OwnTrafficRule(Protocol.TCP, List.of(c.server), c.serverPort, List.of(c.client), c.clientPort,
                "SSH login the container runs in (SSH_CONNECTION " + c + ")"));
        return this;
    }

    /** The operator's management endpoints: a port of this host, or an endpoint anywhere. */
    OwnTrafficBuilder managementEndpoints(Collection<ManagementEndpoint> endpoints) {
        for (ManagementEndpoint e : endpoints) {
            List<InetAddress> addresses = e.address() != null ? List.of(e.address()) : hostAddresses;
            if (!addresses.isEmpty()) {
                rules.add(OwnTrafficRule.endpoint(e.protocol(), addresses, e.port(), "managementEndpoints " + e));
            }
        }
        return this;
    }

    /** What another part of the product ({@link OwnTrafficSource}) declares as its own. */
    OwnTrafficBuilder rules(Collection<OwnTrafficRule> contributed) {
        rules.addAll(contributed);
        return this;
    }

    OwnTraffic build() {
        return OwnTraffic.of(rules);
    }
}
