package org.apptrack.apptrack.appid.catalog;

import java.util.List;

/**
 * What a catalog reload did: loaded (the new catalog is in force) or not (the errors, and the
 * catalog in force is unchanged).
 */
public final class ReloadResult {

    private final boolean loaded;
    private final String version;
    private final int applications;
    private final int newIds;
    private final List<String> errors;
    private final String message;

    private ReloadResult(boolean loaded, String version, int applications, int newIds, List<String> errors,
                         String message) {
        this.loaded = loaded;
        this.version = version;
        this.applications = applications;
        this.newIds = newIds;
        this.errors = List.copyOf(errors);
        this.message = message;
    }

    static ReloadResult loaded(String source, CatalogSnapshot snapshot, int newIds) {
        return new ReloadResult(true, snapshot.version(), snapshot.applicationCount(), newIds, List.of(),
                "application catalog " + source + " version " + snapshot.version() + " loaded: "
                        + snapshot.applicationCount() + " applications, " + newIds + " new ids");
    }

    static ReloadResult rejected(CatalogException e, String versionInForce) {
        return new ReloadResult(false, versionInForce, 0, 0, e.errors(), e.getMessage() + "; version "
                + versionInForce + " stays in force");
    }

    /** Whether the new catalog is in force. */
    public boolean loaded() {
        return loaded;
    }

    /** The version in force after the reload (the old one if it failed). */
    public String version() {
        return version;
    }

    /** Applications in the new catalog (0 if it failed). */
    public int applications() {
        return applications;
    }

    /** Names that got an id in this reload. */
    public int newIds() {
        return newIds;
    }

    /** Why the reload failed, each naming the entry and field; empty if it loaded. */
    public List<String> errors() {
        return errors;
    }

    /** One line for the operator. */
    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return message;
    }
}
