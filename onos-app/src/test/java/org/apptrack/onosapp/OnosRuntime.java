package org.apptrack.onosapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ONOS 2.7.0 ships, read from its own build files (test resources onos-2.7.0/, taken unchanged
 * from ONOS's tag 2.7.0): the third-party artifacts of deps/deps.json, the features it defines
 * (tools/package/features/BUILD) and the Karaf features it boots (org.apache.karaf.features.cfg).
 */
final class OnosRuntime {

    private static final String RESOURCES = "/onos-2.7.0/";
    /** ONOS's own artifacts (onos-api, onlab-misc, ...). */
    private static final String ONOS_GROUP = "org.onosproject";
    /** {@code "mvn:group:artifact[:type[:classifier]]:version"} in deps.json (JSON with comments). */
    private static final Pattern ARTIFACT = Pattern.compile("\"mvn:([^:\"]+):([^:\"]+):");
    /** {@code osgi_feature(name = "onos-api", ...)}, not the commented-out ones. */
    private static final Pattern DEFINED_FEATURE = Pattern.compile("(?m)^osgi_feature\\(\\s*name = \"([^\"]+)\"");
    /** {@code shell/4.2.9} or {@code onos-api/$ONOS_VERSION} in featuresBoot. */
    private static final Pattern BOOT_FEATURE = Pattern.compile("([A-Za-z0-9_.-]+)/[0-9$][A-Za-z0-9_.]*");

    /** {@code osgi_feature(name = "...", ...)} blocks of the features BUILD file, up to the closing line. */
    private static final Pattern FEATURE_BLOCK = Pattern.compile("(?ms)^osgi_feature\\(\\s*name = \"([^\"]+)\"(.*?)^\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private final Set<String> artifacts = new HashSet<>();
    private final Set<String> features = new HashSet<>();

    static OnosRuntime load() throws IOException {
        OnosRuntime onos = new OnosRuntime();
        Matcher artifact = ARTIFACT.matcher(resource("deps.json"));
        while (artifact.find()) {
            onos.artifacts.add(artifact.group(1) + ":" + artifact.group(2));
        }
        Matcher defined = DEFINED_FEATURE.matcher(resource("features-BUILD"));
        while (defined.find()) {
            onos.features.add(defined.group(1));
        }
        String cfg = resource("org.apache.karaf.features.cfg");
        Matcher boot = BOOT_FEATURE.matcher(cfg.substring(cfg.indexOf("featuresBoot")));
        while (boot.find()) {
            onos.features.add(boot.group(1));
        }
        if (onos.artifacts.size() < 100 || !onos.features.contains("onos-api") || !onos.features.contains("scr")) {
            throw new IOException("ONOS's build files were not read as expected: " + onos.features);
        }
        return onos;
    }

    boolean shipsArtifact(String groupArtifact) {
        return groupArtifact.startsWith(ONOS_GROUP + ":") || artifacts.contains(groupArtifact);
    }

    boolean hasFeature(String name) {
        return features.contains(name);
    }

    /**
     * The jar file names (artifact-version.jar) of the bundles ONOS installs for {@code feature} and
     * the ONOS features it requires, from the features BUILD file and deps.json: {@code @name//jar} is
     * the deps.json artifact whose name, with '.' and '-' as '_', is {@code name}; a list name such as
     * ATOMIX is a deps.json library; {@code //path:onlab-misc} is ONOS's own artifact.
     */
    static Set<String> bundleJarsOf(String feature, String onosVersion) throws IOException {
        String build = resource("features-BUILD");
        String deps = resource("deps.json");
        Map<String, String> blocks = new HashMap<>();
        Matcher block = FEATURE_BLOCK.matcher(build);
        while (block.find()) {
            blocks.put(block.group(1), block.group(2));
        }
        Set<String> jars = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(feature));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            String body = blocks.get(name);
            if (body == null || !seen.add(name)) {
                continue; // a Karaf feature (scr, war) or one already seen
            }
            String included = listAfter(body, "included_bundles");
            int start = body.indexOf("included_bundles");
            // "included_bundles = ATOMIX + [ ... ]": the library names before the list.
            Matcher libraries = Pattern.compile("([A-Z_]+)\\s*\\+")
                    .matcher(start < 0 ? "" : body.substring(start, body.indexOf('[', start)));
            while (libraries.find()) {
                for (String key : quoted(listAfter(deps, "\"" + libraries.group(1) + "\""))) {
                    jars.add(jarOf(deps, key));
                }
            }
            for (String entry : quoted(included)) {
                if (entry.startsWith("@")) {
                    jars.add(jarOf(deps, entry.substring(1, entry.indexOf("//"))));
                } else {
                    jars.add(entry.substring(entry.indexOf(':') + 1) + "-" + onosVersion + ".jar");
                }
            }
            pending.addAll(quoted(listAfter(body, "required_features")));
        }
        return jars;
    }

    /** The text of the [...] list after {@code key}, or empty. */
    private static String listAfter(String text, String key) {
        int at = text.indexOf(key);
        if (at < 0) {
            return "";
        }
        int open = text.indexOf('[', at);
        return text.substring(open + 1, text.indexOf(']', open));
    }

    private static List<String> quoted(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** artifact-version.jar of the deps.json artifact named {@code key} (or named so with '_'). */
    private static String jarOf(String deps, String key) throws IOException {
        Matcher entry = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"mvn:([^\"]+)\"").matcher(deps);
        while (entry.find()) {
            if (entry.group(1).replaceAll("[.-]", "_").equals(key.replaceAll("[.-]", "_"))) {
                String[] gav = entry.group(2).split(":");
                return gav[1] + "-" + gav[gav.length - 1] + ".jar";
            }
        }
        throw new IOException("deps.json names no artifact " + key);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OnosRuntime.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
