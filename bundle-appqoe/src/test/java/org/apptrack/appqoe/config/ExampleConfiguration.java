package org.apptrack.appqoe.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The distribution's etc/org.apptrack.appqoe.cfg, as shipped or with its example uncommented. */
final class ExampleConfiguration {

    static final Path FILE = Path.of("..", "karaf-assembly", "src", "main", "resources", "etc", "org.apptrack.appqoe.cfg");
    /** "# key = value" lines are the example; prose comments never have "word =" after the "# ". */
    private static final Pattern COMMENTED_KEY = Pattern.compile("^#\\s?([A-Za-z][A-Za-z0-9_.-]*\\s*=.*)$");

    private ExampleConfiguration() {
    }

    static Map<String, Object> asShipped() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(FILE)) {
            p.load(in);
        }
        return toMap(p);
    }

    static Map<String, Object> uncommented() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(FILE, StandardCharsets.ISO_8859_1)) {
            Matcher m = COMMENTED_KEY.matcher(line);
            text.append(m.matches() ? m.group(1) : line).append('\n');
        }
        Properties p = new Properties();
        p.load(new StringReader(text.toString()));
        return toMap(p);
    }

    private static Map<String, Object> toMap(Properties p) {
        Map<String, Object> map = new HashMap<>();
        p.forEach((k, v) -> map.put(k.toString(), v));
        return map;
    }
}
