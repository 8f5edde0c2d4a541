package org.apptrack.testsupport.onos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads ONOS component property definitions ({@code ClassName.cfgdef}) as ONOS 2.7's
 * {@code ConfigPropertyDefinitions.read} does, and derives the definitions a metatype
 * (an {@code @ObjectClassDefinition} annotation type) implies, so that a test can hold the two
 * equal: names by the OSGi rules ({@code a_b} is {@code a.b}, {@code a__b} is {@code a_b}),
 * types from the return types, defaults from the annotation's default values.
 */
public final class CfgDefinitions {

    private static final Map<Class<?>, String> TYPES = Map.of(String.class, "STRING", byte.class, "BYTE",
            int.class, "INTEGER", long.class, "LONG", float.class, "FLOAT", double.class, "DOUBLE",
            boolean.class, "BOOLEAN");

    private CfgDefinitions() {
    }

    /** The definitions of {@code componentClass}'s {@code SimpleName.cfgdef} resource, as ONOS finds it. */
    public static List<CfgDefinition> of(Class<?> componentClass) {
        String resource = componentClass.getSimpleName() + ".cfgdef";
        try (InputStream in = componentClass.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource + " next to " + componentClass.getName());
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ONOS's format: lines {@code name|TYPE|description|default}; empty lines and lines starting with '#' skipped. */
    public static List<CfgDefinition> read(InputStream in) throws IOException {
        List<CfgDefinition> defs = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                String[] f = line.split("\\|", 4);
                if (f.length != 4) {
                    throw new IllegalArgumentException("not name|TYPE|description|default: " + line);
                }
                defs.add(new CfgDefinition(f[0], f[1], f[2], f[3]));
            }
        }
        return defs;
    }

    /** Name, type and default of each attribute of {@code ocd} except {@code excluded}, sorted by name. */
    public static List<String> signaturesOf(Class<? extends Annotation> ocd, Set<String> excluded) {
        List<String> out = new ArrayList<>();
        for (Method m : ocd.getDeclaredMethods()) {
            String name = propertyName(m.getName());
            if (excluded.contains(name)) {
                continue;
            }
            String type = TYPES.get(m.getReturnType());
            if (type == null) {
                throw new IllegalArgumentException(m + ": no ONOS property type for " + m.getReturnType());
            }
            out.add(name + "|" + type + "|" + m.getDefaultValue());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** The signatures of {@code defs}, sorted by name. */
    public static List<String> signatures(List<CfgDefinition> defs) {
        List<String> out = new ArrayList<>();
        defs.forEach(d -> out.add(d.signature()));
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** OSGi Metatype/DS name mapping of an annotation element (the cases this project uses). */
    static String propertyName(String method) {
        return method.replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }
}
