package org.apptrack.apptrack.api;

import java.util.List;
import java.util.Map;

/**
 * Application identification's state, as Junos {@code show services application-identification}
 * shows it: its counters, the statistics per application, the application system cache.
 */
public interface ApplicationIdentificationService {

    /** Which sessions the statistics count. */
    enum Period {
        /** Since AppTrack started (or since a new session limit was configured). */
        SINCE_START,
        /** Since the current statistics interval began. */
        INTERVAL
    }

    /** The counters, in a stable order, by what an operator reads next to the number. */
    Map<String, Long> identificationCounters();

    /** Sessions, packets and bytes per application and nested application, the busiest first. */
    List<ApplicationStatistics> statistics(Period period);

    /** The entries of the application system cache that still name new sessions, at most {@code limit}. */
    List<ApplicationCacheEntry> applicationSystemCache(int limit);

    /** The application catalog in force: its version and how many applications it names. */
    String catalogVersion();

    /**
     * Loads the application catalog from {@code file} (the bundled one when null), without a
     * restart; sessions keep their application ids, new sessions are named by the new catalog.
     *
     * @return what was loaded
     * @throws IllegalArgumentException listing the file's errors; the catalog in force stays
     */
    String reloadCatalog(String file);

    /** Empties the application system cache ({@code clear services application-identification application-system-cache}). */
    void clearApplicationSystemCache();
}
