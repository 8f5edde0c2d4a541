package org.apptrack.apptrack.history;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apptrack.apptrack.api.Dimension;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.TrafficHistoryService;

/**
 * The bytes of the closed sessions per name of each {@link Dimension}, and the one decision of
 * which names are counted apart: the first {@code maxNames} names a dimension meets (closed or
 * open sessions alike) keep their own count for good, any later one counts as
 * {@link TrafficHistoryService#OTHER}. Without that bound a scan from random addresses, or a
 * stream of distinct users, would grow these maps and every snapshot of the history without end.
 * Open and closed bytes go through the same decision, so a session's bytes stay under one name
 * when it closes.
 *
 * <p>Thread-safe: AppTrack's event thread adds closed sessions, the sampler reads and names.
 */
final class ClosedVolumes {

    private final int maxNames;
    private final Map<Dimension, Set<String>> named = new EnumMap<>(Dimension.class);
    private final Map<Dimension, Map<String, Long>> bytes = new EnumMap<>(Dimension.class);
    private long totalBytes;

    ClosedVolumes(int maxNames) {
        this.maxNames = maxNames;
        for (Dimension d : Dimension.values()) {
            named.put(d, new HashSet<>());
            bytes.put(d, new HashMap<>());
        }
    }

    /** Counts one closed session's final bytes under its name in every dimension. */
    synchronized void add(SessionInfo closed) {
        long b = closed.bytes();
        bytes.forEach((d, byName) -> byName.merge(countedName(d, d.nameOf(closed)), b, Long::sum));
        totalBytes += b;
    }

    /** The name {@code name} counts under in {@code d}: itself, or {@link TrafficHistoryService#OTHER} past the bound. */
    synchronized String countedName(Dimension d, String name) {
        Set<String> names = named.get(d);
        if (names.contains(name) || TrafficHistoryService.OTHER.equals(name)) {
            return name;
        }
        if (names.size() < maxNames) {
            names.add(name);
            return name;
        }
        return TrafficHistoryService.OTHER;
    }

    /** The names {@code raw} carries, each replaced by the name it counts under (bytes of merged names added up). */
    synchronized Map<String, Long> countedNames(Dimension d, Map<String, Long> raw) {
        Map<String, Long> counted = new HashMap<>();
        raw.forEach((name, b) -> counted.merge(countedName(d, name), b, Long::sum));
        return counted;
    }

    /**
     * Copies the bytes per name of every dimension so far into {@code into}, all at one moment.
     *
     * @return the bytes of all closed sessions so far, at the same moment
     */
    synchronized long copyInto(Map<Dimension, Map<String, Long>> into) {
        bytes.forEach((d, byName) -> into.put(d, new HashMap<>(byName)));
        return totalBytes;
    }
}
