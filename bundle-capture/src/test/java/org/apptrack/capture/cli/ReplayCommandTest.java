package org.apptrack.capture.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apptrack.capture.api.CaptureService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay that cannot run fails the command with the file and the reason: Karaf prints the
 * exception ("Error executing command: Replay failed: FILE: ...") and {@code bin/client} exits
 * non-zero, where a line on stderr would be lost over SSH.
 */
class ReplayCommandTest {

    @TempDir
    Path dir;

    private final CaptureService capture = mock(CaptureService.class);

    private IOException failure(Path file) {
        ReplayCommand c = new ReplayCommand();
        c.capture = capture;
        c.file = file.toString();
        return assertThrows(IOException.class, c::execute);
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path missing = dir.resolve("missing.pcap");
        assertEquals("Replay failed: " + missing + ": no such file", failure(missing).getMessage());
        verify(capture, never()).replay(any(), anyBoolean(), any());
    }

    @Test
    void aDirectoryIsNamed() throws Exception {
        assertEquals("Replay failed: " + dir + ": is a directory, not a capture file", failure(dir).getMessage());
        verify(capture, never()).replay(any(), anyBoolean(), any());
    }

    @Test
    void theCaptureServicesRefusalKeepsTheFileAndTheReason() throws Exception {
        Path bogus = Files.writeString(dir.resolve("bogus.pcap"), "not a capture");
        when(capture.replay(any(), anyBoolean(), any()))
                .thenThrow(new IOException(bogus + ": not a pcap or pcapng file (magic 0x6e6f7420)"));
        assertEquals("Replay failed: " + bogus + ": not a pcap or pcapng file (magic 0x6e6f7420)",
                failure(bogus).getMessage());
    }

    @Test
    void aFileSystemErrorGetsTheFileAndItsKind() throws Exception {
        Path locked = Files.writeString(dir.resolve("locked.pcap"), "x");
        when(capture.replay(any(), anyBoolean(), any())).thenThrow(new AccessDeniedException(locked.toString()));
        assertEquals("Replay failed: " + locked + ": AccessDeniedException", failure(locked).getMessage());
    }
}
