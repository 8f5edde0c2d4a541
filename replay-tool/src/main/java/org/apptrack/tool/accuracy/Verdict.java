package org.apptrack.tool.accuracy;

/** One flow's result in one {@link Measure}. */
enum Verdict {
    /** Our name is the expected one (for a flow nDPI calls Unknown: we gave no confident name). */
    AGREE,
    /** Our name differs (for a flow nDPI calls Unknown: we gave a confident name). */
    DISAGREE,
    /** We have no session for the flow. */
    MISSING,
    /** The flow does not count in this measure. */
    NOT_MEASURED
}
