package org.apptrack.testsupport.onos;

import java.util.Objects;

/** One line of an ONOS {@code .cfgdef} resource: {@code name|TYPE|description|default}. */
public final class CfgDefinition {

    private final String name;
    private final String type;
    private final String description;
    private final String defaultValue;

    public CfgDefinition(String name, String type, String description, String defaultValue) {
        this.name = name;
        this.type = type;
        this.description = description;
        this.defaultValue = defaultValue;
    }

    public String name() {
        return name;
    }

    /** ONOS's {@code ConfigProperty.Type} name: STRING, BYTE, INTEGER, LONG, FLOAT, DOUBLE, BOOLEAN. */
    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** Name, type and default: what a metatype can be compared with (descriptions are free text). */
    public String signature() {
        return name + "|" + type + "|" + defaultValue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CfgDefinition && ((CfgDefinition) o).signature().equals(signature())
                && Objects.equals(((CfgDefinition) o).description, description);
    }

    @Override
    public int hashCode() {
        return signature().hashCode();
    }

    @Override
    public String toString() {
        return name + "|" + type + "|" + description + "|" + defaultValue;
    }
}
