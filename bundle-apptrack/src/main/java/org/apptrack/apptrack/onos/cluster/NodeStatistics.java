package org.apptrack.apptrack.onos.cluster;

import java.util.ArrayList;
import java.util.List;
import org.apptrack.apptrack.api.ApplicationStatistics;

/**
 * One node's application statistics as it publishes them to the cluster: per period, the
 * (application, nested application) names and their sessions, packets and bytes. Arrays of
 * strings and longs only, so that ONOS's Kryo serializer needs nothing else registered.
 */
public final class NodeStatistics {

    private long publishedMillis;
    private String[] sinceStartNames;
    private long[] sinceStartCounts;
    private String[] intervalNames;
    private long[] intervalCounts;

    private NodeStatistics() {
        // for Kryo
    }

    public NodeStatistics(long publishedMillis, List<ApplicationStatistics> sinceStart,
                          List<ApplicationStatistics> interval) {
        this.publishedMillis = publishedMillis;
        this.sinceStartNames = names(sinceStart);
        this.sinceStartCounts = counts(sinceStart);
        this.intervalNames = names(interval);
        this.intervalCounts = counts(interval);
    }

    public long publishedMillis() {
        return publishedMillis;
    }

    public List<ApplicationStatistics> rows(boolean sinceStart) {
        String[] names = sinceStart ? sinceStartNames : intervalNames;
        long[] counts = sinceStart ? sinceStartCounts : intervalCounts;
        List<ApplicationStatistics> rows = new ArrayList<>(names.length / 2);
        for (int i = 0; i < names.length / 2; i++) {
            rows.add(new ApplicationStatistics(names[2 * i], names[2 * i + 1], counts[3 * i], counts[3 * i + 1],
                    counts[3 * i + 2]));
        }
        return rows;
    }

    private static String[] names(List<ApplicationStatistics> rows) {
        String[] out = new String[rows.size() * 2];
        for (int i = 0; i < rows.size(); i++) {
            out[2 * i] = rows.get(i).application();
            out[2 * i + 1] = rows.get(i).nestedApplication();
        }
        return out;
    }

    private static long[] counts(List<ApplicationStatistics> rows) {
        long[] out = new long[rows.size() * 3];
        for (int i = 0; i < rows.size(); i++) {
            out[3 * i] = rows.get(i).sessions();
            out[3 * i + 1] = rows.get(i).packets();
            out[3 * i + 2] = rows.get(i).bytes();
        }
        return out;
    }
}
