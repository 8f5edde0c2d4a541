package org.apptrack.apptrack.engine.classify;

/**
 * Application ids to the names the logs carry ({@code application}, {@code category},
 * {@code sub-category}). Id 0 is the unknown application ({@code UNKNOWN}, {@code N/A},
 * {@code N/A}).
 */
public interface ApplicationCatalog {

    String application(int id);

    String category(int id);

    String subCategory(int id);
}
