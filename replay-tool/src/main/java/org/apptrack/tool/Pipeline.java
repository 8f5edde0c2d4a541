package org.apptrack.tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.embed.EmbeddedAppTrack;
import org.apptrack.capture.replay.OfflineReplay;
import org.apptrack.syslog.api.SecurityLogService;
import org.onosproject.net.packet.PacketProcessor;

/**
 * The AppTrack engine on the replayed frames, fed as in the distribution (an observer-priority
 * ONOS packet processor on the packet service) and configured from the distribution's
 * {@code etc/org.apptrack.apptrack.cfg}.
 */
public final class Pipeline {

    private final EmbeddedAppTrack appTrack;
    private final OfflineReplay packets;

    private Pipeline(OfflineReplay packets, EmbeddedAppTrack appTrack) {
        this.packets = packets;
        this.appTrack = appTrack;
    }

    /**
     * The distribution's {@code etc/} when no other is named: the system property
     * {@code apptrack.etc} (the scripts set it), else the source tree's
     * {@code karaf-assembly/src/main/resources/etc} below the working directory; null when that
     * is not a directory either.
     */
    public static Path distributionEtc() {
        String configured = System.getProperty("apptrack.etc");
        Path fallback = configured != null ? Paths.get(configured)
                : Paths.get("karaf-assembly", "src", "main", "resources", "etc");
        return Files.isDirectory(fallback) ? fallback : null;
    }

    /**
     * @param etc the distribution's {@code etc/} directory; null: the component's defaults
     * @throws IOException when the configuration cannot be read or is invalid (the message names the file)
     */
    public static Pipeline create(Path etc, OfflineReplay packets, SecurityLogService log) throws IOException {
        Map<String, Object> config = new HashMap<>();
        if (etc != null) {
            // ${karaf.data} as in the distribution's layout; nothing is written there
            KarafEtc files = new KarafEtc(etc, etc.toAbsolutePath().getParent().resolve("data"));
            config = files.load(EmbeddedAppTrack.CONFIGURATION_PID);
        }
        EmbeddedAppTrack appTrack;
        try {
            appTrack = EmbeddedAppTrack.create(log, config, packets.clock());
        } catch (IllegalArgumentException e) {
            throw new IOException((etc != null ? etc.resolve(EmbeddedAppTrack.CONFIGURATION_PID + ".cfg")
                    : "configuration") + ": " + e.getMessage(), e);
        }
        packets.packetService().addProcessor(appTrack.processor(), PacketProcessor.observer(1));
        return new Pipeline(packets, appTrack);
    }

    /** End of file: what is still open is closed as an SRX closes sessions that age out. */
    public void finish() {
        appTrack.endOfCapture();
    }

    /** Each session, as it closes, to {@code listener} (see {@link EmbeddedAppTrack#onSessionClosed}). */
    public void onSessionClosed(Consumer<? super SessionInfo> listener) {
        appTrack.onSessionClosed(listener);
    }

    /** Exceptions the {@link #onSessionClosed} listener threw. */
    public long sessionClosedListenerFailures() {
        return appTrack.sessionClosedListenerFailures();
    }

    String summary() {
        AppTrackCounters c = appTrack.counters();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "  sessions: %,d created, %,d closed, %,d refused (session limit)%n",
                c.sessionsCreated(), c.sessionsClosed(), c.refusedSessions()));
        for (Map.Entry<String, Long> e : c.closedByReason().entrySet()) {
            if (e.getValue() > 0) {
                b.append(String.format(Locale.ROOT, "    closed %-20s %,d%n", e.getKey(), e.getValue()));
            }
        }
        b.append("  applications (closed sessions):\n");
        for (Map.Entry<String, Long> e : appTrack.closedSessionsByApplication().entrySet()) {
            b.append(String.format(Locale.ROOT, "    %-28s %,d%n", e.getKey(), e.getValue()));
        }
        long decoded = c.frames() - c.notIpFrames() - c.malformedFrames();
        b.append(String.format(Locale.ROOT, "  frames: %,d decoded, %,d not IP, %,d malformed%n", decoded,
                c.notIpFrames(), c.malformedFrames()));
        if (c.framesWithoutZone() + c.framesNotTracked() > 0) {
            b.append(String.format(Locale.ROOT, "  not tracked: %,d frames outside every zone, %,d with AppTrack"
                    + " disabled for their zones%n", c.framesWithoutZone(), c.framesNotTracked()));
        }
        b.append(String.format(Locale.ROOT, "  processor exceptions: %d%n", packets.processorFailures()));
        b.append("  log messages:\n");
        return b.toString();
    }
}
