package org.apptrack.apptrack.engine.zone;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.engine.PolicyResolver;

/**
 * The zone configuration in force, immutable: zones, the policy of every zone pair and the static
 * user identities. As a {@link PolicyResolver} it places a new flow: source zone = the zone of
 * the ingress interface when the interface belongs to one, else the zone of the longest prefix
 * containing the client address; destination zone = the zone of the longest prefix containing
 * the server address (an observer does not see the egress interface: the prefixes stand in for
 * the route lookup). A flow outside every zone is not tracked, nor is one between zones that
 * both have AppTrack disabled, nor any when AppTrack is disabled globally.
 */
public final class SecurityZones implements PolicyResolver {

    /** Logical system name of the root, as in Junos. */
    public static final String ROOT_LOGICAL_SYSTEM = "root-logical-system";
    /** What an SRX logs for sessions that match no configured policy. */
    public static final String DEFAULT_POLICY_NAME = "default-policy-logical-system-00";
    /** Zones are numbered so that a zone pair fits the session's 16-bit policy index. */
    public static final int MAX_ZONES = 256;
    static final String USERNAME_NONE = "N/A";
    static final String UNAUTHENTICATED_USER = "unauthenticated user";

    private final boolean enabled;
    private final List<Zone> zones;
    private final ZonePolicy[] policies;
    private final PrefixTable zonePrefixes;
    private final Map<String, Integer> interfaceZones;
    /** Asked for every packet: a field, not a call through the unmodifiable map. */
    private final boolean hasInterfaces;
    private final PrefixTable userPrefixes;
    private final List<StaticUser> users;

    private SecurityZones(Builder b) {
        enabled = b.enabled;
        zones = List.copyOf(b.zones);
        int n = zones.size();
        policies = new ZonePolicy[n * n];
        for (Zone from : zones) {
            for (Zone to : zones) {
                int index = from.id() * n + to.id();
                String[] policy = b.policies.get(from.name() + "\u0000" + to.name());
                String name = policy != null ? policy[0] : b.defaultPolicyName;
                boolean identity = policy != null && Boolean.parseBoolean(policy[1]);
                boolean tracked = enabled && (from.applicationTracking() || to.applicationTracking());
                policies[index] = new ZonePolicy(index, from, to, name, identity, tracked);
            }
        }
        PrefixTable.Builder zp = PrefixTable.builder();
        Map<String, Integer> ifs = new HashMap<>();
        for (Zone z : zones) {
            for (AddressPrefix p : z.prefixes()) {
                int other = zp.add(p, z.id());
                if (other >= 0) {
                    throw new IllegalArgumentException("zone." + z.name() + ".prefixes: " + p
                            + " is already in zone " + zones.get(other).name());
                }
            }
            for (String i : z.interfaces()) {
                Integer other = ifs.putIfAbsent(i, z.id());
                if (other != null) {
                    throw new IllegalArgumentException("zone." + z.name() + ".interfaces: " + i
                            + " is already in zone " + zones.get(other).name());
                }
            }
        }
        zonePrefixes = zp.build();
        interfaceZones = Collections.unmodifiableMap(ifs);
        hasInterfaces = !ifs.isEmpty();
        users = List.copyOf(b.users);
        PrefixTable.Builder up = PrefixTable.builder();
        for (int u = 0; u < users.size(); u++) {
            for (AddressPrefix p : b.userAddresses.get(u)) {
                int other = up.add(p, u);
                if (other >= 0) {
                    throw new IllegalArgumentException("user." + users.get(u).name() + ".addresses: " + p
                            + " already belongs to user " + users.get(other).name());
                }
            }
        }
        userPrefixes = up.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public int resolve(int ingressZone, long clientHigh, long clientLow, long serverHigh, long serverLow) {
        int from = ingressZone >= 0 ? ingressZone : zonePrefixes.lookup(clientHigh, clientLow);
        int to = zonePrefixes.lookup(serverHigh, serverLow);
        return pair(from, to);
    }

    /**
     * Places an existing session again under this configuration (after a change): its zones
     * keep their names when they still exist, else the prefixes decide as for a new flow.
     */
    public int reresolve(String sourceZone, String destinationZone, long clientHigh, long clientLow,
                         long serverHigh, long serverLow) {
        int from = zoneId(sourceZone);
        if (from < 0) {
            from = zonePrefixes.lookup(clientHigh, clientLow);
        }
        int to = zoneId(destinationZone);
        if (to < 0) {
            to = zonePrefixes.lookup(serverHigh, serverLow);
        }
        return pair(from, to);
    }

    private int pair(int from, int to) {
        if (from < 0 || to < 0) {
            return NO_ZONE;
        }
        ZonePolicy p = policies[from * zones.size() + to];
        return p.tracked() ? p.index() : NOT_TRACKED;
    }

    /** The zone of an interface: its exact ConnectPoint ({@code device/port}), else its whole device; -1 if none. */
    public int interfaceZone(String connectPoint) {
        Integer z = interfaceZones.get(connectPoint);
        if (z == null) {
            int slash = connectPoint.lastIndexOf('/');
            if (slash > 0) {
                z = interfaceZones.get(connectPoint.substring(0, slash));
            }
        }
        return z == null ? -1 : z;
    }

    /** Whether any zone names interfaces (else the ingress interface need not be looked up). */
    public boolean hasInterfaces() {
        return hasInterfaces;
    }

    public int zoneId(String name) {
        for (Zone z : zones) {
            if (z.name().equals(name)) {
                return z.id();
            }
        }
        return -1;
    }

    /** The policy of a session's index; index 0 when the index is out of range (no zones configured). */
    public ZonePolicy policy(int index) {
        return policies[index < policies.length ? index : 0];
    }

    /** The static user whose addresses contain this one, or null. */
    public StaticUser user(long addressHigh, long addressLow) {
        int u = userPrefixes.lookup(addressHigh, addressLow);
        return u < 0 ? null : users.get(u);
    }

    /**
     * The username and roles fields of a session's logs (seed: N/A / N/A under a policy without
     * user enforcement; "unauthenticated user" / N/A when no identity entry exists).
     */
    public String username(ZonePolicy policy, long clientHigh, long clientLow) {
        if (!policy.userIdentity()) {
            return USERNAME_NONE;
        }
        StaticUser u = user(clientHigh, clientLow);
        return u == null ? UNAUTHENTICATED_USER : u.name();
    }

    public String roles(ZonePolicy policy, long clientHigh, long clientLow) {
        if (!policy.userIdentity()) {
            return USERNAME_NONE;
        }
        StaticUser u = user(clientHigh, clientLow);
        return u == null ? USERNAME_NONE : u.rolesField();
    }

    public boolean enabled() {
        return enabled;
    }

    public List<Zone> zones() {
        return zones;
    }

    public List<StaticUser> users() {
        return users;
    }

    /** Collects zones, policies and users; {@link #build()} checks them (messages name the property). */
    public static final class Builder {
        private boolean enabled = true;
        private String defaultPolicyName = DEFAULT_POLICY_NAME;
        private final List<Zone> zones = new ArrayList<>();
        private final Map<String, String[]> policies = new LinkedHashMap<>();
        private final List<StaticUser> users = new ArrayList<>();
        private final List<List<AddressPrefix>> userAddresses = new ArrayList<>();

        /** False for Junos {@code set security application-tracking disable}: nothing is tracked, zones stay. */
        public Builder enabled(boolean on) {
            this.enabled = on;
            return this;
        }

        public Builder defaultPolicyName(String name) {
            this.defaultPolicyName = name;
            return this;
        }

        public Builder zone(String name, boolean applicationTracking, String logicalSystem,
                            List<AddressPrefix> prefixes, List<String> interfaces) {
            if (zones.size() == MAX_ZONES) {
                throw new IllegalArgumentException("zone." + name + ": more than " + MAX_ZONES + " zones");
            }
            for (Zone z : zones) {
                if (z.name().equals(name)) {
                    throw new IllegalArgumentException("zone." + name + ": defined twice");
                }
            }
            zones.add(new Zone(zones.size(), name, applicationTracking, logicalSystem, prefixes, interfaces));
            return this;
        }

        public Builder policy(String fromZone, String toZone, String policyName, boolean userIdentity) {
            policies.put(fromZone + "\u0000" + toZone, new String[] {policyName, Boolean.toString(userIdentity)});
            return this;
        }

        public Builder user(String name, List<String> roles, List<AddressPrefix> addresses) {
            users.add(new StaticUser(name, roles));
            userAddresses.add(List.copyOf(addresses));
            return this;
        }

        public SecurityZones build() {
            if (zones.isEmpty()) {
                throw new IllegalArgumentException("zone: at least one zone is required");
            }
            for (String key : policies.keySet()) {
                String[] pair = key.split("\u0000");
                for (String zone : pair) {
                    if (zones.stream().noneMatch(z -> z.name().equals(zone))) {
                        throw new IllegalArgumentException("policy." + pair[0] + "." + pair[1] + ": no zone named "
                                + zone);
                    }
                }
            }
            return new SecurityZones(this);
        }
    }
}
