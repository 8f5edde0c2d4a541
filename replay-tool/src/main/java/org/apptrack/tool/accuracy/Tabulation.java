package org.apptrack.tool.accuracy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flows counted by a pair of texts (expected -> got, or a cause and nothing), each pair with a few
 * of the nDPI labels and capture files it was seen with, so that a line of the report says where
 * to look.
 */
final class Tabulation {

    static final int EXAMPLES = 3;

    /** One pair: its flows and up to {@link #EXAMPLES} distinct labels and files, in the order seen. */
    record Row(String first, String second, long flows, List<String> labels, List<String> files) {
    }

    private static final class Cell {
        long flows;
        final Set<String> labels = new LinkedHashSet<>();
        final Set<String> files = new LinkedHashSet<>();
    }

    private final Map<List<String>, Cell> cells = new LinkedHashMap<>();
    private long total;

    void add(String first, String second, String label, String file) {
        Cell c = cells.computeIfAbsent(List.of(first, second), k -> new Cell());
        c.flows++;
        total++;
        if (c.labels.size() < EXAMPLES) {
            c.labels.add(label);
        }
        if (c.files.size() < EXAMPLES) {
            c.files.add(file);
        }
    }

    long total() {
        return total;
    }

    /** The {@code n} pairs with the most flows (ties by text, so that runs compare line by line). */
    List<Row> top(int n) {
        List<Row> rows = new ArrayList<>();
        cells.forEach((k, c) -> rows.add(new Row(k.get(0), k.get(1), c.flows, List.copyOf(c.labels),
                List.copyOf(c.files))));
        rows.sort(Comparator.comparingLong(Row::flows).reversed().thenComparing(Row::first)
                .thenComparing(Row::second));
        return rows.size() > n ? rows.subList(0, n) : rows;
    }

    int size() {
        return cells.size();
    }
}
