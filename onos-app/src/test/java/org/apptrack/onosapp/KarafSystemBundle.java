package org.apptrack.onosapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.felix.utils.properties.InterpolationHelper;
import org.apache.felix.utils.properties.Properties;

/**
 * Karaf's system bundle on Java 11: the packages and capabilities Karaf has the Felix framework
 * export, read from its own etc/config.properties and etc/jre.properties (in Karaf's framework kar)
 * and expanded as Karaf expands them, as Karaf's offline feature verification does.
 */
final class KarafSystemBundle {

    /** ONOS 2.7 runs on Java 11: Karaf picks jre-11 and eecap-11 with this property. */
    static final String JAVA_SPECIFICATION_VERSION = "11";

    private KarafSystemBundle() {
    }

    static OsgiBundle read(Path frameworkKar) throws IOException {
        Map<String, String> config = new HashMap<>();
        try (FileSystem kar = FileSystems.newFileSystem(frameworkKar, (ClassLoader) null)) {
            // config.properties includes jre.properties; the order does not matter once expanded.
            load(kar.getPath("resources/etc/jre.properties"), config);
            load(kar.getPath("resources/etc/config.properties"), config);
        }
        config.put("java.specification.version", JAVA_SPECIFICATION_VERSION);
        InterpolationHelper.performSubstitution(config);
        String framework = config.get("karaf.framework." + config.get("karaf.framework"));
        if (framework == null || !framework.startsWith("mvn:org.apache.felix/org.apache.felix.framework/")) {
            throw new IOException("Karaf's config.properties does not name the Felix framework: " + framework);
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", "org.apache.felix.framework");
        headers.put("Bundle-Version", framework.substring(framework.lastIndexOf('/') + 1));
        headers.put("Export-Package", required(config, "org.osgi.framework.system.packages")
                + "," + required(config, "org.osgi.framework.system.packages.extra"));
        headers.put("Provide-Capability", required(config, "org.osgi.framework.system.capabilities"));
        return OsgiBundle.of("system bundle of Karaf's config.properties, Java " + JAVA_SPECIFICATION_VERSION, headers);
    }

    private static void load(Path file, Map<String, String> into) throws IOException {
        Properties properties = new Properties(false);
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        into.putAll(properties);
    }

    private static String required(Map<String, String> config, String key) throws IOException {
        String value = config.get(key);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IOException("Karaf's " + key + " is missing or not expanded: " + value);
        }
        return value;
    }
}
