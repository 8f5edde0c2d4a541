package org.apptrack.apptrack.onos.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.onosproject.net.config.InvalidFieldException;

/**
 * A component's configuration from its sources, in rising precedence: ConfigAdmin's file
 * (its own PID), inside ONOS the values set with {@code cfg} (key by key over the file's) and
 * the network configuration. The network configuration wins because it is what the cluster
 * shares while the file is one node's: it replaces the file's keys of the families it owns
 * (zones, path groups, ...) as a whole, and any other key it gives. A new state from one source
 * is parsed together with the others' current states and only then becomes the one in force.
 * ONOS's ComponentConfigManager writes every registered property, its default until set, so
 * inside ONOS the file's values of those properties are shadowed (the file keeps the rest).
 */
public final class ConfigurationLayers<C extends FlatKeysConfig> {

    private final Set<String> ownedPrefixes;
    private Map<String, Object> file = Map.of();
    private Map<String, Object> cfg = Map.of();
    private C network;

    /** @param ownedPrefixes the flat-key families a network configuration replaces as a whole */
    public ConfigurationLayers(Set<String> ownedPrefixes) {
        this.ownedPrefixes = Set.copyOf(ownedPrefixes);
    }

    /**
     * Parses new properties of the component's own PID with the other sources in force.
     *
     * @throws IllegalArgumentException the parser's refusal (with the JSON path when the key at
     *     fault came from the network configuration); nothing changes
     */
    public synchronized <T> T withConfigAdmin(Map<String, ?> next, Function<Map<String, ?>, T> parser) {
        Map<String, Object> n = withoutNulls(next, false);
        T result = parse(n, cfg, network, parser);
        file = n;
        return result;
    }

    /** As {@link #withConfigAdmin}, for the values ONOS's cfg holds (framework keys left out). */
    public synchronized <T> T withComponentProperties(Map<String, ?> next, Function<Map<String, ?>, T> parser) {
        Map<String, Object> n = withoutNulls(next, true);
        T result = parse(file, n, network, parser);
        cfg = n;
        return result;
    }

    /**
     * Parses a new network configuration (null: removed) with the other sources in force.
     *
     * @throws IllegalArgumentException {@code apps.APP.KEY.path: reason} when it is refused; nothing changes
     */
    public synchronized <T> T withNetwork(C next, Function<Map<String, ?>, T> parser) {
        T result = parse(file, cfg, next, parser);
        network = next;
        return result;
    }

    /** The properties the parser sees now. */
    public synchronized Map<String, Object> effective() {
        Map<String, Object> base = new LinkedHashMap<>(file);
        base.putAll(cfg);
        return network == null ? base : network.flatKeys().over(base, ownedPrefixes);
    }

    private <T> T parse(Map<String, Object> f, Map<String, Object> c, C net, Function<Map<String, ?>, T> parser) {
        Map<String, Object> base = new LinkedHashMap<>(f);
        base.putAll(c);
        if (net == null) {
            return parser.apply(base);
        }
        FlatKeys keys;
        try {
            keys = net.flatKeys();
        } catch (InvalidFieldException e) {
            throw new IllegalArgumentException(FlatKeys.describe(e), e);
        }
        Map<String, Object> props = keys.over(base, ownedPrefixes);
        try {
            return parser.apply(props);
        } catch (IllegalArgumentException e) {
            InvalidFieldException at = keys.locate(e, props, parser::apply);
            throw at == null ? e : new IllegalArgumentException(FlatKeys.describe(at), e);
        }
    }

    private static Map<String, Object> withoutNulls(Map<String, ?> props, boolean withoutFrameworkKeys) {
        Map<String, Object> out = new LinkedHashMap<>();
        props.forEach((k, v) -> {
            if (k != null && v != null && !(withoutFrameworkKeys && isFrameworkKey(k))) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static boolean isFrameworkKey(String key) {
        return key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.")
                || key.startsWith("osgi.") || key.equals("objectClass");
    }
}
