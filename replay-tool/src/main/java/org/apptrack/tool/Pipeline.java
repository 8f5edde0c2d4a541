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
import org.apptrack.apptrack.engine.log.SessionLogEmitter;
import org.apptrack.apptrack.impl.AppTrackRuntime;
import org.apptrack.capture.replay.OfflineReplay;
import org.apptrack.syslog.api.SecurityLogService;
import org.onosproject.net.packet.PacketProcessor;

/**
 * The AppTrack engine on the replayed frames, fed as in the distribution (an observer-priority
 * ONOS packet processor on the packet service) and configured from the distribution's
 * {@code etc/org.apptrack.apptrack.cfg}.
 */
final class Pipeline {

    private final AppTrackRuntime runtime;
    private final OfflineReplay packets;

    private Pipeline(OfflineReplay packets, AppTrackRuntime runtime) {
        this.packets = packets;
        this.runtime = runtime;
    }

    static Pipeline create(Path etc, OfflineReplay packets, SecurityLogService log) throws IOException {
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
        AppTrackRuntime runtime = new AppTrackRuntime(log, settings, packets.clock());
        packets.packetService().addProcessor(runtime::process, PacketProcessor.observer(1));
        return new Pipeline(packets, runtime);
    }

    /** End of file: what is still open is closed as an SRX closes sessions that age out. */
    void finish() {
        runtime.expireAll();
    }

    String summary() {
        AppTrackEngine engine = runtime.engine();
        SessionLogEmitter emitter = runtime.emitter();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "  sessions: %,d created, %,d closed, %,d refused (session limit)%n",
                engine.sessionsCreated(), engine.sessionsClosed(), engine.refused()));
        for (CloseReason r : CloseReason.values()) {
            if (engine.sessionsClosed(r) > 0) {
                b.append(String.format(Locale.ROOT, "    closed %-20s %,d%n", r.wireName(), engine.sessionsClosed(r)));
            }
        }
        b.append("  applications (closed sessions):\n");
        for (Map.Entry<String, Long> e : emitter.closedByApplication().entrySet()) {
            b.append(String.format(Locale.ROOT, "    %-28s %,d%n", e.getKey(), e.getValue()));
        }
        b.append(String.format(Locale.ROOT, "  frames: %,d decoded, %,d not IP, %,d malformed%n", engine.decoded(),
                engine.notIp(), engine.malformed()));
        if (engine.framesWithoutZone() + engine.framesNotTracked() > 0) {
            b.append(String.format(Locale.ROOT, "  not tracked: %,d frames outside every zone, %,d with AppTrack"
                    + " disabled for their zones%n", engine.framesWithoutZone(), engine.framesNotTracked()));
        }
        b.append(String.format(Locale.ROOT, "  processor exceptions: %d%n", packets.processorFailures()));
        b.append("  log messages:\n");
        return b.toString();
    }
}
