package org.apptrack.apptrack.onos.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.ApplicationStatistics;

/** Rows of several nodes added up per (application, nested application), ordered as one node's are. */
final class StatisticsSum {

    private final Map<List<String>, long[]> sums = new LinkedHashMap<>();

    void add(List<ApplicationStatistics> rows) {
        for (ApplicationStatistics r : rows) {
            long[] s = sums.computeIfAbsent(List.of(r.application(), r.nestedApplication()), k -> new long[3]);
            s[0] += r.sessions();
            s[1] += r.packets();
            s[2] += r.bytes();
        }
    }

    /** The most bytes first, then by name, as {@code ApplicationStatisticsTable} orders them. */
    List<ApplicationStatistics> rows() {
        List<ApplicationStatistics> rows = new ArrayList<>();
        sums.forEach((k, s) -> rows.add(new ApplicationStatistics(k.get(0), k.get(1), s[0], s[1], s[2])));
        rows.sort(Comparator.comparingLong(ApplicationStatistics::bytes).reversed()
                .thenComparing(ApplicationStatistics::application).thenComparing(ApplicationStatistics::nestedApplication));
        return rows;
    }
}
