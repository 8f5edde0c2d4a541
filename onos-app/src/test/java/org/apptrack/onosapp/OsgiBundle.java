package org.apptrack.onosapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.apache.felix.utils.resource.ResourceBuilder;
import org.osgi.framework.BundleException;
import org.osgi.resource.Resource;

/**
 * A bundle as the OSGi resolver sees it: the capabilities and requirements of its manifest, built by
 * Felix utils' {@link ResourceBuilder} as Karaf's features service builds them, and a name to report.
 */
final class OsgiBundle {

    private final String name;
    private final Resource resource;

    private OsgiBundle(String name, Resource resource) {
        this.name = name;
        this.resource = resource;
    }

    /** The bundle of a jar file, or empty when the jar has no OSGi manifest (a plain library). */
    static Optional<OsgiBundle> read(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            return read(jar.getFileName().toString(), in);
        }
    }

    static Optional<OsgiBundle> read(String file, InputStream jar) throws IOException {
        try (JarInputStream in = new JarInputStream(jar)) {
            Manifest manifest = in.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return Optional.empty();
            }
            Map<String, String> headers = new HashMap<>();
            for (Map.Entry<Object, Object> header : manifest.getMainAttributes().entrySet()) {
                headers.put(((Attributes.Name) header.getKey()).toString(), (String) header.getValue());
            }
            return Optional.of(of(file, headers));
        }
    }

    /** A bundle given by its manifest headers (the system bundle, or a bundle a test makes up). */
    static OsgiBundle of(String file, Map<String, String> headers) throws IOException {
        try {
            String name = headers.get("Bundle-SymbolicName").split(";")[0].trim() + " "
                    + headers.getOrDefault("Bundle-Version", "0.0.0") + " (" + file + ")";
            return new OsgiBundle(name, ResourceBuilder.build(file, headers));
        } catch (BundleException e) {
            throw new IOException("invalid OSGi manifest in " + file + ": " + e.getMessage(), e);
        }
    }

    Resource resource() {
        return resource;
    }

    @Override
    public String toString() {
        return name;
    }
}
