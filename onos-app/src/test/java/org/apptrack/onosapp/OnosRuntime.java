package org.apptrack.onosapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
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

    private static String resource(String name) throws IOException {
        try (InputStream in = OnosRuntime.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
