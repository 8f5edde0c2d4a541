package org.apptrack.onosapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ONOS 2.7.0's runtime as the build fetched it into target/onos-runtime (see onos-app's pom): Karaf
 * 4.2.9's system bundle and the bundles of its feature "framework" (both from Karaf's framework kar),
 * the bundles of the Karaf boot features an application imports from (karaf/features), and ONOS's
 * feature onos-api with its third-party bundles (onos/).
 */
final class OnosRuntimeBundles {

    static final String KARAF_VERSION = "4.2.9";

    private final OsgiBundle systemBundle;
    private final List<OsgiBundle> bundles;
    /** Jars without an OSGi manifest: ONOS installs them wrapped (wrap:), exporting what they hold. */
    private final List<String> plainJars;

    private OnosRuntimeBundles(OsgiBundle systemBundle, List<OsgiBundle> bundles, List<String> plainJars) {
        this.systemBundle = systemBundle;
        this.bundles = bundles;
        this.plainJars = plainJars;
    }

    static OnosRuntimeBundles load(Path directory) throws IOException {
        Path kar = directory.resolve("karaf/framework-" + KARAF_VERSION + ".kar");
        List<OsgiBundle> bundles = new ArrayList<>();
        List<String> plainJars = new ArrayList<>();
        try (FileSystem karFiles = FileSystems.newFileSystem(kar, (ClassLoader) null)) {
            Path repository = karFiles.getPath("repository");
            FeatureRepository framework = FeatureRepository.read(
                    MavenUrl.parse("mvn:org.apache.karaf.features/framework/" + KARAF_VERSION + "/xml/features")
                            .in(repository));
            for (String url : framework.bundles("framework")) {
                Path jar = MavenUrl.parse(url).in(repository);
                // The kar leaves out the framework's dependency="true" spec bundles (JAXB, activation
                // APIs, installed when something needs them): the build fetches them into karaf/features.
                if (Files.exists(jar)) {
                    try (InputStream in = Files.newInputStream(jar)) {
                        add(OsgiBundle.read(url, in), url, bundles, plainJars);
                    }
                }
            }
        }
        for (Path jar : jars(directory.resolve("karaf/features"))) {
            add(OsgiBundle.read(jar), jar.getFileName().toString(), bundles, plainJars);
        }
        for (Path jar : jars(directory.resolve("onos"))) {
            add(OsgiBundle.read(jar), jar.getFileName().toString(), bundles, plainJars);
        }
        return new OnosRuntimeBundles(KarafSystemBundle.read(kar), bundles, plainJars);
    }

    private static void add(Optional<OsgiBundle> bundle, String name, List<OsgiBundle> bundles, List<String> plain) {
        if (bundle.isPresent()) {
            bundles.add(bundle.get());
        } else {
            plain.add(name);
        }
    }

    static List<Path> jars(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }

    OsgiBundle systemBundle() {
        return systemBundle;
    }

    List<OsgiBundle> bundles() {
        return bundles;
    }

    List<String> plainJars() {
        return plainJars;
    }

    /** The same runtime less the bundles whose name contains {@code fragment}. */
    OnosRuntimeBundles without(String fragment) {
        List<OsgiBundle> kept = bundles.stream().filter(b -> !b.toString().contains(fragment))
                .collect(Collectors.toList());
        if (kept.size() == bundles.size()) {
            throw new IllegalArgumentException("no bundle of the runtime is named like " + fragment);
        }
        return new OnosRuntimeBundles(systemBundle, kept, plainJars);
    }
}
