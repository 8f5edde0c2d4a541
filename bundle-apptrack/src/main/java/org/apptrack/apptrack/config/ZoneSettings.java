package org.apptrack.apptrack.config;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apptrack.apptrack.engine.zone.AddressPrefix;
import org.apptrack.apptrack.engine.zone.SecurityZones;

/**
 * Parses the zone, policy and identity part of AppTrack's configuration into
 * {@link SecurityZones}. Flat keys, so that a Karaf {@code .cfg} file can hold them:
 * <pre>
 * zone.NAME.prefixes = 10.0.0.0/8, fc00::/7        addresses of the zone (longest prefix wins)
 * zone.NAME.interfaces = of:0000000000000001/3, capture:eth1   ConnectPoints, or whole devices
 * zone.NAME.applicationTracking = true             false: AppTrack disabled, the zone kept
 * zone.NAME.logicalSystem = LSYS1                  default root-logical-system
 * policy.FROM.TO = permit-web                       policy-name of sessions from zone FROM to TO
 * policy.FROM.TO.userIdentity = true               the policy enforces user identity
 * defaultPolicyName = default-policy-logical-system-00
 * user.NAME.addresses = 10.1.1.5, 10.1.2.0/24      static identity: the user behind these addresses
 * user.NAME.roles = DEPT1, admins
 * user.NAME.name = john.doe@example.com            the username logged, when NAME cannot spell it
 * disable = false                                  Junos "application-tracking disable"
 * </pre>
 * Without any {@code zone.} key the built-in zones apply: {@code trust} (private, loopback,
 * link-local and unique-local addresses) and {@code untrust} (everything else).
 */
public final class ZoneSettings {

    /** Zone, user and policy names: letters, digits, '-' and '_' (no dots: they separate the key). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");
    private static final Pattern LOGICAL_SYSTEM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final List<String> TRUST_PREFIXES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8", "fc00::/7", "fe80::/10", "::1/128");
    private static final List<String> UNTRUST_PREFIXES = List.of("0.0.0.0/0", "::/0");

    private ZoneSettings() {
    }

    /**
     * @throws IllegalArgumentException with a message that starts with the property name
     */
    public static SecurityZones parse(Map<String, ?> props) {
        Map<String, Map<String, Object>> zones = new LinkedHashMap<>();
        Map<String, Map<String, Object>> users = new LinkedHashMap<>();
        Map<String, Object> policies = new TreeMap<>();
        for (Map.Entry<String, ?> e : new TreeMap<String, Object>(props).entrySet()) {
            String key = e.getKey();
            if (key.startsWith("zone.")) {
                group(zones, key, e.getValue(), List.of("prefixes", "interfaces", "applicationTracking",
                        "logicalSystem"));
            } else if (key.startsWith("user.")) {
                group(users, key, e.getValue(), List.of("addresses", "roles", "name"));
            } else if (key.startsWith("policy.")) {
                policies.put(key, e.getValue());
            }
        }
        SecurityZones.Builder b = SecurityZones.builder()
                .enabled(!AppTrackSettings.bool(props, "disable", false))
                .defaultPolicyName(name(props.get("defaultPolicyName"), "defaultPolicyName",
                        SecurityZones.DEFAULT_POLICY_NAME));
        if (zones.isEmpty()) {
            b.zone("trust", true, SecurityZones.ROOT_LOGICAL_SYSTEM, prefixes("zone.trust.prefixes", TRUST_PREFIXES),
                    List.of());
            b.zone("untrust", true, SecurityZones.ROOT_LOGICAL_SYSTEM,
                    prefixes("zone.untrust.prefixes", UNTRUST_PREFIXES), List.of());
        }
        for (Map.Entry<String, Map<String, Object>> z : zones.entrySet()) {
            String p = "zone." + z.getKey() + ".";
            Map<String, Object> v = z.getValue();
            List<AddressPrefix> prefixes = prefixes(p + "prefixes", list(v.get("prefixes")));
            List<String> interfaces = list(v.get("interfaces"));
            if (prefixes.isEmpty() && interfaces.isEmpty()) {
                throw new IllegalArgumentException(p + "prefixes: a zone needs prefixes or interfaces");
            }
            String lsys = text(v.get("logicalSystem"), SecurityZones.ROOT_LOGICAL_SYSTEM);
            if (!LOGICAL_SYSTEM.matcher(lsys).matches()) {
                throw new IllegalArgumentException(p + "logicalSystem: not a logical system name: " + lsys);
            }
            b.zone(z.getKey(), AppTrackSettings.bool(v, "applicationTracking", true, p), lsys, prefixes, interfaces);
        }
        for (Map.Entry<String, Object> e : policies.entrySet()) {
            String[] parts = e.getKey().split("\\.", -1);
            if (parts.length == 4 && parts[3].equals("userIdentity")) {
                continue; // read with its policy
            }
            if (parts.length != 3 || !NAME.matcher(parts[1]).matches() || !NAME.matcher(parts[2]).matches()) {
                throw new IllegalArgumentException(e.getKey() + ": expected policy.FROM-ZONE.TO-ZONE[.userIdentity]");
            }
            String name = name(e.getValue(), e.getKey(), null);
            if (name == null) {
                throw new IllegalArgumentException(e.getKey() + ": a policy name is required");
            }
            boolean identity = AppTrackSettings.bool(policies, e.getKey() + ".userIdentity", false);
            b.policy(parts[1], parts[2], name, identity);
        }
        for (String key : policies.keySet()) {
            if (key.endsWith(".userIdentity") && !policies.containsKey(key.substring(0, key.lastIndexOf('.')))) {
                throw new IllegalArgumentException(key + ": no policy " + key.substring(0, key.lastIndexOf('.')));
            }
        }
        for (Map.Entry<String, Map<String, Object>> u : users.entrySet()) {
            String p = "user." + u.getKey() + ".";
            List<AddressPrefix> addresses = prefixes(p + "addresses", list(u.getValue().get("addresses")));
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException(p + "addresses: a user needs at least one address or prefix");
            }
            List<String> roles = list(u.getValue().get("roles"));
            for (String r : roles) {
                if (!NAME.matcher(r).matches()) {
                    throw new IllegalArgumentException(p + "roles: not a role name: " + r);
                }
            }
            String username = name(u.getValue().get("name"), p + "name", u.getKey());
            b.user(username, roles, addresses);
        }
        return b.build();
    }

    /** {@code PREFIX.NAME.FIELD} into groups by NAME, checking NAME and FIELD. */
    private static void group(Map<String, Map<String, Object>> groups, String key, Object value, List<String> fields) {
        String[] parts = key.split("\\.", -1);
        if (parts.length != 3 || !NAME.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException(key + ": expected " + parts[0] + ".NAME.FIELD with NAME of letters,"
                    + " digits, '-' and '_'");
        }
        if (!fields.contains(parts[2])) {
            throw new IllegalArgumentException(key + ": unknown property (known: " + String.join(", ", fields) + ")");
        }
        groups.computeIfAbsent(parts[1], k -> new LinkedHashMap<>()).put(parts[2], value);
    }

    private static List<AddressPrefix> prefixes(String key, List<String> values) {
        List<AddressPrefix> result = new ArrayList<>();
        for (String v : values) {
            try {
                result.add(AddressPrefix.parse(v));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    /** A comma-separated text, or a String[] / collection from a typed configuration. */
    static List<String> list(Object value) {
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        List<Object> items = new ArrayList<>();
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
        } else if (value instanceof Collection) {
            items.addAll((Collection<?>) value);
        } else {
            items.add(value);
        }
        for (Object item : items) {
            for (String part : String.valueOf(item).split(",")) {
                if (!part.trim().isEmpty()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }

    private static String text(Object value, String fallback) {
        return value == null || value.toString().trim().isEmpty() ? fallback : value.toString().trim();
    }

    /** A policy name as logged: printable, no quotes or control characters. */
    private static String name(Object value, String key, String fallback) {
        String v = text(value, fallback);
        if (v != null) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < 0x20 || c == 0x7f || c == '"') {
                    throw new IllegalArgumentException(key + ": control character or quote in name: "
                            + v.replaceAll("\\p{Cntrl}", "?"));
                }
            }
            if (v.length() > 63) {
                throw new IllegalArgumentException(key + ": longer than 63 characters");
            }
        }
        return v;
    }
}
