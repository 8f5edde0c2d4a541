package org.apptrack.it;

import org.junit.Assume;

/**
 * What a test needs from outside the product: installed tools (rsyslog, tshark, tcpdump, ping),
 * root for packet capture, optional test data. Pax Exam reports a JUnit assumption that fails
 * inside the Karaf container as a passed test, so a plain {@code assumeTrue} would turn a missing
 * tool into a silent pass.
 */
final class Prerequisite {

    private Prerequisite() {
    }

    /**
     * A tool or privilege that {@code scripts/test.sh} provides (it installs the Debian packages
     * and CI runs it as root): missing after test.sh installed the packages (environment
     * variable {@code APPTRACK_TEST_DEPS_INSTALLED}) or under CI ({@code CI}), the test fails;
     * elsewhere it is skipped with a line on stderr.
     */
    static void require(String what, boolean present) {
        if (present) {
            return;
        }
        if (isSet("APPTRACK_TEST_DEPS_INSTALLED") || isSet("CI")) {
            throw new AssertionError("missing prerequisite under CI (scripts/install-test-deps.sh installs the"
                    + " tools, CI runs as root): " + what);
        }
        skip(what);
    }

    private static boolean isSet(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isEmpty();
    }

    /** Test data that may be absent (the shared nDPI captures): the test is skipped, saying so on stderr. */
    static void optional(String what, boolean present) {
        if (!present) {
            skip(what);
        }
    }

    private static void skip(String what) {
        System.err.println("SKIPPED (Pax Exam reports it as passed): missing " + what);
        Assume.assumeTrue("missing " + what, false);
    }
}
