package org.apptrack.capture.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.capture.api.CaptureSourceStatus.State;
import org.apptrack.capture.file.CaptureFileReader;
import org.apptrack.capture.file.CaptureInterface;
import org.apptrack.capture.frame.FrameHandler;
import org.apptrack.capture.onos.CapturePacketService;

/**
 * Replays one capture file through the packet processors, at full speed or at the pace it was
 * captured, with the capture's timestamps driving the {@link CaptureClock}. Runs on the caller's
 * thread; {@link #stop()} ends it early from another thread.
 */
public final class FileReplay implements FrameHandler {

    private static final long PROGRESS_NANOS = 1_000_000_000L;

    private final Path file;
    private final boolean originalPace;
    private final CapturePacketService packets;
    private final CaptureClock clock;
    private final RateMeter rate = new RateMeter();
    private volatile CaptureFileReader reader;
    private volatile State state = State.RUNNING;
    private volatile String error;
    private volatile boolean stopRequested;
    private long firstFrameNanos = Long.MIN_VALUE;
    private long wallStartNanos;
    /** The packet service's handler for the thread that runs the replay (set when it starts). */
    private FrameHandler toProcessors;

    public FileReplay(Path file, boolean originalPace, CapturePacketService packets, CaptureClock clock) {
        this.file = file;
        this.originalPace = originalPace;
        this.packets = packets;
        this.clock = clock;
    }

    /**
     * Reads the whole file (or until stopped) and returns the final status.
     *
     * @throws IOException when the file cannot be opened or is not a capture file
     */
    public CaptureSourceStatus run(Consumer<CaptureSourceStatus> progress) throws IOException {
        try {
            reader = CaptureFileReader.open(file);
        } catch (IOException e) {
            state = State.FAILED;
            error = e.getMessage();
            throw e;
        }
        toProcessors = packets.handlerForThisThread();
        List<String> names = new ArrayList<>();
        for (CaptureInterface i : reader.interfaces()) {
            names.add(i.name());
        }
        packets.interfaces(names, (index, frame) -> {
            throw new UnsupportedOperationException("cannot emit: the packet source is the capture file " + file);
        });
        long nextProgress = System.nanoTime() + PROGRESS_NANOS;
        try {
            int sinceCheck = 0;
            while (!stopRequested && reader.next(this)) {
                if (++sinceCheck == 4096) {
                    sinceCheck = 0;
                    long now = System.nanoTime();
                    if (progress != null && now >= nextProgress) {
                        progress.accept(status());
                        nextProgress = now + PROGRESS_NANOS;
                    }
                }
            }
            state = stopRequested ? State.STOPPED : State.FINISHED;
        } catch (IOException | RuntimeException e) {
            state = State.FAILED;
            error = file + ": " + e.getMessage();
            if (e instanceof IOException) {
                throw (IOException) e;
            }
            throw new IOException(error, e);
        } finally {
            clock.followWallClock();
            reader.close();
        }
        return status();
    }

    @Override
    public void onFrame(int interfaceIndex, long timestampNanos, ByteBuffer frame, int wireLength) {
        if (firstFrameNanos == Long.MIN_VALUE) {
            firstFrameNanos = timestampNanos;
            wallStartNanos = System.nanoTime();
            clock.followCapture(timestampNanos);
        }
        if (originalPace) {
            waitForPace(timestampNanos);
        }
        clock.advance(timestampNanos);
        toProcessors.onFrame(interfaceIndex, timestampNanos, frame, wireLength);
    }

    private void waitForPace(long timestampNanos) {
        long due = wallStartNanos + (timestampNanos - firstFrameNanos);
        long wait;
        while (!stopRequested && (wait = due - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(wait, 100_000_000L));
        }
    }

    /** Ends the replay early; {@link #run} returns with state STOPPED. */
    public void stop() {
        stopRequested = true;
    }

    public CaptureSourceStatus status() {
        CaptureFileReader r = reader;
        List<String> names = new ArrayList<>();
        Map<String, Long> skipped = new HashMap<>();
        long frames = 0;
        long bytes = 0;
        double progress = 0;
        String warning = null;
        if (r != null) {
            for (CaptureInterface i : r.interfaces()) {
                names.add(i.name());
            }
            skipped.putAll(r.skippedByCause());
            if (r.truncatedRecords() > 0) {
                skipped.put("truncated record at end of file", r.truncatedRecords());
            }
            frames = r.framesDelivered();
            bytes = r.bytesDelivered();
            progress = r.fileSize() == 0 ? 1 : (double) r.bytesRead() / r.fileSize();
            warning = r.snapLengthWarning();
        }
        return new CaptureSourceStatus(file.getFileName().toString(), "file", names, state, error, warning, frames,
                bytes, 0, 0, skipped, rate.rate(frames), state == State.FINISHED ? 1.0 : progress, "");
    }
}
