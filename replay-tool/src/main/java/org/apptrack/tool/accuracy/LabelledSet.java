package org.apptrack.tool.accuracy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory of labelled captures: {@code flows.tsv}, the captures in {@code pcap/} (or beside
 * it) and, optionally, ndpiReader's {@code result/NAME.out} files. Its name is the directory's.
 */
final class LabelledSet {

    private final String name;
    private final Path directory;
    private final Map<String, List<LabelledFlow>> byCapture;
    private final List<String> warnings;

    private LabelledSet(String name, Path directory, Map<String, List<LabelledFlow>> byCapture,
                        List<String> warnings) {
        this.name = name;
        this.directory = directory;
        this.byCapture = byCapture;
        this.warnings = warnings;
    }

    static LabelledSet read(Path where) throws IOException {
        Path directory = where.toAbsolutePath().normalize();
        Path tsv = directory.resolve("flows.tsv");
        if (!Files.isRegularFile(tsv)) {
            throw new IOException(directory + ": no flows.tsv");
        }
        String name = directory.getFileName().toString();
        Map<String, List<LabelledFlow>> byCapture = new LinkedHashMap<>();
        for (LabelledFlow f : FlowsTsv.read(tsv, name)) {
            byCapture.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, List<LabelledFlow>> e : byCapture.entrySet()) {
            Path out = directory.resolve("result").resolve(e.getKey() + ".out");
            if (!Files.isRegularFile(out)) {
                continue;
            }
            List<LabelledFlow> joined = NdpiResults.join(e.getValue(), NdpiResults.read(out));
            if (joined == null) {
                warnings.add(out + ": its flow lines do not match flows.tsv row by row; tunnels and nDPI's"
                        + " confidence left out for " + e.getKey());
            } else {
                e.setValue(joined);
            }
        }
        return new LabelledSet(name, directory, byCapture, warnings);
    }

    String name() {
        return name;
    }

    Path directory() {
        return directory;
    }

    /** The flows of each capture, captures in the order of {@code flows.tsv}. */
    Map<String, List<LabelledFlow>> byCapture() {
        return byCapture;
    }

    /** Where the capture named in {@code flows.tsv} is: {@code pcap/NAME}, else {@code NAME} beside flows.tsv. */
    Path capture(String file) {
        Path inPcap = directory.resolve("pcap").resolve(file);
        return Files.exists(inPcap) ? inPcap : directory.resolve(file);
    }

    List<String> warnings() {
        return warnings;
    }
}
