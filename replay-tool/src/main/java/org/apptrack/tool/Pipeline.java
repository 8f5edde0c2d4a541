package org.apptrack.tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apptrack.capture.onos.CapturePacketService;
import org.apptrack.capture.source.CaptureClock;
import org.apptrack.syslog.api.SecurityLogService;

/**
 * The ONOS apps the tool runs on the replayed frames, wired as the distribution's DS would wire
 * them, with the distribution's configuration. Today that is the packet service alone: the
 * AppTrack engine joins here when it lands, and with it sessions and applications in the summary.
 */
final class Pipeline {

    private final CapturePacketService packets;

    private Pipeline(CapturePacketService packets) {
        this.packets = packets;
    }

    static Pipeline create(Path etc, CapturePacketService packets, CaptureClock clock, SecurityLogService log)
            throws IOException {
        if (etc != null) {
            KarafEtc config = new KarafEtc(etc, Files.createTempDirectory("apptrack-replay-data"));
            config.load("org.apptrack.capture"); // read and checked like the distribution's
        }
        return new Pipeline(packets);
    }

    /** End of file: what is still open is closed as an SRX closes sessions that age out. */
    void finish() {
        // Nothing is open without the AppTrack engine.
    }

    String summary() {
        return String.format("  processors: %d, processor exceptions: %d%n", packets.getProcessors().size(),
                packets.processorFailures());
    }
}
