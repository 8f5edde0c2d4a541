package org.apptrack.tool.accuracy;

/** The three figures of the report. */
enum Measure {
    /** {@code application} on the flows nDPI labels (not Unknown). */
    MASTER,
    /** {@code nested-application} where nDPI names an application inside a protocol ({@code M.A}). */
    NESTED,
    /** On the flows nDPI calls Unknown: whether we, too, gave no confident name. */
    UNKNOWN
}
