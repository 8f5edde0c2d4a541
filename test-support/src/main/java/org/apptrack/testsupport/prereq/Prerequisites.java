package org.apptrack.testsupport.prereq;

import java.util.function.Function;

/**
 * The one policy for what a test needs from outside the product (a tool, root, libpcap): once
 * {@code scripts/test.sh} has installed the test dependencies (it sets {@value #INSTALLED}, and CI
 * runs it as root) or under CI ({@code CI}), a missing prerequisite fails the test, because it
 * means the installation is broken; elsewhere (a developer's machine without the packages) the
 * test is skipped, with a line on stderr saying what is missing.
 *
 * <p>A skip is an exception of the test framework: {@link #require(String, boolean)} throws JUnit
 * 5's (opentest4j's {@code TestAbortedException}); JUnit 4, which does not know that one, passes
 * its own ({@link #require(String, boolean, Function)}). Test data that may be absent is no
 * prerequisite: {@link #optional} always skips.
 */
public final class Prerequisites {

    /** Set by {@code scripts/test.sh} once it installed the test dependencies. */
    public static final String INSTALLED = "APPTRACK_TEST_DEPS_INSTALLED";

    private Prerequisites() {
    }

    /** Whether a missing prerequisite fails the test (the dependencies were installed, or under CI). */
    public static boolean missingFails() {
        return isSet(INSTALLED) || isSet("CI");
    }

    /** JUnit 5: nothing when {@code present}; otherwise fails or skips the test (see the class). */
    public static void require(String what, boolean present) {
        require(what, present, JupiterSkip::exception);
    }

    /** JUnit 5: {@link #require(String, boolean)} for each of these commands ({@link Host#hasCommand}). */
    public static void requireCommands(String... names) {
        for (String name : names) {
            require(name, Host.hasCommand(name));
        }
    }

    /**
     * Nothing when {@code present}; otherwise throws an {@link AssertionError} (the dependencies
     * were installed) or the exception {@code skip} makes of the message (the test framework's
     * "assumption failed").
     */
    public static void require(String what, boolean present, Function<String, ? extends RuntimeException> skip) {
        if (present) {
            return;
        }
        if (missingFails()) {
            throw new AssertionError("missing " + what + ", although the test dependencies are installed ("
                    + INSTALLED + " or CI is set; scripts/install-test-deps.sh installs the tools, and the tests"
                    + " run as root)");
        }
        throw skipping("missing " + what + " (scripts/install-test-deps.sh installs the tools; run as root)", skip);
    }

    /** JUnit 5: test data or an optional part that may be absent: the test is skipped. */
    public static void optional(String what, boolean present) {
        optional(what, present, JupiterSkip::exception);
    }

    /** As {@link #optional(String, boolean)} with the test framework's skip. */
    public static void optional(String what, boolean present, Function<String, ? extends RuntimeException> skip) {
        if (!present) {
            throw skipping("missing " + what, skip);
        }
    }

    private static RuntimeException skipping(String message, Function<String, ? extends RuntimeException> skip) {
        System.err.println("SKIPPED: " + message);
        return skip.apply(message);
    }

    private static boolean isSet(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isEmpty();
    }
}
