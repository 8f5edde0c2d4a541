package org.apptrack.testsupport.prereq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The policy, whichever side of it this run is on ({@code APPTRACK_TEST_DEPS_INSTALLED} or not). */
class PrerequisitesTest {

    /** A skip of a framework the policy does not know. */
    private static final class Skip extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skip(String message) {
            super(message);
        }
    }

    @Test
    void aPresentPrerequisiteChangesNothing() {
        Prerequisites.require("something", true);
        Prerequisites.require("something", true, Skip::new);
        Prerequisites.optional("something", true, Skip::new);
    }

    @Test
    void aMissingPrerequisiteFailsOnceTheDependenciesAreInstalledAndSkipsElsewhere() {
        if (Prerequisites.missingFails()) {
            AssertionError e = assertThrows(AssertionError.class, () -> Prerequisites.require("frobnicator", false));
            assertTrue(e.getMessage().contains("missing frobnicator"), e.getMessage());
            assertThrows(AssertionError.class, () -> Prerequisites.require("frobnicator", false, Skip::new));
        } else {
            TestAbortedException e = assertThrows(TestAbortedException.class,
                    () -> Prerequisites.require("frobnicator", false));
            assertTrue(e.getMessage().contains("missing frobnicator"), e.getMessage());
            assertThrows(Skip.class, () -> Prerequisites.require("frobnicator", false, Skip::new));
        }
    }

    @Test
    void absentOptionalPartsAlwaysSkip() {
        Skip e = assertThrows(Skip.class, () -> Prerequisites.optional("the nDPI captures", false, Skip::new));
        assertEquals("missing the nDPI captures", e.getMessage());
        assertThrows(TestAbortedException.class, () -> Prerequisites.optional("the nDPI captures", false));
    }

    @Test
    void theHostKnowsItsCommands() {
        assertTrue(Host.hasCommand("sh"));
        assertTrue(Host.commandRuns("sh", "-c", "exit 0"));
        assertTrue(!Host.commandRuns("sh", "-c", "exit 3"));
        assertTrue(Host.command("apptrack-no-such-command").isEmpty());
    }
}
