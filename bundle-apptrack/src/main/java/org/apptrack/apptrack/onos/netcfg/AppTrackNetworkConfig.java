package org.apptrack.apptrack.onos.netcfg;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apptrack.apptrack.config.ZoneSettings;
import org.apptrack.apptrack.onos.config.FlatKeys;
import org.apptrack.apptrack.onos.config.FlatKeysConfig;
import org.apptrack.apptrack.onos.config.JsonFlattener;
import org.onosproject.net.config.InvalidFieldException;

/**
 * AppTrack's zones, policies and users as ONOS network configuration, under
 * {@code apps -> org.apptrack.apptrack -> apptrack}:
 * <pre>
 * { "zones": { "trust": { "prefixes": ["10.0.0.0/8"], "interfaces": ["of:0000000000000001/3"],
 *                         "applicationTracking": true, "logicalSystem": "LSYS1" },
 *              "untrust": { "prefixes": ["0.0.0.0/0", "::/0"] } },
 *   "policies": [ { "from": "trust", "to": "untrust", "name": "permit-web", "userIdentity": false } ],
 *   "users": { "jdoe": { "addresses": ["10.1.1.5"], "roles": ["DEPT1"], "name": "john.doe@example.com" } } }
 * </pre>
 * Each field is the flat key of the ConfigAdmin file ({@code zone.trust.prefixes},
 * {@code policy.trust.untrust}, {@code user.jdoe.roles}) and {@link ZoneSettings} validates it.
 * When present it replaces the file's {@code zone.*}, {@code policy.*} and {@code user.*} keys.
 */
public final class AppTrackNetworkConfig extends FlatKeysConfig {

    public static final String KEY = "apptrack";
    /** The families of flat keys this configuration owns when present. */
    public static final Set<String> OWNED_PREFIXES = Set.of("zone.", "policy.", "user.");

    private static final Set<String> FIELDS = Set.of("zones", "policies", "users");
    private static final Set<String> POLICY_FIELDS = Set.of("from", "to", "name", "userIdentity");

    @Override
    public FlatKeys flatKeys() {
        String root = rootPath();
        FlatKeys out = new FlatKeys(root);
        if (!node.isObject()) {
            throw new InvalidFieldException(root, "expected an object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidFieldException(root + "." + name, "unknown field (known: zones, policies, users)");
            }
        }
        if (node.has("zones")) {
            JsonFlattener.flatten(node.get("zones"), "zone.", root + ".zones", out);
        }
        if (node.has("users")) {
            JsonFlattener.flatten(node.get("users"), "user.", root + ".users", out);
        }
        if (node.has("policies")) {
            policies(node.get("policies"), root + ".policies", out);
        }
        return out;
    }

    /** {@code [{from, to, name, userIdentity}]} to {@code policy.FROM.TO = NAME} and {@code policy.FROM.TO.userIdentity}. */
    private static void policies(JsonNode list, String path, FlatKeys out) {
        if (!list.isArray()) {
            throw new InvalidFieldException(path, "expected a list of {from, to, name, userIdentity}");
        }
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String at = path + "[" + i + "]";
            if (!p.isObject()) {
                throw new InvalidFieldException(at, "expected an object {from, to, name, userIdentity}");
            }
            Iterator<String> names = p.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!POLICY_FIELDS.contains(name)) {
                    throw new InvalidFieldException(at + "." + name, "unknown field (known: from, to, name, userIdentity)");
                }
            }
            String from = required(p, "from", at);
            String to = required(p, "to", at);
            String key = "policy." + from + "." + to;
            if (!pairs.add(key)) {
                throw new InvalidFieldException(at, "a second policy from " + from + " to " + to);
            }
            out.put(key, p.has("name") ? JsonFlattener.scalar(p.get("name"), at + ".name") : "", at);
            if (p.has("userIdentity")) {
                out.put(key + ".userIdentity", JsonFlattener.scalar(p.get("userIdentity"), at + ".userIdentity"),
                        at + ".userIdentity");
            }
        }
    }

    private static String required(JsonNode object, String field, String path) {
        JsonNode v = object.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidFieldException(path + "." + field, "missing");
        }
        return JsonFlattener.scalar(v, path + "." + field);
    }

    @Override
    public void parse(Map<String, Object> properties) {
        ZoneSettings.parse(properties);
    }
}
