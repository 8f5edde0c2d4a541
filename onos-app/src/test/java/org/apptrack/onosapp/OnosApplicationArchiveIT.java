package org.apptrack.onosapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apptrack.apptrack.impl.AppTrackManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onosproject.app.ApplicationDescription;
import org.onosproject.core.Version;

/**
 * Installs the built application archive the way ONOS 2.7.0 does, with ONOS's own
 * {@link org.onosproject.common.app.ApplicationArchive} (what {@code onos-app NODE install!} and
 * {@code POST /onos/v1/applications} run), and checks what ONOS then reads from it and finds in its
 * Karaf {@code system/} repository. ONOS itself cannot run here; activating the features is what
 * only a real ONOS shows.
 */
class OnosApplicationArchiveIT {

    private static final String VERSION = System.getProperty("apptrack.version");
    private static final String ARTIFACT_ID = System.getProperty("apptrack.artifactId");
    /** The plugin's default when onos.app.url is missing. */
    private static final String PLUGIN_DEFAULT_URL = "http://onosproject.org";
    /** Services ONOS's core provides; a bundle of ours providing one would shadow ONOS's (bundle-capture). */
    private static final List<String> ONOS_CORE_SERVICES = List.of(
            "org.onosproject.net.packet.PacketService", "org.onosproject.core.CoreService");

    @TempDir
    static Path onosRoot;

    private static ApplicationDescription app;
    /** Karaf's system/ repository of the "ONOS" the archive was installed into. */
    private static Path system;
    private static FeatureRepository features;

    @BeforeAll
    static void installAsOnosDoes() throws IOException {
        // ApplicationArchive copies m2/ into system/ of the working directory (target/onos-karaf):
        // start empty so that nothing from an earlier build stands in for a missing bundle.
        system = Paths.get("system").toAbsolutePath();
        deleteTree(system);
        OnosApplicationStore store = new OnosApplicationStore(onosRoot);
        try (InputStream oar = Files.newInputStream(Paths.get(System.getProperty("apptrack.oar")))) {
            app = store.saveApplication(oar);
        }
        Path repository = MavenUrl.parse(app.featuresRepo().get().toString()).in(system);
        features = FeatureRepository.read(repository);
    }

    @Test
    void onosReadsTheApplicationAppTrackRegisters() {
        assertEquals(AppTrackManager.APP_NAME, app.name());
        assertEquals(Version.version(VERSION), app.version());
        assertEquals(System.getProperty("apptrack.origin"), app.origin());
        assertEquals(System.getProperty("apptrack.title"), app.title());
        assertEquals(System.getProperty("apptrack.category"), app.category());
        assertNotEquals(PLUGIN_DEFAULT_URL, app.url(), "the plugin's default URL is ONOS's, not ours");
        assertEquals(System.getProperty("apptrack.readme"), app.readme());
        // ONOS's short description is the readme up to the first full stop: nothing may be cut off.
        assertEquals(app.readme(), app.description());
        assertTrue(app.requiredApps().isEmpty(), "requires no other ONOS application: " + app.requiredApps());
    }

    @Test
    void onosKeepsItAsAnOarNotAsASelfContainedJar() {
        // Any entry but app.xml, app.png, *features.xml and *.jar makes ONOS take the archive for a
        // self-contained bundle and stage it as one jar.
        Path appDir = onosRoot.resolve("apps").resolve(app.name());
        assertTrue(Files.isRegularFile(appDir.resolve(app.name() + ".oar")), "saved as " + appDir);
        assertFalse(Files.exists(appDir.resolve(app.name() + ".jar")));
        assertTrue(Files.isRegularFile(appDir.resolve("app.xml")));
    }

    @Test
    void theFeatureRepositoryIsInTheArchiveAndDefinesTheFeaturesOnosInstalls() {
        assertEquals(URI.create("mvn:org.apptrack/" + ARTIFACT_ID + "/" + VERSION + "/xml/features"),
                app.featuresRepo().get());
        assertEquals(List.of(ARTIFACT_ID), app.features());
        for (String feature : app.features()) {
            assertTrue(features.defines(feature), feature + " is not in " + features.names());
        }
    }

    @Test
    void featuresNeedOnlyOnosAndTheirOwnFeatures() throws IOException {
        OnosRuntime onos = OnosRuntime.load();
        for (String feature : app.features()) {
            assertTrue(features.requiresTransitively(feature, "onos-api"), feature + " must build on ONOS's onos-api");
        }
        List<String> foreign = new ArrayList<>();
        for (String feature : features.names()) {
            for (String required : features.requiredFeatures(feature)) {
                if (!features.defines(required) && !onos.hasFeature(required)) {
                    foreign.add(feature + " -> " + required);
                }
            }
        }
        assertEquals(List.of(), foreign, "features ONOS 2.7.0 neither defines nor boots (onos-api-runtime is the standalone one)");
    }

    @Test
    void everyBundleTheFeaturesNameIsInSystemAsThisBuildMadeIt() throws IOException {
        Path staged = Paths.get(System.getProperty("apptrack.bundleStaging"));
        assertFalse(features.bundles().isEmpty());
        for (String bundle : features.bundles()) {
            MavenUrl url = MavenUrl.parse(bundle);
            Path jar = url.in(system);
            assertTrue(Files.isRegularFile(jar), bundle + " is not in the archive's m2/ tree");
            try (JarFile file = new JarFile(jar.toFile())) {
                assertTrue(file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName") != null,
                        bundle + " is not an OSGi bundle");
            }
            // Not a stale snapshot from a local repository: the jar the reactor built.
            assertArrayEquals(Files.readAllBytes(url.in(staged)), Files.readAllBytes(jar), bundle);
        }
    }

    @Test
    void theArchiveCarriesNoLibraryOnosShipsAndNothingTheFeaturesDoNotName() throws IOException {
        OnosRuntime onos = OnosRuntime.load();
        Set<String> named = features.bundles().stream().map(MavenUrl::parse).map(MavenUrl::groupArtifact)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> jars = jarsIn(system);
        assertFalse(jars.isEmpty());
        for (String groupArtifact : jars) {
            assertFalse(onos.shipsArtifact(groupArtifact), groupArtifact + " is a library ONOS 2.7.0 ships");
            assertTrue(named.contains(groupArtifact), groupArtifact + " is in the archive but no feature installs it");
        }
    }

    @Test
    void noBundleProvidesAServiceOfOnosCore() throws IOException {
        for (String bundle : features.bundles()) {
            try (JarFile jar = new JarFile(MavenUrl.parse(bundle).in(system).toFile())) {
                List<String> descriptors = jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith("OSGI-INF/") && n.endsWith(".xml")).collect(Collectors.toList());
                for (String descriptor : descriptors) {
                    String xml = new String(jar.getInputStream(jar.getEntry(descriptor)).readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);
                    for (String service : ONOS_CORE_SERVICES) {
                        // <provide interface=...> in <service>, not the <reference interface=...> it uses.
                        assertFalse(xml.contains("<provide interface=\"" + service + "\""),
                                bundle + " " + descriptor + " provides ONOS's " + service);
                    }
                }
            }
        }
    }

    /** group:artifact of every jar under an m2 (Maven repository layout) tree. */
    private static List<String> jarsIn(Path repository) throws IOException {
        try (Stream<Path> files = Files.walk(repository)) {
            return files.filter(p -> p.toString().endsWith(".jar")).map(repository::relativize)
                    .map(MavenUrl::groupArtifactOf).sorted().collect(Collectors.toList());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
