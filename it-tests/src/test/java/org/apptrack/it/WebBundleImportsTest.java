package org.apptrack.it;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Assume;
import org.junit.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * The REST bundle must resolve inside ONOS 2.7, against ONOS's own Jersey, JAX-RS, Servlet and
 * Jackson (ONOS itself cannot run here): every package it imports has a version range that takes
 * the version ONOS ships (read from ONOS's build, deps.json) and the version the standalone
 * distribution ships. Runs outside the container, on the built bundle.
 */
public class WebBundleImportsTest {

    /** Imported package (prefix) -> the ONOS 2.7.0 dependency (deps.json key) that exports it. */
    private static final Map<String, String> ONOS_PROVIDER = new LinkedHashMap<>();

    static {
        ONOS_PROVIDER.put("org.glassfish.jersey.servlet", "jersey-container-servlet-core");
        ONOS_PROVIDER.put("org.glassfish.jersey.inject.hk2", "jersey-hk2");
        ONOS_PROVIDER.put("javax.ws.rs", "javax.ws.rs-api");
        ONOS_PROVIDER.put("javax.annotation", "javax_annotation_javax_annotation_api");
        ONOS_PROVIDER.put("javax.validation", "validation-api");
        ONOS_PROVIDER.put("javax.servlet", "javax.servlet-api");
        ONOS_PROVIDER.put("com.fasterxml.jackson", "jackson-databind");
        ONOS_PROVIDER.put("org.slf4j", "slf4j-api");
    }

    @Test
    public void everyImportTakesWhatOnosAndTheDistributionShip() throws Exception {
        Path deps = Paths.get(System.getProperty("apptrack.onosDeps", "/nonexistent"));
        Assume.assumeTrue("ONOS's deps.json (shared/reference) is not here: " + deps, Files.isRegularFile(deps));
        Map<String, Version> onos = onosVersions(Files.readString(deps, StandardCharsets.UTF_8));
        Version jersey = Version.parseVersion(System.getProperty("apptrack.jerseyVersion"));
        Version jaxrs = Version.parseVersion(System.getProperty("apptrack.jaxrsVersion"));

        List<String> wrong = new ArrayList<>();
        for (String[] imp : imports(new File(System.getProperty("apptrack.webBundle")))) {
            String pkg = imp[0];
            VersionRange range = new VersionRange(imp[1] == null ? "0" : imp[1]);
            if (pkg.startsWith("org.apptrack.")) {
                continue; // our own API bundles, installed with it
            }
            Version inOnos;
            if (pkg.startsWith("org.onlab.")) {
                inOnos = Version.parseVersion("2.7.0");
            } else {
                String provider = ONOS_PROVIDER.entrySet().stream().filter(e -> pkg.startsWith(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (provider == null) {
                    wrong.add(pkg + ": which ONOS 2.7 bundle exports it? (add it to ONOS_PROVIDER)");
                    continue;
                }
                inOnos = onos.get(provider);
            }
            if (!range.includes(inOnos)) {
                wrong.add(pkg + " " + range + " does not take ONOS's " + inOnos);
            }
            if (pkg.startsWith("org.glassfish.jersey.") && !range.includes(jersey)) {
                wrong.add(pkg + " " + range + " does not take the distribution's Jersey " + jersey);
            }
            if (pkg.startsWith("javax.ws.rs") && !range.includes(jaxrs)) {
                wrong.add(pkg + " " + range + " does not take the distribution's JAX-RS " + jaxrs);
            }
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
    }

    /** AppQoE is a feature of its own: the REST API must resolve (and answer 503 for AppQoE) without it. */
    @Test
    public void theAppQoeApiIsAnOptionalImport() throws Exception {
        List<String> clauses = new ArrayList<>();
        for (String clause : importClauses(new File(System.getProperty("apptrack.webBundle")))) {
            if (clause.startsWith("org.apptrack.appqoe.")) {
                clauses.add(clause);
            }
        }
        assertTrue("the web bundle imports the AppQoE API", !clauses.isEmpty());
        for (String clause : clauses) {
            assertTrue(clause, clause.contains("resolution:=optional"));
        }
    }

    /** deps.json (a Bazel file, not strict JSON): "key": "mvn:group:artifact[:jar]:version". */
    private static Map<String, Version> onosVersions(String depsJson) {
        Map<String, Version> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"mvn:[^:\"]+:[^:\"]+:(?:jar:)?([^:\"]+)\"").matcher(depsJson);
        while (m.find()) {
            String v = m.group(2);
            // 2.0.1.Final -> 2.0.1.Final (an OSGi qualifier); 22.0 -> 22.0.0
            out.put(m.group(1), Version.parseVersion(v.replaceAll("^(\\d+(?:\\.\\d+){0,2})[-.]?(.*)$", "$1")));
        }
        return out;
    }

    /** Import-Package of the bundle, one clause (package and its attributes) each. */
    private static List<String> importClauses(File bundle) throws Exception {
        if (!bundle.isFile()) {
            fail("the web bundle is not built: " + bundle);
        }
        String header;
        try (JarFile jar = new JarFile(bundle)) {
            header = jar.getManifest().getMainAttributes().getValue("Import-Package");
        }
        List<String> out = new ArrayList<>();
        // Clauses are separated by commas outside quotes.
        for (String clause : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            out.add(clause.trim());
        }
        return out;
    }

    /** Import-Package of the bundle: package and version range (null when it has none). */
    private static List<String[]> imports(File bundle) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String clause : importClauses(bundle)) {
            String[] parts = clause.trim().split(";");
            String range = null;
            for (String p : parts) {
                if (p.trim().startsWith("version=")) {
                    range = p.trim().substring("version=".length()).replace("\"", "");
                }
            }
            out.add(new String[] {parts[0].trim(), range});
        }
        return out;
    }
}
