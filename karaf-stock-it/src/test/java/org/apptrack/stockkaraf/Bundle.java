package org.apptrack.stockkaraf;

import java.util.ArrayList;
import java.util.List;

/** One row of {@code bundle:list -t 0 -s}: id, state, start level, version, symbolic name. */
record Bundle(long id, String state, String version, String symbolicName) {

    /** The rows of a {@code bundle:list -t 0 -s} table ({@code ID | State | Lvl | Version | Symbolic name}). */
    static List<Bundle> parseList(String output) {
        List<Bundle> bundles = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length != 5 || !cells[0].trim().matches("\\d+")) {
                continue;
            }
            bundles.add(new Bundle(Long.parseLong(cells[0].trim()), cells[1].trim(), cells[3].trim(), cells[4].trim()));
        }
        if (bundles.isEmpty()) {
            throw new IllegalArgumentException("no bundle in: " + output);
        }
        return bundles;
    }

    String nameAndVersion() {
        return symbolicName + "/" + version;
    }
}
