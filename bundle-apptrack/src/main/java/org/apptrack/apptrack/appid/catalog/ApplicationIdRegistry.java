package org.apptrack.apptrack.appid.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apptrack.apptrack.engine.session.SessionSideTable;

/**
 * Application name -> id, append only: a name keeps its id for the life of the process, across
 * every catalog reload, so that the ids already in the session side table keep naming the same
 * application. Id 0 is {@code UNKNOWN}; ids fit the side table's 16 bits. A name dropped from
 * the catalog keeps its id (never given to another name).
 */
final class ApplicationIdRegistry {

    /** Ids above are the operator's custom applications ({@code appid.custom.CustomApplications}). */
    static final int MAX_ID = 0x7FFF;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    ApplicationIdRegistry() {
        assign(CatalogLoader.UNKNOWN);
    }

    /** The id of {@code name}, or -1 if it never had one. */
    synchronized int idOf(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    /** How many of {@code candidates} have no id yet. */
    synchronized int unassigned(Collection<String> candidates) {
        int n = 0;
        for (String c : candidates) {
            n += ids.containsKey(c) ? 0 : 1;
        }
        return n;
    }

    /** Ids still free. */
    synchronized int free() {
        return MAX_ID + 1 - names.size();
    }

    /**
     * The id of {@code name}, given now if it has none.
     *
     * @throws IllegalStateException if every catalog id is taken (callers check {@link #free()} first)
     */
    synchronized int assign(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        if (names.size() > MAX_ID) {
            throw new IllegalStateException("no application id left for " + name);
        }
        ids.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    /** Ids given so far (the highest id + 1). */
    synchronized int size() {
        return names.size();
    }

    /** The name of an id given earlier. */
    synchronized String name(int id) {
        return names.get(id);
    }
}
