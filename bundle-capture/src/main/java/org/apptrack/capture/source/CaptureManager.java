package org.apptrack.capture.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apptrack.api.traffic.OwnTraffic;
import org.apptrack.api.traffic.OwnTrafficListener;
import org.apptrack.api.traffic.OwnTrafficService;
import org.apptrack.capture.api.CaptureService;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.capture.config.CaptureConfig;
import org.apptrack.capture.config.CaptureSettings;
import org.apptrack.capture.filter.OwnTrafficBpf;
import org.apptrack.capture.onos.CapturePacketService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the packet sources: the live capture its configuration describes, and the replays asked
 * for by command. A replay pauses the live capture (which keeps its counters and resumes when the
 * replay ends) and hands the clock to the capture's timestamps until it ends. A rejected
 * configuration leaves the previous one running. The last {@value CaptureService#REPLAYS_LISTED}
 * replays are listed; older ones are counted. The product's own traffic ({@link OwnTrafficService},
 * when there is one) is kept out of the live capture by its kernel filter, which follows every
 * change of it.
 */
@Component(immediate = true, service = CaptureService.class, configurationPid = CaptureSettings.PID)
@Designate(ocd = CaptureConfig.class)
public class CaptureManager implements CaptureService {

    private static final Logger log = LoggerFactory.getLogger(CaptureManager.class);

    @Reference
    private CapturePacketService packets;

    @Reference
    private CaptureClock clock;

    private final Object lock = new Object();
    private final Object replayLock = new Object();
    private CaptureSettings settings;
    private LiveSource live;
    private String configError;
    /** The last {@value CaptureService#REPLAYS_LISTED} replays, oldest first; under {@link #lock}. */
    private final ArrayDeque<FileReplay> replays = new ArrayDeque<>();
    /** Replays dropped from {@link #replays}; under {@link #lock}. */
    private long replaysNotListed;
    /** True while a replay runs: the live source stays paused; under {@link #lock}. */
    private boolean replaying;
    /** BPF expression excluding the product's own traffic; empty while none is known. Under {@link #lock}. */
    private String exclusion = "";
    private final OwnTrafficListener ownTrafficListener = event -> exclude(event.subject());

    @Activate
    protected void activate(Map<String, Object> properties) {
        apply(properties);
    }

    @Modified
    protected void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Deactivate
    protected void deactivate() {
        synchronized (lock) {
            stopLive();
            for (FileReplay r : replays) {
                r.stop();
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    protected void bindOwnTrafficService(OwnTrafficService service) {
        service.addListener(ownTrafficListener);
        exclude(service.ownTraffic());
    }

    protected void unbindOwnTrafficService(OwnTrafficService service) {
        service.removeListener(ownTrafficListener);
        exclude(OwnTraffic.NONE);
    }

    /** Keeps {@code traffic} out of the live capture from now on (the running one and the next). */
    public void exclude(OwnTraffic traffic) {
        String expression = OwnTrafficBpf.exclusion(traffic);
        synchronized (lock) {
            if (expression.equals(exclusion)) {
                return;
            }
            exclusion = expression;
            if (live != null) {
                live.exclude(expression);
            }
        }
    }

    /** For tools and tests that run without OSGi. */
    public void bind(CapturePacketService packetService, CaptureClock captureClock) {
        this.packets = packetService;
        this.clock = captureClock;
    }

    /** Applies a configuration: valid, it replaces the running live source; invalid, it is logged and ignored. */
    public void apply(Map<String, ?> properties) {
        CaptureSettings parsed;
        try {
            parsed = CaptureSettings.parse(properties);
        } catch (IllegalArgumentException e) {
            synchronized (lock) {
                configError = e.getMessage();
            }
            log.error("Capture configuration rejected{}: {}", settings != null ? ", previous one stays in force" : "",
                    e.getMessage());
            return;
        }
        synchronized (lock) {
            configError = null;
            settings = parsed;
            stopLive();
            if (parsed.live()) {
                live = new LiveSource(parsed, packets, exclusion);
                if (replaying) {
                    live.startPaused(); // opens its interfaces when the replay is over
                } else {
                    live.start();
                }
            }
        }
    }

    private void stopLive() {
        if (live != null) {
            live.stop();
            live = null;
        }
    }

    @Override
    public List<CaptureSourceStatus> sources() {
        synchronized (lock) {
            List<CaptureSourceStatus> result = new ArrayList<>();
            if (live != null) {
                result.add(live.status(configError));
            } else if (configError != null) {
                result.add(LiveSource.rejected(configError));
            }
            for (FileReplay r : replays) {
                result.add(r.status());
            }
            return result;
        }
    }

    @Override
    public long replaysNotListed() {
        synchronized (lock) {
            return replaysNotListed;
        }
    }

    @Override
    public CaptureSourceStatus replay(Path file, boolean originalPace, Consumer<CaptureSourceStatus> progress)
            throws IOException {
        synchronized (replayLock) { // one replay at a time: processors see one stream of frames
            return replayAlone(file, originalPace, progress);
        }
    }

    private CaptureSourceStatus replayAlone(Path file, boolean originalPace, Consumer<CaptureSourceStatus> progress)
            throws IOException {
        FileReplay replay = new FileReplay(file, originalPace, packets, clock);
        synchronized (lock) {
            replaying = true;
            if (live != null) {
                live.pause();
            }
            replays.addLast(replay);
            if (replays.size() > REPLAYS_LISTED) {
                replays.removeFirst();
                replaysNotListed++;
            }
        }
        try {
            return replay.run(progress);
        } finally {
            synchronized (lock) {
                replaying = false;
                if (live != null) {
                    live.resume();
                }
            }
        }
    }
}
