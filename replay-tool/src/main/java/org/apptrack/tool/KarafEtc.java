package org.apptrack.tool;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the distribution's {@code etc/PID.cfg} files the way Karaf's fileinstall does (Java
 * properties, {@code ${karaf.*}} placeholders), so that the tool runs with the same
 * configuration as the Karaf distribution.
 */
final class KarafEtc {

    private final Path etc;
    private final Map<String, String> placeholders = new HashMap<>();

    KarafEtc(Path etc, Path data) {
        this.etc = etc;
        placeholders.put("karaf.etc", etc.toAbsolutePath().toString());
        placeholders.put("karaf.data", data.toAbsolutePath().toString());
        placeholders.put("karaf.home", etc.toAbsolutePath().getParent().toString());
        placeholders.put("karaf.base", etc.toAbsolutePath().getParent().toString());
    }

    Path directory() {
        return etc;
    }

    /** The properties of {@code etc/PID.cfg}, or an empty map when there is no such file. */
    Map<String, Object> load(String pid) throws IOException {
        Path file = etc.resolve(pid + ".cfg");
        Map<String, Object> result = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return result;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        for (String key : p.stringPropertyNames()) {
            result.put(key, substitute(p.getProperty(key)));
        }
        return result;
    }

    private String substitute(String value) {
        String v = value;
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
            v = v.replace("${" + e.getKey() + "}", e.getValue());
        }
        return v;
    }
}
