package org.apptrack.apptrack.appid.catalog;

import java.util.List;

/**
 * A catalog file that cannot be used: each error names where it is ({@code applications[12].risk})
 * and what is wrong, so that the file can be fixed in one go.
 */
public final class CatalogException extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int ERRORS_IN_MESSAGE = 10;

    private final List<String> errors;

    public CatalogException(String source, List<String> errors) {
        super(message(source, errors));
        this.errors = List.copyOf(errors);
    }

    /** Every error found (the loader stops after a hundred). */
    public List<String> errors() {
        return errors;
    }

    private static String message(String source, List<String> errors) {
        StringBuilder b = new StringBuilder("application catalog ").append(source).append(" not loaded: ");
        for (int i = 0; i < Math.min(errors.size(), ERRORS_IN_MESSAGE); i++) {
            b.append(i == 0 ? "" : "; ").append(errors.get(i));
        }
        if (errors.size() > ERRORS_IN_MESSAGE) {
            b.append("; and ").append(errors.size() - ERRORS_IN_MESSAGE).append(" more");
        }
        return b.toString();
    }
}
