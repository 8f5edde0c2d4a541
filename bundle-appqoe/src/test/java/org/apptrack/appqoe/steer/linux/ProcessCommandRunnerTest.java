package org.apptrack.appqoe.steer.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.apptrack.testsupport.prereq.Prerequisites;
import org.junit.jupiter.api.Test;

class ProcessCommandRunnerTest {

    @Test
    void prefixGoesInFrontAndInputIsFed() throws IOException {
        Prerequisites.requireCommands("env", "cat");
        ProcessCommandRunner runner = new ProcessCommandRunner(List.of("env", "STEER_TEST=1"), Duration.ofSeconds(10),
                4096);
        CommandOutput out = runner.run(List.of("sh", "-c", "cat; echo \" $STEER_TEST\"; exit 3"), "fed");
        assertEquals(3, out.exit());
        assertEquals("fed 1\n", out.output());
    }

    @Test
    void outputIsBoundedAndTheCommandStillEnds() throws IOException {
        ProcessCommandRunner runner = new ProcessCommandRunner(List.of(), Duration.ofSeconds(30), 1000);
        CommandOutput out = runner.run(List.of("head", "-c", "1000000", "/dev/zero"), null);
        assertEquals(0, out.exit());
        assertTrue(out.output().endsWith("...(output truncated)"), out.output().length() + " characters");
        assertEquals(1000 + "...(output truncated)".length(), out.output().length());
    }

    @Test
    void commandThatTakesTooLongIsKilled() throws IOException {
        ProcessCommandRunner runner = new ProcessCommandRunner(List.of(), Duration.ofMillis(300), 1000);
        CommandOutput out = runner.run(List.of("sleep", "30"), null);
        assertEquals(CommandOutput.TIMED_OUT, out.exit());
        assertTrue(out.output().startsWith("timed out after 300 ms: sleep 30"), out.output());
    }

    @Test
    void missingBinaryIsAnIOException() {
        ProcessCommandRunner runner = ProcessCommandRunner.local();
        assertThrows(IOException.class, () -> runner.run(List.of("no-such-binary-apptrack"), null));
    }
}
