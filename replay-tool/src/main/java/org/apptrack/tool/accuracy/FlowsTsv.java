package org.apptrack.tool.accuracy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code flows.tsv}: a header line naming the columns (in any order; the nDPI sets'
 * {@code file, l4, src_ip, src_port, dir, dst_ip, dst_port, vlan, master_proto, app_proto, category,
 * c2s_pkts, c2s_bytes, s2c_pkts, s2c_bytes, hostname}), then one flow per line. A bad value fails
 * the whole file with its line and column named: a silently skipped flow would change the figures.
 */
final class FlowsTsv {

    private static final List<String> REQUIRED = List.of("file", "l4", "src_ip", "src_port", "dst_ip", "dst_port",
            "vlan", "master_proto", "app_proto", "c2s_pkts", "s2c_pkts");

    private FlowsTsv() {
    }

    /** The flows of {@code tsv}, in file order, as set {@code set}. */
    static List<LabelledFlow> read(Path tsv, String set) throws IOException {
        List<LabelledFlow> flows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IOException(tsv + ": empty, expected a header line");
            }
            Map<String, Integer> columns = new HashMap<>();
            String[] names = header.split("\t", -1);
            for (int i = 0; i < names.length; i++) {
                columns.put(names[i].trim(), i);
            }
            for (String required : REQUIRED) {
                if (!columns.containsKey(required)) {
                    throw new IOException(tsv + ": the header has no column '" + required + "' (it has "
                            + Arrays.toString(names) + ")");
                }
            }
            int lineNumber = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    flows.add(parse(line.split("\t", -1), columns, set, lineNumber));
                } catch (IllegalArgumentException e) {
                    throw new IOException(tsv + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        }
        return flows;
    }

    private static LabelledFlow parse(String[] f, Map<String, Integer> columns, String set, int line) {
        Row row = new Row(f, columns);
        String l4 = row.text("l4");
        int protocol;
        try {
            protocol = IpProtocols.number(l4);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column l4: " + e.getMessage());
        }
        String vlan = row.text("vlan");
        return new LabelledFlow(set, row.required("file"), line, l4, protocol, row.required("src_ip"),
                row.number("src_port", 65535), row.required("dst_ip"), row.number("dst_port", 65535),
                vlan.isEmpty() ? 0 : row.number("vlan", 4095), row.required("master_proto"),
                row.required("app_proto"), row.number("c2s_pkts", Long.MAX_VALUE),
                row.number("s2c_pkts", Long.MAX_VALUE), row.text("hostname"), "", "");
    }

    /** One line's fields by column name. */
    private static final class Row {
        private final String[] fields;
        private final Map<String, Integer> columns;

        Row(String[] fields, Map<String, Integer> columns) {
            this.fields = fields;
            this.columns = columns;
        }

        /** The value, empty when the column is absent or the line is short. */
        String text(String column) {
            Integer i = columns.get(column);
            return i == null || i >= fields.length ? "" : fields[i].trim();
        }

        String required(String column) {
            String v = text(column);
            if (v.isEmpty()) {
                throw new IllegalArgumentException("column " + column + ": empty");
            }
            return v;
        }

        int number(String column, int max) {
            return (int) number(column, (long) max);
        }

        long number(String column, long max) {
            String v = required(column);
            try {
                long n = Long.parseLong(v);
                if (n >= 0 && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException("column " + column + ": not a number from 0 to " + max + ": '" + v + "'");
        }
    }
}
