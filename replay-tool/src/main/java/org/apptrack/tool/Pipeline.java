package org.apptrack.tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.engine.AppTrackEngine;
import org.apptrack.apptrack.engine.CloseReason;
import org.apptrack.apptrack.engine.EngineCounter;
import org.apptrack.apptrack.engine.EngineCounters;
import org.apptrack.apptrack.engine.decode.FrameDecoder;
import org.apptrack.apptrack.impl.AppTrackRuntime;
import org.apptrack.apptrack.log.SessionLogEmitter;
import org.apptrack.capture.onos.CapturePacketService;
import org.apptrack.capture.source.CaptureClock;
import org.apptrack.syslog.api.SecurityLogService;
import org.onosproject.net.packet.PacketProcessor;

/**
 * The AppTrack engine on the replayed frames, fed as in the distribution (an observer-priority
 * ONOS packet processor on the packet service) and configured from the distribution's
 * {@code etc/org.apptrack.apptrack.cfg}.
 */
final class Pipeline {

    private final AppTrackRuntime runtime;
    private final CapturePacketService packets;

    private Pipeline(CapturePacketService packets, AppTrackRuntime runtime) {
        this.packets = packets;
        this.runtime = runtime;
    }

    static Pipeline create(Path etc, CapturePacketService packets, CaptureClock clock, SecurityLogService log)
            throws IOException {
        Map<String, Object> config = new HashMap<>();
        if (etc != null) {
            KarafEtc files = new KarafEtc(etc, Files.createTempDirectory("apptrack-replay-data"));
            config = files.load(AppTrackSettings.PID);
        }
        AppTrackSettings settings;
        try {
            settings = AppTrackSettings.parse(config);
        } catch (IllegalArgumentException e) {
            throw new IOException((etc != null ? etc.resolve(AppTrackSettings.PID + ".cfg") : "configuration") + ": "
                    + e.getMessage(), e);
        }
        AppTrackRuntime runtime = new AppTrackRuntime(log, settings, clock);
        packets.addProcessor(runtime::process, PacketProcessor.observer(1));
        return new Pipeline(packets, runtime);
    }

    /** End of file: what is still open is closed as an SRX closes sessions that age out. */
    void finish() {
        runtime.expireAll();
    }

    String summary() {
        AppTrackEngine engine = runtime.engine();
        EngineCounters counters = engine.counters();
        FrameDecoder decoder = engine.decoder();
        SessionLogEmitter emitter = runtime.emitter();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "  sessions: %,d created, %,d closed, %,d refused (session limit)%n",
                counters.get(EngineCounter.SESSIONS_CREATED), counters.closed(), engine.table().refused()));
        for (CloseReason r : CloseReason.values()) {
            if (counters.closedBy(r) > 0) {
                b.append(String.format(Locale.ROOT, "    closed %-20s %,d%n", r.wireName(), counters.closedBy(r)));
            }
        }
        b.append("  applications (closed sessions):\n");
        for (Map.Entry<String, Long> e : emitter.closedByApplication().entrySet()) {
            b.append(String.format(Locale.ROOT, "    %-28s %,d%n", e.getKey(), e.getValue()));
        }
        b.append(String.format(Locale.ROOT, "  frames: %,d decoded, %,d not IP, %,d malformed%n", decoder.decoded(),
                decoder.notIp(), decoder.malformedTotal()));
        long withoutZone = counters.get(EngineCounter.FRAMES_WITHOUT_ZONE);
        long notTracked = counters.get(EngineCounter.FRAMES_NOT_TRACKED);
        if (withoutZone + notTracked > 0) {
            b.append(String.format(Locale.ROOT, "  not tracked: %,d frames outside every zone, %,d with AppTrack"
                    + " disabled for their zones%n", withoutZone, notTracked));
        }
        b.append(String.format(Locale.ROOT, "  processor exceptions: %d%n", packets.processorFailures()));
        b.append("  log messages:\n");
        return b.toString();
    }
}
