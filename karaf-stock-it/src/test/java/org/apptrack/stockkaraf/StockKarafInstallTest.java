package org.apptrack.stockkaraf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The standalone features installed into a stock Apache Karaf (the release archive from Maven
 * Central, not this project's distribution), as the README's "Installing into your own Karaf 4.4"
 * says: the operator's settings in {@code etc/} (the repository karaf-repository builds as Karaf's
 * only Maven repository, a user, management on loopback, the realm of the REST API, no live capture),
 * then {@code feature:repo-add} and {@code feature:install apptrack-standalone} through
 * {@code bin/client}. Karaf's local Maven repository is an empty folder and no other repository is
 * configured, so a bundle missing from the built repository fails the installation, as it would on
 * a host without internet access.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StockKarafInstallTest {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String OUR_BUNDLES = "org.apptrack.";
    private static final String FEATURE = "apptrack-standalone";
    private static final String TEST_MESSAGE = "stock-karaf-log-test";

    private final Path workDir = Paths.get("target", "stock-karaf").toAbsolutePath();
    private StockKaraf karaf;
    private Path repository;
    private List<Bundle> bundlesBefore;

    @BeforeAll
    void installIntoStockKaraf() throws Exception {
        repository = existing("apptrack.repository", "the repository (karaf-repository/target/repository)").normalize();
        Path archive = existing("apptrack.stockKaraf.archive", "the Apache Karaf archive");
        Path distributionEtc = existing("apptrack.distributionEtc", "the distribution's etc folder");
        karaf = StockKaraf.unpack(archive, System.getProperty("apptrack.stockKaraf.version"), workDir);
        configureAsTheReadmeSays(distributionEtc);
        keepKarafFromOtherRepositories();
        karaf.useFreePorts();

        karaf.start(Paths.get(System.getProperty("java.home")));
        karaf.awaitStarted(WAIT);
        bundlesBefore = bundles();

        karaf.client(WAIT, "feature:repo-add " + System.getProperty("apptrack.featuresUrl")).ok();
        karaf.client(WAIT, "feature:install " + FEATURE).ok();
    }

    /** The settings of the README's "Installing into your own Karaf 4.4", but the ports. */
    private void configureAsTheReadmeSays(Path distributionEtc) throws IOException {
        new PropertiesFile(karaf.etc("org.ops4j.pax.url.mvn.cfg"))
                .set("org.ops4j.pax.url.mvn.repositories", repository.toUri() + "@id=apptrack@snapshots");
        new PropertiesFile(karaf.etc("users.properties"))
                .uncomment("karaf = karaf,_g_:admingroup")
                .uncomment("_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh");
        new PropertiesFile(karaf.etc("org.apache.karaf.shell.cfg")).set("sshHost", "127.0.0.1");
        new PropertiesFile(karaf.etc("org.ops4j.pax.web.cfg"))
                .set("org.ops4j.pax.web.listening.addresses", "127.0.0.1")
                .set("org.ops4j.pax.web.config.file", "${karaf.etc}/jetty.xml");
        Files.copy(distributionEtc.resolve("jetty.xml"), karaf.etc("jetty.xml"), StandardCopyOption.REPLACE_EXISTING);
        new PropertiesFile(karaf.etc("org.apptrack.capture.cfg")).set("source", "none");
        // A security-log stream (the distribution's file stream), so that every component has a configuration.
        Files.copy(distributionEtc.resolve("org.apptrack.syslog.stream-local.cfg"),
                karaf.etc("org.apptrack.syslog.stream-local.cfg"));
    }

    /**
     * Neither the user's local Maven repository (~/.m2/repository, Karaf's default) nor a
     * settings.xml may supply an artifact: only the built repository and Karaf's own system/.
     */
    private void keepKarafFromOtherRepositories() throws IOException {
        Path settings = workDir.resolve("settings.xml");
        Files.writeString(settings, "<settings/>\n");
        new PropertiesFile(karaf.etc("org.ops4j.pax.url.mvn.cfg"))
                .set("org.ops4j.pax.url.mvn.localRepository", workDir.resolve("local-repository").toString())
                .set("org.ops4j.pax.url.mvn.settings", settings.toString());
    }

    @AfterAll
    void stopKaraf() {
        if (karaf != null) {
            karaf.close();
            assertFalse(karaf.isRunning(), "Karaf still runs");
        }
    }

    @Test
    @Order(1)
    void everyBundleOfOursIsActive() throws Exception {
        List<Bundle> bundles = bundles();
        List<Bundle> ours = ours(bundles);
        assertEquals(bundlesTheFeaturesName(), ours.size(), "bundles of ours: " + ours);
        for (Bundle b : ours) {
            assertEquals("Active", b.state(), b.toString());
        }
        for (Bundle b : bundles) {
            assertTrue(b.state().equals("Active") || b.state().equals("Resolved"), "not started: " + b);
        }
    }

    @Test
    @Order(2)
    void everyComponentOfOursIsActive() throws Exception {
        List<Component> ours = Component.parseList(karaf.client(WAIT, "scr:list | grep -v '^$'").ok()).stream()
                .filter(c -> c.bundle().startsWith(OUR_BUNDLES)).collect(Collectors.toList());
        Set<String> bundlesWithComponents = ours.stream().map(Component::bundle).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("org.apptrack.appqoe", "org.apptrack.apptrack", "org.apptrack.capture", "org.apptrack.syslog"),
                bundlesWithComponents);
        for (Component c : ours) {
            assertTrue(c.enabled(), c.toString());
            if (c.instanceStates().isEmpty()) {
                // Only a component that waits for its configuration may have no instance.
                // piped like scr:list above: in batch mode Felix's scr commands print nothing to a bare client
                String info = karaf.client(WAIT, "scr:info " + c.name() + " | grep -v '^$'").ok();
                assertTrue(info.contains("Policy: require"), c + " has no instance:\n" + info);
            }
            for (String state : c.instanceStates()) {
                assertEquals("ACTIVE", state, c.toString());
            }
        }
    }

    @Test
    @Order(3)
    void theConsoleAnswersAndACaptureFileReachesAppTrack() throws Exception {
        String before = karaf.client(WAIT, "apptrack:counters").ok();
        assertTrue(before.contains("Sessions created"), before);

        Path capture = existing("apptrack.capture.samples", "the capture samples").resolve("lo-sll2.pcap");
        karaf.client(WAIT, "apptrack:replay " + capture).ok();
        String after = karaf.client(WAIT, "apptrack:counters").ok();
        assertTrue(counter(after, "Frames") > counter(before, "Frames"), after);
        assertTrue(counter(after, "Sessions created") > 0, after);
    }

    @Test
    @Order(4)
    void theSecurityLogStreamWritesItsFile() throws Exception {
        karaf.client(WAIT, "apptrack:log-test " + TEST_MESSAGE).ok();
        Path log = karaf.home().resolve("data/log/apptrack-security.log");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!(Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(TEST_MESSAGE))) {
            assertTrue(System.nanoTime() < deadline, "no test record in " + log);
            Thread.sleep(200);
        }
    }

    @Test
    @Order(5)
    void theRestApiNeedsCredentials() throws Exception {
        URI counters = URI.create("http://127.0.0.1:" + karaf.httpPort() + "/onos/apptrack/v1/counters");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // The web bundle is deployed after feature:install returns.
        HttpResponse<String> anonymous = awaitDeployed(http, HttpRequest.newBuilder(counters).build());
        assertEquals(401, anonymous.statusCode(), anonymous.body());

        String basic = Base64.getEncoder().encodeToString(
                (StockKaraf.USER + ":" + StockKaraf.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> admin = http.send(HttpRequest.newBuilder(counters).header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(admin.body().contains("\"sessionsCreated\""), admin.body());
    }

    @Test
    @Order(6)
    void everyDownloadMatchesItsChecksum() throws Exception {
        // Karaf's default checksum policy (warn) logs a download without a .sha1, or with a wrong one, and goes on.
        List<String> warnings = Files.readAllLines(karaf.home().resolve("data/log/karaf.log"), StandardCharsets.UTF_8)
                .stream().filter(l -> l.contains("ChecksumPolicy")).collect(Collectors.toList());
        assertEquals(List.of(), warnings);
    }

    @Test
    @Order(7)
    void uninstallingLeavesNoBundleBehind() throws Exception {
        karaf.client(WAIT, "feature:uninstall " + FEATURE).ok();
        List<Bundle> after = bundles();
        assertEquals(List.of(), ours(after));
        assertEquals(names(bundlesBefore), names(after), "bundles before the installation and after the uninstallation");
    }

    private HttpResponse<String> awaitDeployed(HttpClient http, HttpRequest request) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 404 || System.nanoTime() > deadline) {
                    return r;
                }
            } catch (ConnectException e) {
                assertTrue(System.nanoTime() < deadline, "nothing listens on " + request.uri());
            }
            Thread.sleep(200);
        }
    }

    private List<Bundle> bundles() throws Exception {
        return Bundle.parseList(karaf.client(WAIT, "bundle:list -t 0 -s --no-ellipsis").ok());
    }

    private static List<Bundle> ours(List<Bundle> bundles) {
        return bundles.stream().filter(b -> b.symbolicName().startsWith(OUR_BUNDLES)).collect(Collectors.toList());
    }

    private static Set<String> names(List<Bundle> bundles) {
        return bundles.stream().map(Bundle::nameAndVersion).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The product's bundles the feature repository in the built repository names (mvn:org.apptrack/...). */
    private long bundlesTheFeaturesName() throws IOException {
        String features = Files.readString(featuresFile(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<bundle[^>]*>\\s*(mvn:org\\.apptrack/[^<\\s]+)\\s*</bundle>").matcher(features);
        Set<String> urls = new TreeSet<>();
        while (m.find()) {
            urls.add(m.group(1));
        }
        assertFalse(urls.isEmpty(), "no bundle of ours in " + featuresFile());
        return urls.size();
    }

    private Path featuresFile() throws IOException {
        // mvn:GROUP/ARTIFACT/VERSION/xml/features in the Maven layout
        String[] coordinates = System.getProperty("apptrack.featuresUrl").substring("mvn:".length()).split("/");
        Path file = repository.resolve(coordinates[0].replace('.', '/')).resolve(coordinates[1]).resolve(coordinates[2])
                .resolve(coordinates[1] + "-" + coordinates[2] + "-" + coordinates[4] + "." + coordinates[3]);
        assertTrue(Files.isRegularFile(file), "the repository has no feature repository " + file);
        return file;
    }

    /** The value of a line {@code NAME   N} of apptrack:counters. */
    private static long counter(String counters, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s+(\\d+)\\s*$").matcher(counters);
        assertTrue(m.find(), "no counter " + name + " in:\n" + counters);
        return Long.parseLong(m.group(1));
    }

    private static Path existing(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || !Files.exists(Paths.get(value))) {
            throw new IllegalStateException(what + " is missing: " + value + " (system property " + property
                    + "; run the reactor build, e.g. mvn verify)");
        }
        return Paths.get(value);
    }
}
