package org.apptrack.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayToolTest {

    /** A real capture (tcpdump on "any", Linux cooked v2) kept with the capture bundle's tests. */
    private static final Path CAPTURE = Paths.get("..", "bundle-capture", "src", "test", "resources", "org",
            "apptrack", "capture", "file", "lo-sll2.pcap");
    /** The distribution's configuration, which logs session create and close. */
    private static final String ETC = Paths.get("..", "karaf-assembly", "src", "main", "resources", "etc").toString();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ReplayTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void replaysACaptureAndSummarisesIt() {
        assertEquals(0, run(CAPTURE.toString()));
        String summary = err.toString(StandardCharsets.UTF_8);
        assertTrue(summary.startsWith("lo-sll2.pcap: 12 packets, "), summary);
    }

    @Test
    void summaryStaysOnStandardErrorWhenTheLogsGoToAFile() throws Exception {
        Path logs = dir.resolve("logs.txt");
        assertEquals(0, run("--etc", ETC, "--output", logs.toString(), "--format", "syslog",
                CAPTURE.toString()));
        assertTrue(Files.readString(logs).contains("APPTRACK_SESSION_CREATE"), "the logs are in the file");
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing on standard output");
        String summary = err.toString(StandardCharsets.UTF_8);
        assertTrue(summary.startsWith("lo-sll2.pcap: 12 packets"), summary);
    }

    @Test
    void standardOutputCarriesOnlyLogLines() {
        assertEquals(0, run("--etc", ETC, "--format", "syslog", CAPTURE.toString()));
        String logs = out.toString(StandardCharsets.UTF_8);
        assertFalse(logs.isEmpty());
        for (String line : logs.split("\n")) {
            assertTrue(line.contains(" RT_FLOW: APPTRACK_"), line);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("lo-sll2.pcap: 12 packets"));
    }

    @Test
    void aFileThatIsNotACaptureFailsNamingIt() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "these are notes, not packets\n");
        assertEquals(1, run(text.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("replay: ") && message.contains("notes.txt"), message);
    }

    @Test
    void aCaptureCorruptPartWayLogsTheSessionsReadUntilThenAndFails() throws Exception {
        byte[] pcap = Files.readAllBytes(CAPTURE);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(pcap).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int record = 24;
        for (int i = 0; i < 6; i++) { // to the 7th record
            record += 16 + b.getInt(record + 8);
        }
        b.putInt(record + 8, 0x7fff_ffff); // its captured length: far beyond any snap length
        Path corrupt = dir.resolve("corrupt.pcap");
        Files.write(corrupt, pcap);
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("org.apptrack.apptrack.cfg"), "logSessionCreate = true\nlogSessionClose = true\n");
        Path logs = dir.resolve("logs.txt");
        assertEquals(1, run("--etc", etc.toString(), "--output", logs.toString(), corrupt.toString()));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("replay: ") && message.contains("corrupt.pcap"), message);
        String written = Files.readString(logs);
        assertTrue(written.contains("APPTRACK_SESSION_CREATE"), written);
        assertEquals(written.split("APPTRACK_SESSION_CREATE", -1).length,
                written.split("APPTRACK_SESSION_CLOSE", -1).length, "every session read also closes: " + written);
        assertTrue((out.toString(StandardCharsets.UTF_8) + message).contains("corrupt.pcap: 6 packets"),
                "the summary covers the frames read");
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> run("--format", "cef", CAPTURE.toString()));
        assertThrows(IllegalArgumentException.class, () -> run("--bogus", CAPTURE.toString()));
        assertThrows(IllegalArgumentException.class, () -> run());
        assertThrows(IllegalArgumentException.class, () -> run("--etc", dir.resolve("missing").toString(),
                CAPTURE.toString()));
    }
}
