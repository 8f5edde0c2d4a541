package org.apptrack.tool.accuracy;

/**
 * What a flow's nDPI label leads us to expect in the logs, through the naming table.
 *
 * @param application the expected {@code application}; null for a flow nDPI calls Unknown
 * @param nested the expected {@code nested-application}; null: no expectation (the table gives none)
 * @param nestedMeasured whether the flow counts in the nested-application figure: nDPI names an
 *     application inside a protocol ({@code M.A}) that maps to a nested application (not {@code UNKNOWN})
 */
record Expectation(String application, String nested, boolean nestedMeasured) {

    static final String UNKNOWN = "UNKNOWN";

    /** A flow nDPI could not name. */
    static Expectation ofUnknownFlow() {
        return new Expectation(null, null, false);
    }

    boolean unknownFlow() {
        return application == null;
    }

    /** As a label for reports: {@code APPLICATION/NESTED}, {@code APPLICATION} without a nested expectation. */
    String describe() {
        if (application == null) {
            return "(nDPI: Unknown)";
        }
        return nested == null ? application : application + "/" + nested;
    }
}
