package org.apptrack.apptrack.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Field order" section of the reference ({@code shared/reference/srx-log-format.md}): the
 * groups P, C and U and each message's row, read from the document itself, so that the layouts
 * are checked against the specification and not against a copy of themselves.
 */
final class SpecFieldOrder {

    static final Path SPEC = Paths.get("..", "..", "shared", "reference", "srx-log-format.md");
    private static final Pattern GROUP = Pattern.compile("(?:Common prefix )?([PCU]): `([^`]*)`", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("^\\| ((?:APPTRACK|RT_FLOW)_[A-Z_]+) \\| (.*) \\|$", Pattern.MULTILINE);
    private static final Pattern TOKEN = Pattern.compile("`([^`]*)`|\\b([PCU])\\b");

    private SpecFieldOrder() {
    }

    /** Field names in order, by message tag. */
    static Map<String, List<String>> read() {
        String text;
        try {
            text = Files.readString(SPEC, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the reference is missing: " + SPEC.toAbsolutePath(), e);
        }
        String section = text.substring(text.indexOf("## Field order"));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Matcher g = GROUP.matcher(section.substring(0, section.indexOf("| message |")));
        while (g.find()) {
            groups.put(g.group(1), words(g.group(2)));
        }
        Map<String, List<String>> messages = new LinkedHashMap<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            List<String> fields = new ArrayList<>();
            Matcher t = TOKEN.matcher(row.group(2));
            while (t.find()) {
                fields.addAll(t.group(1) != null ? words(t.group(1)) : groups.get(t.group(2)));
            }
            messages.put(row.group(1), fields);
        }
        if (groups.size() != 3 || messages.size() < 4) {
            throw new IllegalStateException("cannot read the field order of " + SPEC + ": " + groups.keySet() + " "
                    + messages.keySet());
        }
        return messages;
    }

    private static List<String> words(String s) {
        return Arrays.asList(s.trim().split("\\s+"));
    }
}
