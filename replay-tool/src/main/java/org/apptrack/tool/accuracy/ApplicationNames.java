package org.apptrack.tool.accuracy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * nDPI's protocol names to the names an SRX logs (the shared reference
 * {@code application-names.tsv}: {@code ndpi_name, junos_application, junos_nested_application},
 * and the rules of {@code application-names.md} beside it):
 * <ul>
 * <li>a name missing from the table maps by rule: upper case, {@code _} and spaces become {@code -};</li>
 * <li>{@code M.A} expects the application of M and the nested application of A (a name missing
 * from the table is its own nested application by the same rule; an empty cell: no expectation),
 * except under a protocol whose own nested application is {@code UNKNOWN} in the table, which
 * never carries one (a DNS lookup is {@code DNS} + {@code UNKNOWN}, whatever name it asks for);</li>
 * <li>a single name expects its application, and its nested application where the table gives one.</li>
 * </ul>
 */
final class ApplicationNames {

    private static final List<String> HEADER = List.of("ndpi_name", "junos_application", "junos_nested_application");

    /** nDPI name -> {application, nested application or ""}. */
    private final Map<String, String[]> table;

    ApplicationNames(Map<String, String[]> table) {
        this.table = Map.copyOf(table);
    }

    /** Reads the table; a malformed line fails with its number. */
    static ApplicationNames read(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !List.of(lines.get(0).split("\t", -1)).equals(HEADER)) {
            throw new IOException(tsv + ": the first line must be the header " + String.join("<TAB>", HEADER));
        }
        Map<String, String[]> table = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 2 || f.length > 3 || f[0].isBlank() || f[1].isBlank()) {
                throw new IOException(tsv + " line " + (i + 1) + ": expected ndpi_name<TAB>junos_application"
                        + "[<TAB>junos_nested_application], both names non-empty: '" + line + "'");
            }
            String nested = f.length == 3 ? f[2].trim() : "";
            if (table.put(f[0].trim(), new String[] {f[1].trim(), nested}) != null) {
                throw new IOException(tsv + " line " + (i + 1) + ": ndpi_name '" + f[0].trim() + "' appears twice");
            }
        }
        return new ApplicationNames(table);
    }

    /** The rule for a name the table lacks: upper case, '_' and spaces become '-'. */
    static String byRule(String ndpiName) {
        return ndpiName.toUpperCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    }

    /** The Junos application of an nDPI name. */
    String application(String ndpiName) {
        String[] row = table.get(ndpiName);
        return row != null ? row[0] : byRule(ndpiName);
    }

    /** The Junos nested application of an nDPI name as an application inside a protocol; null: none. */
    String nestedOf(String ndpiName) {
        String[] row = table.get(ndpiName);
        if (row == null) {
            return byRule(ndpiName);
        }
        return row[1].isEmpty() ? null : row[1];
    }

    /** What nDPI's label {@code master}/{@code app} (the columns of flows.tsv) expects. */
    Expectation expect(String master, String app) {
        if (LabelledFlow.UNKNOWN.equals(master)) {
            return Expectation.ofUnknownFlow();
        }
        String application = application(master);
        if (master.equals(app)) {
            String[] row = table.get(master);
            String nested = row == null || row[1].isEmpty() ? null : row[1];
            return new Expectation(application, nested, false);
        }
        String[] masterRow = table.get(master);
        if (masterRow != null && Expectation.UNKNOWN.equals(masterRow[1])) {
            return new Expectation(application, Expectation.UNKNOWN, false);
        }
        String nested = nestedOf(app);
        return new Expectation(application, nested, nested != null && !Expectation.UNKNOWN.equals(nested));
    }
}
