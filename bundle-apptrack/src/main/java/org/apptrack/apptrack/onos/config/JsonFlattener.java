package org.apptrack.apptrack.onos.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.onosproject.net.config.InvalidFieldException;

/**
 * Nested JSON objects to dotted flat keys ({@code {"steering": {"actuator": "onos"}}} is
 * {@code steering.actuator = onos}), lists of texts, numbers or booleans to comma-separated
 * values. Only the JSON's shape is checked here; what the values mean is the parsers' business.
 */
public final class JsonFlattener {

    private JsonFlattener() {
    }

    /** Adds the fields of {@code object} (found at {@code path}) under {@code prefix} ("" at the top). */
    public static void flatten(JsonNode object, String prefix, String path, FlatKeys out) {
        if (!object.isObject()) {
            throw new InvalidFieldException(path, "expected an object");
        }
        out.object(prefix.isEmpty() ? prefix : prefix.substring(0, prefix.length() - 1), path);
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = f.getKey();
            String fieldPath = path + "." + name;
            if (name.isEmpty() || name.contains(".")) {
                throw new InvalidFieldException(fieldPath, "a field name cannot be empty or contain '.'; nest objects");
            }
            value(f.getValue(), prefix + name, fieldPath, out);
        }
    }

    /** One value at flat {@code key}. */
    public static void value(JsonNode v, String key, String path, FlatKeys out) {
        if (v.isNull()) {
            return;
        }
        if (v.isObject()) {
            flatten(v, key + ".", path, out);
        } else if (v.isArray()) {
            List<String> values = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                String p = path + "[" + i + "]";
                String text = scalar(v.get(i), p);
                if (text.contains(",")) {
                    throw new InvalidFieldException(p, "one value per element: no ','");
                }
                values.add(text);
                paths.add(p);
            }
            out.putList(key, values, paths, path);
        } else {
            out.put(key, scalar(v, path), path);
        }
    }

    /** A text, number or boolean as ConfigAdmin would hold it. */
    public static String scalar(JsonNode v, String path) {
        if (!v.isValueNode() || v.isNull()) {
            throw new InvalidFieldException(path, "expected a text, number or boolean");
        }
        return v.asText();
    }
}
