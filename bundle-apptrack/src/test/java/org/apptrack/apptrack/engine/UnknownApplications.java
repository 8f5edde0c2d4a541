package org.apptrack.apptrack.engine;

import org.apptrack.apptrack.engine.classify.ApplicationCatalog;

/** The catalog of a test classifier that names nothing: every id is the unknown application. */
final class UnknownApplications implements ApplicationCatalog {

    static final ApplicationCatalog CATALOG = new UnknownApplications();

    private UnknownApplications() {
    }

    @Override
    public String application(int id) {
        return "UNKNOWN";
    }

    @Override
    public String category(int id) {
        return "N/A";
    }

    @Override
    public String subCategory(int id) {
        return "N/A";
    }
}
