package org.apptrack.capture.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apptrack.capture.api.CaptureService;
import org.apptrack.capture.api.CaptureSourceStatus;

/** Replays a capture file through the packet processors, with progress and a summary. */
@Service
@Command(scope = "apptrack", name = "replay",
        description = "Replays a pcap or pcapng file through the packet processors (pauses live capture meanwhile)")
public class ReplayCommand implements Action {

    @Argument(name = "file", description = "The capture file", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Option(name = "--original-pace", description = "Deliver frames at the pace they were captured")
    boolean originalPace;

    @Reference
    CaptureService capture;

    /**
     * Replays the file; a file that cannot be replayed fails the command with an exception naming
     * it and the reason (Karaf prints "Error executing command: Replay failed: FILE: ..." and
     * {@code bin/client} exits non-zero; a message on stderr alone would be lost over SSH).
     */
    @Override
    public Object execute() throws IOException {
        Path path = Paths.get(file).toAbsolutePath();
        if (Files.isDirectory(path)) {
            throw new IOException("Replay failed: " + path + ": is a directory, not a capture file");
        }
        if (!Files.exists(path)) {
            throw new IOException("Replay failed: " + path + ": no such file");
        }
        long start = System.nanoTime();
        CaptureSourceStatus done;
        try {
            done = capture.replay(path, originalPace, s -> System.out.printf("  %5.1f%%  %,d frames  %,.0f frames/s%n",
                    s.progress() * 100, s.frames(), s.framesPerSecond()));
        } catch (IOException e) {
            throw new IOException("Replay failed: " + describe(path, e), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Replayed %s: %s, %,d frames, %,d bytes in %.2f s (%,.0f frames/s)%n", path,
                done.state(), done.frames(), done.bytes(), seconds, done.frames() / Math.max(seconds, 1e-9));
        for (Map.Entry<String, Long> e : done.skipped().entrySet()) {
            System.out.printf("  skipped %,d frame(s): %s%n", e.getValue(), e.getKey());
        }
        if (done.warning() != null) {
            System.out.println("  warning: " + done.warning());
        }
        if (done.error() != null) {
            System.out.println("  error: " + done.error());
        }
        return null;
    }

    /** "FILE: reason". A format error's message starts with the file; a file-system error's may be the bare path. */
    private static String describe(Path path, IOException e) {
        if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
            return path + ": " + (reason != null ? reason : e.getClass().getSimpleName());
        }
        String message = String.valueOf(e.getMessage());
        return message.startsWith(path.toString()) ? message : path + ": " + message;
    }
}
