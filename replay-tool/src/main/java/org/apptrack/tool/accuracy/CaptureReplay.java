package org.apptrack.tool.accuracy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.capture.replay.OfflineReplay;
import org.apptrack.syslog.api.DiscardingSecurityLog;
import org.apptrack.tool.Pipeline;

/**
 * Replays one capture through the AppTrack pipeline as the replay tool does (the distribution's
 * configuration, a fresh pipeline per file, open sessions closed at the end) and keeps every
 * session as it closes.
 */
final class CaptureReplay {

    /**
     * The sessions of a capture.
     *
     * @param error why the capture could not be read (whole or in part); null when it was
     * @param read whether any frame was read (false: not a capture at all)
     */
    record Result(List<SessionRecord> sessions, long frames, String error, boolean read) {
    }

    private final Path etc;

    /** @param etc the distribution's {@code etc/}; null for the component's defaults */
    CaptureReplay(Path etc) {
        this.etc = etc;
    }

    Result replay(Path capture) throws IOException {
        List<SessionRecord> sessions = new ArrayList<>();
        OfflineReplay replay = new OfflineReplay();
        Pipeline pipeline = Pipeline.create(etc, replay, new DiscardingSecurityLog());
        pipeline.onSessionClosed(s -> sessions.add(SessionRecord.of(s)));
        String error = null;
        CaptureSourceStatus status;
        try {
            status = replay.replay(capture, false, null);
        } catch (IOException e) {
            // corrupt part-way: the sessions of the frames read until then still count
            status = replay.status();
            error = e.getMessage();
        }
        pipeline.finish();
        if (pipeline.sessionClosedListenerFailures() > 0) {
            throw new IllegalStateException(capture + ": " + pipeline.sessionClosedListenerFailures()
                    + " sessions could not be recorded");
        }
        boolean read = status != null && !status.interfaces().isEmpty();
        return new Result(sessions, status == null ? 0 : status.frames(), error, read);
    }
}
