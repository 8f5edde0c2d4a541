package org.apptrack.capture.source;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.apptrack.api.time.Clock;
import org.osgi.service.component.annotations.Component;

/**
 * The clock of the packets: wall time while capturing live, the capture's timestamps while a
 * file is replayed (so that session timing, and so the logs, are the same on every replay).
 * Published as the {@link Clock} service that AppTrack times its sessions with.
 */
@Component(service = {Clock.class, CaptureClock.class}, property = "clock=capture")
public class CaptureClock implements Clock {

    private volatile boolean followCapture;
    private volatile long captureNanos;

    private static final VarHandle CAPTURE_NANOS;

    static {
        try {
            CAPTURE_NANOS = MethodHandles.lookup().findVarHandle(CaptureClock.class, "captureNanos", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** From now on time is the timestamp of the latest frame (a replay starts). */
    public void followCapture(long firstFrameNanos) {
        captureNanos = firstFrameNanos;
        followCapture = true;
    }

    /**
     * Advances capture time; called for each replayed frame, by the one replay thread. Never goes
     * backwards. A release store, not a volatile one: readers still see the time through the
     * volatile read, and the replay thread saves a full fence per frame.
     */
    public void advance(long frameNanos) {
        if (frameNanos > captureNanos) {
            CAPTURE_NANOS.setRelease(this, frameNanos);
        }
    }

    /** Back to wall time (the replay ended). */
    public void followWallClock() {
        followCapture = false;
    }

    public boolean followsCapture() {
        return followCapture;
    }

    @Override
    public long currentTimeNanos() {
        return followCapture ? captureNanos : Clock.SYSTEM.currentTimeNanos();
    }

    @Override
    public String toString() {
        return followCapture ? "capture clock at " + captureNanos + " ns" : "capture clock (wall time)";
    }
}
