package org.apptrack.appqoe.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apptrack.appqoe.api.PathHistory;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.SlaState;

/**
 * The history of every path, fed with readings of {@code AppQoeService.paths()}: each reading
 * records the periods that closed since the one before (a period is known by its end time, so a
 * reading taken twice within a period records it once) and drops the paths that are no longer
 * configured. Thread-safe: one sampler records, any thread reads.
 */
final class PathHistoryStore {

    private final int capacity;
    /** By group and path, in the order the configuration lists them. */
    private Map<String, Entry> paths = new LinkedHashMap<>();

    /** @param capacity points kept per path */
    PathHistoryStore(int capacity) {
        this.capacity = capacity;
    }

    /** One reading: every configured path with its last closed period and SLA state. */
    synchronized void record(List<PathStatus> reading) {
        Map<String, Entry> next = new LinkedHashMap<>();
        for (PathStatus p : reading) {
            String key = p.group() + '\u0000' + p.path();
            Entry e = paths.get(key);
            if (e == null) {
                e = new Entry(p.group(), p.path(), new PathRing(capacity));
            }
            SlaState first = p.sla().isEmpty() ? null : p.sla().get(0);
            e.ring.describe(p.interfaceName(), first == null ? null : first.targets());
            e.ring.record(p.lastPeriod(), first == null ? null : first.state());
            next.put(key, e);
        }
        paths = next;
    }

    /** The paths of {@code group} (all when null) with their points closed at or after {@code sinceMillis}. */
    synchronized List<PathHistory> history(String group, long sinceMillis) {
        List<PathHistory> out = new ArrayList<>();
        for (Entry e : paths.values()) {
            if (group == null || group.equals(e.group)) {
                out.add(e.ring.since(e.group, e.path, sinceMillis));
            }
        }
        return out;
    }

    private static final class Entry {
        final String group;
        final String path;
        final PathRing ring;

        Entry(String group, String path, PathRing ring) {
            this.group = group;
            this.path = path;
            this.ring = ring;
        }
    }
}
