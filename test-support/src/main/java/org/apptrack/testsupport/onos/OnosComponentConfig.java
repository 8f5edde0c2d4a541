package org.apptrack.testsupport.onos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ONOS 2.7's ComponentConfigManager does with a component's definitions, without ONOS: it
 * checks a value against the property's type only ({@code cfg set} refuses "abc" for an
 * INTEGER, not 0), and on every change writes all of the component's properties, set or
 * default, into the ConfigAdmin configuration whose PID is the component's class name.
 */
public final class OnosComponentConfig {

    private final Map<String, CfgDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    public OnosComponentConfig(List<CfgDefinition> defs) {
        defs.forEach(d -> definitions.put(d.name(), d));
    }

    /** As {@code cfg set COMPONENT NAME VALUE}. @throws IllegalArgumentException as ONOS refuses it */
    public void set(String name, String value) {
        CfgDefinition d = definitions.get(name);
        if (d == null) {
            throw new IllegalArgumentException("Property " + name + " does not exist");
        }
        try {
            switch (d.type()) {
                case "INTEGER":
                    Integer.parseInt(value);
                    break;
                case "LONG":
                    Long.parseLong(value);
                    break;
                case "FLOAT":
                    Float.parseFloat(value);
                    break;
                case "DOUBLE":
                    Double.parseDouble(value);
                    break;
                case "BOOLEAN":
                    if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
                        throw new IllegalArgumentException("Invalid " + d.type() + " value");
                    }
                    break;
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + d.type() + " value", e);
        }
        values.put(name, value);
    }

    /** As {@code cfg set COMPONENT NAME} without a value: back to the default. */
    public void unset(String name) {
        values.remove(name);
    }

    /** The properties ONOS writes to the component-named configuration: every one, set or default. */
    public Map<String, Object> configuration() {
        Map<String, Object> props = new LinkedHashMap<>();
        definitions.forEach((name, d) -> props.put(name, values.getOrDefault(name, d.defaultValue())));
        return props;
    }

    /**
     * The properties Declarative Services gives a component with several configuration PIDs:
     * merged in order, a later PID's value replacing an earlier one's (OSGi DS 1.3+, 112.7).
     */
    @SafeVarargs
    public static Map<String, Object> merged(Map<String, ?>... pids) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, ?> p : pids) {
            out.putAll(p);
        }
        return out;
    }
}
