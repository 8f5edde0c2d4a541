package org.apptrack.apptrack.onos.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.onosproject.net.config.InvalidFieldException;

/**
 * A network configuration translated into the flat ConfigAdmin keys the settings parsers read
 * ({@code zone.trust.prefixes = 10.0.0.0/8, ...}), remembering the JSON path each key, each
 * object and each list element came from. The parsers stay the only validators: their message
 * starts with the flat key at fault, which {@link #locate} turns into the JSON path.
 */
public final class FlatKeys {

    private final String rootPath;
    private final Map<String, String> properties = new TreeMap<>();
    /** Flat key, or the flat prefix of a JSON object, to its JSON path. */
    private final Map<String, String> paths = new HashMap<>();
    /** Flat key of a list to its elements' texts and paths. */
    private final Map<String, List<String>> elements = new HashMap<>();
    private final Map<String, List<String>> elementPaths = new HashMap<>();

    public FlatKeys(String rootPath) {
        this.rootPath = rootPath;
    }

    /** The JSON path of the configuration itself, e.g. {@code apps.org.apptrack.apptrack.apptrack}. */
    public String rootPath() {
        return rootPath;
    }

    /** A scalar value. */
    public void put(String key, String value, String path) {
        properties.put(key, value);
        paths.put(key, path);
    }

    /** A list, comma-separated as in a ConfigAdmin file. */
    public void putList(String key, List<String> values, List<String> valuePaths, String path) {
        properties.put(key, String.join(", ", values));
        paths.put(key, path);
        elements.put(key, List.copyOf(values));
        elementPaths.put(key, List.copyOf(valuePaths));
    }

    /** The path of a JSON object whose fields become keys under {@code prefix}. */
    public void object(String prefix, String path) {
        paths.putIfAbsent(prefix, path);
    }

    public Map<String, String> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public boolean isEmpty() {
        return properties.isEmpty();
    }

    /**
     * {@code base} (ConfigAdmin's properties) with these keys over it: keys of {@code base} under
     * one of {@code ownedPrefixes} are dropped first, so that for those families the network
     * configuration replaces the file's instead of mixing with it.
     */
    public Map<String, Object> over(Map<String, ?> base, Set<String> ownedPrefixes) {
        Map<String, Object> out = new LinkedHashMap<>();
        base.forEach((k, v) -> {
            if (ownedPrefixes.stream().noneMatch(k::startsWith)) {
                out.put(k, v);
            }
        });
        out.putAll(properties);
        return out;
    }

    /**
     * Where a parser's refusal of {@code props} (these keys, maybe over others) lies in the
     * JSON: the path of the flat key the message starts with, and for a list the first element
     * that the parser refuses on its own. Null when the key is not one of these (it came from
     * elsewhere, e.g. the file).
     *
     * @param parser the parser that refused, run again on one list element at a time
     */
    public InvalidFieldException locate(IllegalArgumentException refusal, Map<String, ?> props,
                                        Consumer<Map<String, Object>> parser) {
        String message = String.valueOf(refusal.getMessage());
        String key = null;
        for (String k : paths.keySet()) {
            if (message.startsWith(k + ": ") && (key == null || k.length() > key.length())) {
                key = k;
            }
        }
        if (key == null) {
            return inObject(message);
        }
        String reason = message.substring(key.length() + 2);
        List<String> values = elements.get(key);
        if (values != null && values.size() == 1) {
            return new InvalidFieldException(elementPaths.get(key).get(0), reason);
        }
        if (values != null && values.size() > 1) {
            for (int i = 0; i < values.size(); i++) {
                Map<String, Object> one = new LinkedHashMap<>(props);
                one.put(key, values.get(i));
                try {
                    parser.accept(one);
                } catch (IllegalArgumentException e) {
                    if (String.valueOf(e.getMessage()).startsWith(key + ": ")) {
                        return new InvalidFieldException(elementPaths.get(key).get(i),
                                e.getMessage().substring(key.length() + 2));
                    }
                }
            }
        }
        return new InvalidFieldException(paths.get(key), reason);
    }

    /** A missing field of one of these objects ({@code pathGroup.G.path.P.connectPoint: missing}). */
    private InvalidFieldException inObject(String message) {
        int colon = message.indexOf(": ");
        if (colon < 0) {
            return null;
        }
        String field = message.substring(0, colon);
        String prefix = null;
        for (String k : paths.keySet()) {
            if (!k.isEmpty() && field.startsWith(k + ".") && (prefix == null || k.length() > prefix.length())) {
                prefix = k;
            }
        }
        return prefix == null ? null : new InvalidFieldException(paths.get(prefix) + field.substring(prefix.length()),
                message.substring(colon + 2));
    }

    /**
     * Runs {@code parser} on these keys alone (what a network configuration must satisfy by
     * itself, before ONOS stores it).
     *
     * @throws InvalidFieldException naming the JSON path of the refused field
     */
    public void check(Consumer<Map<String, Object>> parser) {
        Map<String, Object> props = new LinkedHashMap<>(properties);
        try {
            parser.accept(props);
        } catch (IllegalArgumentException e) {
            InvalidFieldException located = locate(e, props, parser);
            throw located != null ? located : new InvalidFieldException(rootPath, e.getMessage());
        }
    }

    /** {@code path: reason}, the form the log and the configuration-error surfaces show. */
    public static String describe(InvalidFieldException e) {
        return e.field() + ": " + e.reason();
    }

    /** The keys, for messages and tests. */
    public List<String> keys() {
        return new ArrayList<>(properties.keySet());
    }
}
