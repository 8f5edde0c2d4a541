package org.apptrack.stockkaraf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Edits a Karaf configuration file ({@code etc/*.cfg}, {@code etc/users.properties}) as an operator
 * would in an editor: a key set here replaces its earlier definition, continuation lines included
 * (Karaf's own files spread lists such as {@code org.ops4j.pax.url.mvn.repositories} over several
 * lines), so that the file keeps one definition of each key.
 */
final class PropertiesFile {

    private final Path file;

    PropertiesFile(Path file) {
        this.file = file;
    }

    /** Sets {@code key = value}, creating the file when there is none. */
    PropertiesFile set(String key, String value) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
        Pattern definition = Pattern.compile("\\s*" + Pattern.quote(key) + "\\s*[=:].*");
        List<String> kept = new ArrayList<>();
        boolean continued = false;
        for (String line : lines) {
            boolean skip = continued || definition.matcher(line).matches();
            if (skip) {
                continued = line.endsWith("\\");
            } else {
                kept.add(line);
            }
        }
        kept.add(key + " = " + value);
        Files.write(file, kept, StandardCharsets.UTF_8);
        return this;
    }

    /** Removes the leading {@code #} of a line that must be there exactly as given (a commented-out default). */
    PropertiesFile uncomment(String line) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int at = lines.indexOf("#" + line);
        if (at < 0) {
            throw new IllegalStateException(file + " has no line \"#" + line + "\"");
        }
        lines.set(at, line);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return this;
    }
}
