package org.apptrack.appqoe.impl;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apptrack.api.traffic.OwnTrafficRule;
import org.apptrack.api.traffic.OwnTrafficRule.Protocol;
import org.apptrack.appqoe.config.ActiveProbeConfig;
import org.apptrack.appqoe.config.ApbrProfileConfig;
import org.apptrack.appqoe.config.ApbrRuleConfig;
import org.apptrack.appqoe.config.AppQoeConfig;
import org.apptrack.appqoe.config.PathConfig;
import org.apptrack.appqoe.config.ProbeType;
import org.apptrack.appqoe.config.SlaRuleConfig;

/**
 * The traffic AppQoE's active probes cause, as own-traffic rules: per probed path, STAMP between
 * the path's source address and its reflector (UDP), HTTP HEAD between the path's source address
 * (this host's addresses when unbound) and the URL's server (TCP). The same paths and probes
 * {@link AppQoeRuntime} starts sessions for, so a probe is never tracked as a transit session.
 */
final class ProbeTraffic {

    /** Resolves a probe URL's host; a name that does not resolve has no rule (and no probe answers). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private ProbeTraffic() {
    }

    static List<OwnTrafficRule> rules(AppQoeConfig config, List<InetAddress> hostAddresses, Resolver resolver) {
        Set<OwnTrafficRule> rules = new LinkedHashSet<>();
        if (!config.enabled()) {
            return List.of();
        }
        for (ApbrProfileConfig profile : config.apbrProfiles().values()) {
            for (ApbrRuleConfig rule : profile.rules()) {
                SlaRuleConfig sla = rule.slaRule();
                if (sla == null) {
                    continue;
                }
                ActiveProbeConfig probe = sla.activeProbe();
                if (probe == null) {
                    continue; // passive sampling only: nothing is sent
                }
                for (PathConfig path : rule.destinationGroup().paths()) {
                    OwnTrafficRule r = probe.type() == ProbeType.HTTP_HEAD
                            ? http(path, probe, hostAddresses, resolver) : stamp(path, probe);
                    if (r != null) {
                        rules.add(r);
                    }
                }
            }
        }
        return new ArrayList<>(rules);
    }

    private static OwnTrafficRule stamp(PathConfig path, ActiveProbeConfig probe) {
        if (path.reflector() == null || path.sourceAddress() == null) {
            return null; // the configuration refuses this for STAMP; nothing is sent
        }
        return new OwnTrafficRule(Protocol.UDP, List.of(path.reflector().getAddress()), path.reflector().getPort(),
                List.of(path.sourceAddress()), 0, "AppQoE probe " + probe.name() + " on " + path.id());
    }

    private static OwnTrafficRule http(PathConfig path, ActiveProbeConfig probe, List<InetAddress> hostAddresses,
                                       Resolver resolver) {
        URI url = probe.url();
        List<InetAddress> servers;
        try {
            servers = List.of(resolver.resolve(url.getHost()));
        } catch (UnknownHostException e) {
            return null;
        }
        List<InetAddress> from = path.sourceAddress() != null ? List.of(path.sourceAddress()) : hostAddresses;
        if (servers.isEmpty() || from.isEmpty()) {
            return null;
        }
        int port = url.getPort() > 0 ? url.getPort()
                : "https".equals(url.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
        return new OwnTrafficRule(Protocol.TCP, servers, port, from, 0,
                "AppQoE probe " + probe.name() + " on " + path.id());
    }
}
