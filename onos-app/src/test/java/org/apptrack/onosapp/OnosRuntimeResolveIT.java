package org.apptrack.onosapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resolves the application's feature (the bundles its archive installs) against ONOS 2.7.0's runtime
 * with Felix's OSGi resolver, as Karaf's features service does when ONOS activates the application:
 * Karaf 4.2.9's system bundle on Java 11, the Karaf boot bundles an application imports from, and
 * ONOS's feature onos-api with its third-party bundles at ONOS's versions. The feature must resolve,
 * get every package ONOS provides from ONOS, and bring no second copy of an ONOS library; the tests
 * that add or remove one bundle show that each of these failures is caught and named.
 */
class OnosRuntimeResolveIT {

    private static final String VERSION = System.getProperty("apptrack.version");
    private static final String ARTIFACT_ID = System.getProperty("apptrack.artifactId");
    private static final Path RUNTIME = Paths.get(System.getProperty("onos.runtime"));

    private static OnosRuntimeBundles onos;
    private static List<OsgiBundle> feature;

    @BeforeAll
    static void readOnosAndTheArchive() throws IOException {
        onos = OnosRuntimeBundles.load(RUNTIME);
        feature = new ArrayList<>();
        try (FileSystem oar = FileSystems.newFileSystem(Paths.get(System.getProperty("apptrack.oar")), (ClassLoader) null)) {
            Path m2 = oar.getPath("m2");
            FeatureRepository repository = FeatureRepository.read(
                    MavenUrl.parse("mvn:org.apptrack/" + ARTIFACT_ID + "/" + VERSION + "/xml/features").in(m2));
            for (String url : repository.bundles(ARTIFACT_ID)) {
                try (InputStream jar = Files.newInputStream(MavenUrl.parse(url).in(m2))) {
                    feature.add(OsgiBundle.read(url, jar).orElseThrow(() -> new IOException(url + " is no bundle")));
                }
            }
        }
    }

    @Test
    void everyBundleOfTheFeatureResolvesAgainstOnosAndIsWiredToOnos() {
        long start = System.nanoTime();
        FeatureResolution resolution = resolve(onos, feature);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(List.of(), resolution.problems(), resolution.report());
        assertEquals(5, feature.size(), "the five ONOS bundles of the application: " + feature);
        assertTrue(resolution.bundlesResolved() > feature.size());
        assertTrue(resolution.wiresChecked() > 50, "wires checked: " + resolution.wiresChecked());
        // Spot checks that the wires reach the bundles ONOS ships, at ONOS's versions.
        assertWired(resolution, "apptrack-web", "org.onlab.rest", "org.onosproject.onlab-rest 2.7.0");
        assertWired(resolution, "apptrack-syslog", "io.netty.buffer", "io.netty.buffer 4.1.35.Final");
        assertWired(resolution, "apptrack-app", "com.fasterxml.jackson.databind",
                "com.fasterxml.jackson.core.jackson-databind 2.11.0");
        assertWired(resolution, "apptrack-app", "org.apache.karaf.shell.api.action",
                "org.apache.karaf.shell.core " + OnosRuntimeBundles.KARAF_VERSION);
        assertWired(resolution, "apptrack-app", "osgi.component", "org.apache.felix.scr 2.1.20");
        System.out.printf("Resolved %d bundles (the feature's %d and %d of ONOS's runtime of %d bundles),"
                        + " checked %d wires from the feature's bundles, in %d ms; plain jars ONOS wraps: %s%n",
                resolution.bundlesResolved(), feature.size(), resolution.bundlesResolved() - feature.size(),
                onos.bundles().size() + 1, resolution.wiresChecked(), millis, onos.plainJars());
        feature.forEach(b -> System.out.println(b + "\n  " + String.join("\n  ", resolution.wiresOf(b))));
    }

    @Test
    void withoutOneOnosBundleTheResolveFailsAndNamesWhatIsMissing() {
        FeatureResolution resolution = resolve(onos.without("onlab-rest"), feature);

        assertFalse(resolution.problems().isEmpty());
        assertProblem(resolution, "apptrack-web", "org.onlab.rest", "which no bundle of ONOS's runtime");
        assertProblem(resolution, "the OSGi resolver cannot resolve", "org.onlab.rest");
    }

    @Test
    void aBundleImportingAPackageNobodyExportsFailsTheResolve() throws IOException {
        List<OsgiBundle> withStranger = new ArrayList<>(feature);
        withStranger.add(OsgiBundle.of("stranger.jar", Map.of(
                "Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "org.apptrack.stranger",
                "Bundle-Version", "0.1.0",
                "Import-Package", "org.apptrack.nowhere;version=\"[1,2)\",org.onosproject.net;version=\"[2.7,3)\"")));

        FeatureResolution resolution = resolve(onos, withStranger);

        assertProblem(resolution, "org.apptrack.stranger", "org.apptrack.nowhere", "which no bundle");
        assertProblem(resolution, "the OSGi resolver cannot resolve", "org.apptrack.nowhere");
    }

    @Test
    void aNewerSecondJacksonInTheFeatureIsWiredInsteadOfOnosAndFails() throws IOException {
        List<OsgiBundle> withJackson = new ArrayList<>(feature);
        withJackson.add(OsgiBundle.read(RUNTIME.resolve("extra/jackson-databind-2.11.4.jar")).orElseThrow());

        FeatureResolution resolution = resolve(onos, withJackson);

        assertProblem(resolution, "apptrack-app", "is wired to com.fasterxml.jackson.core.jackson-databind 2.11.4",
                "com.fasterxml.jackson.databind", "ONOS's com.fasterxml.jackson.core.jackson-databind 2.11.0");
        assertProblem(resolution, "jackson-databind 2.11.4", "exports com.fasterxml.jackson.databind, ",
                "a second copy");
    }

    @Test
    void theSameJacksonAsOnosInTheFeatureIsASecondCopyAndFails() throws IOException {
        List<OsgiBundle> withJackson = new ArrayList<>(feature);
        withJackson.add(OsgiBundle.read(RUNTIME.resolve("onos/jackson-databind-2.11.0.jar")).orElseThrow());

        FeatureResolution resolution = resolve(onos, withJackson);

        assertProblem(resolution, "jackson-databind 2.11.0", "exports com.fasterxml.jackson.databind, ",
                "a second copy");
    }

    @Test
    void theRuntimeHoldsOnosApiFeatureBundleForBundle() throws IOException {
        Set<String> fetched = OnosRuntimeBundles.jars(RUNTIME.resolve("onos")).stream()
                .map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(OnosRuntime.bundleJarsOf("onos-api", "2.7.0"), fetched,
                "the build's onos/ must be ONOS 2.7.0's feature onos-api (features-BUILD, deps.json)");
    }

    private static FeatureResolution resolve(OnosRuntimeBundles runtime, List<OsgiBundle> bundles) {
        return FeatureResolution.resolve(runtime.systemBundle(), runtime.bundles(), bundles);
    }

    private static void assertWired(FeatureResolution resolution, String bundle, String what, String provider) {
        OsgiBundle from = feature.stream().filter(b -> b.toString().contains(bundle)).findFirst().orElseThrow();
        List<String> wires = resolution.wiresOf(from);
        assertTrue(wires.stream().anyMatch(w -> w.contains("=" + what + ")") && w.contains("-> " + provider)),
                from + " should get " + what + " from " + provider + ": " + wires);
    }

    private static void assertProblem(FeatureResolution resolution, String... parts) {
        System.out.println("Expected a problem naming " + List.of(parts) + ", reported:\n  " + resolution.report());
        assertTrue(resolution.problems().stream().anyMatch(p -> List.of(parts).stream().allMatch(p::contains)),
                "expected a problem naming " + List.of(parts) + ", got:\n  " + resolution.report());
    }
}
