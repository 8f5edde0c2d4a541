package org.apptrack.apptrack.appid.catalog;

import java.util.List;
import java.util.Map;

/** A catalog file that passed validation: its version, its category vocabulary, its applications in file order. */
public final class CatalogDefinition {

    private final String version;
    private final Map<String, List<String>> categories;
    private final List<ApplicationDefinition> applications;

    CatalogDefinition(String version, Map<String, List<String>> categories, List<ApplicationDefinition> applications) {
        this.version = version;
        this.categories = Map.copyOf(categories);
        this.applications = List.copyOf(applications);
    }

    /** The {@code version} the file declares (shown by the status commands). */
    public String version() {
        return version;
    }

    /** Category -> its sub-categories, as the file declares them. */
    public Map<String, List<String>> categories() {
        return categories;
    }

    public List<ApplicationDefinition> applications() {
        return applications;
    }
}
