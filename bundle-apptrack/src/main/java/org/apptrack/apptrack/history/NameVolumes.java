package org.apptrack.apptrack.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.api.TrafficHistoryService;
import org.apptrack.apptrack.api.Volume;

/**
 * The cumulative bytes per name of one dimension, as an array indexed by name so that a snapshot
 * is one array copy. At most {@code maxNames} names get an index of their own, any later one
 * counts as {@link TrafficHistoryService#OTHER} (index 0), which bounds each array and so every
 * snapshot. (The manager folds names into {@code OTHER} already, with the same bound, before its
 * readings get here: {@link ClosedVolumes}; this bound keeps the history bounded whatever it is fed.) Each name keeps the highest bytes it has reached: its count is cumulative, and a
 * reading below it only means that a session's bytes were, for a moment, read neither open nor
 * closed (its close not heard yet, or its close event dropped); so no window shows negative
 * bytes. Not thread-safe: {@link TrafficHistory} guards it.
 */
final class NameVolumes {

    private final int maxNames;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private long[] latest = new long[1];

    NameVolumes(int maxNames) {
        this.maxNames = maxNames;
        names.add(TrafficHistoryService.OTHER);
        indexes.put(TrafficHistoryService.OTHER, 0);
    }

    /** One reading: the bytes so far per name (names not in it keep what they had). */
    void record(Map<String, Long> bytesByName) {
        int[] index = new int[bytesByName.size()];
        long[] bytes = new long[index.length];
        int n = 0;
        for (Map.Entry<String, Long> e : bytesByName.entrySet()) {
            index[n] = index(e.getKey());
            bytes[n++] = e.getValue();
        }
        long[] reading = new long[names.size()];
        for (int i = 0; i < n; i++) {
            reading[index[i]] += bytes[i];
        }
        if (latest.length < reading.length) {
            latest = Arrays.copyOf(latest, Math.max(reading.length, Math.min(latest.length * 2, maxNames + 1)));
        }
        for (int i = 0; i < reading.length; i++) {
            latest[i] = Math.max(latest[i], reading[i]);
        }
    }

    /** The bytes so far, by index (a copy as long as the names known now). */
    long[] snapshot() {
        return Arrays.copyOf(latest, names.size());
    }

    /** The names with more bytes now than in {@code baseline} (a {@link #snapshot()}), and how many more. */
    List<Volume> since(long[] baseline) {
        List<Volume> volumes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            long bytes = latest[i] - (i < baseline.length ? baseline[i] : 0);
            if (bytes > 0) {
                volumes.add(new Volume(names.get(i), bytes));
            }
        }
        return volumes;
    }

    /** Names with an index of their own, {@link TrafficHistoryService#OTHER} included. */
    int size() {
        return names.size();
    }

    private int index(String name) {
        Integer i = indexes.get(name);
        if (i != null) {
            return i;
        }
        if (names.size() > maxNames) {
            return 0;
        }
        indexes.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }
}
