package org.apptrack.it;

import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.AssumptionViolatedException;

/**
 * {@link Prerequisites} for these JUnit 4 tests: a skip is JUnit 4's assumption failure. Pax Exam
 * reports an assumption that fails inside the Karaf container as a passed test, so the policy
 * (a missing tool fails the test once scripts/test.sh installed the dependencies) keeps a missing
 * tool from passing silently.
 */
final class Prerequisite {

    private Prerequisite() {
    }

    /** A tool or privilege that {@code scripts/test.sh} provides: see {@link Prerequisites#require}. */
    static void require(String what, boolean present) {
        Prerequisites.require(what, present, Prerequisite::skip);
    }

    /** Test data that may be absent (the shared nDPI captures): the test is skipped. */
    static void optional(String what, boolean present) {
        Prerequisites.optional(what, present, Prerequisite::skip);
    }

    private static RuntimeException skip(String message) {
        return new AssumptionViolatedException(message + " (Pax Exam reports the skip as a pass)");
    }
}
