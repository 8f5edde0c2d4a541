package org.apptrack.appqoe.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The APPQOE_* samples of the seed document ({@code shared/reference/000_750492ec1f711fce.txt}),
 * read from the document itself and normalised as {@code srx-log-format.md} says: curly quotes
 * become {@code "}, the stray quote before {@code server-ip=} goes, a sample printed without its
 * SD-ID gets the default one. The document is in release order, so the last sample of a tag is
 * its newest.
 */
final class SeedSamples {

    static final Path SEED = Paths.get("..", "..", "shared", "reference", "000_750492ec1f711fce.txt");
    static final String SD_ID = "junos@2636.1.1.1.2.129";

    private static final Pattern SAMPLE = Pattern.compile("(APPQOE_[A-Z_]+) (\\[[^\\]]*\\])");
    private static final Pattern FIELD = Pattern.compile(" ([a-z0-9-]+)=\"([^\"]*)\"");

    /** One sample: its line in the document, its tag and its normalised SD-ELEMENT. */
    static final class Sample {
        final int line;
        final String tag;
        final String sdElement;

        Sample(int line, String tag, String sdElement) {
            this.line = line;
            this.tag = tag;
            this.sdElement = sdElement;
        }

        /** The name="value" pairs, in order. */
        Map<String, String> fields() {
            Map<String, String> out = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(sdElement);
            while (m.find()) {
                out.put(m.group(1), m.group(2));
            }
            return out;
        }

        @Override
        public String toString() {
            return tag + " (seed line " + line + ")";
        }
    }

    private SeedSamples() {
    }

    static List<Sample> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(SEED, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the seed document is missing: " + SEED.toAbsolutePath(), e);
        }
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SAMPLE.matcher(lines.get(i));
            if (m.find()) {
                out.add(new Sample(i + 1, m.group(1), normalise(m.group(2))));
            }
        }
        return out;
    }

    /** The newest sample of each tag. */
    static Map<String, Sample> newest() {
        Map<String, Sample> out = new LinkedHashMap<>();
        for (Sample s : read()) {
            out.put(s.tag, s);
        }
        return out;
    }

    static String normalise(String sdElement) {
        String s = sdElement.replace('\u201C', '"').replace('\u201D', '"').replace(" \"server-ip=", " server-ip=");
        if (!s.startsWith("[junos@")) {
            s = "[" + SD_ID + " " + s.substring(1);
        }
        return s;
    }
}
