package org.apptrack.testsupport.prereq;

import org.opentest4j.TestAbortedException;

/**
 * JUnit 5's skip, in a class of its own: only loaded when a JUnit 5 test skips, so that JUnit 4
 * tests (in a container without opentest4j) can use {@link Prerequisites} too.
 */
final class JupiterSkip {

    private JupiterSkip() {
    }

    static RuntimeException exception(String message) {
        return new TestAbortedException(message);
    }
}
