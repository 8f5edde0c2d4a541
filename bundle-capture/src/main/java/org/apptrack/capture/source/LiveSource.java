package org.apptrack.capture.source;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apptrack.capture.api.CaptureSourceStatus;
import org.apptrack.capture.api.CaptureSourceStatus.State;
import org.apptrack.capture.config.CaptureSettings;
import org.apptrack.capture.filter.OwnTrafficBpf;
import org.apptrack.capture.frame.FrameHandler;
import org.apptrack.capture.live.LiveCapture;
import org.apptrack.capture.live.LiveCaptureException;
import org.apptrack.capture.onos.CapturePacketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live capture on the configured interfaces, one reading thread per interface. Frames reach the
 * packet processors one at a time (a lock across interfaces), so processors need not be
 * thread-safe against themselves. An interface that cannot be opened fails the source with a
 * message naming it; the others are not started. The kernel filter is the operator's filter and
 * the exclusion of the product's own traffic; a new exclusion replaces it on the running captures.
 *
 * <p>A replay {@linkplain #pause() pauses} the source: its interfaces are closed (the processors
 * see one stream of frames, and the replay's clock) and opened again on {@link #resume()}. The
 * counters belong to the source, not to the interface handles, so they run on across pauses;
 * only a new configuration makes a new source with new counters.
 */
final class LiveSource {

    private static final Logger log = LoggerFactory.getLogger(LiveSource.class);
    private static final int DISPATCH_BATCH = 256;

    private final CaptureSettings settings;
    private final CapturePacketService packets;
    /** The open interface handles, in the order of the settings; empty while paused or stopped. */
    private volatile List<LiveCapture> captures = List.of();
    private final List<Thread> threads = new ArrayList<>();
    private final LongAdder frames = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    /** Drops counted by interface handles that have been closed (each handle counts from its opening). */
    private long closedKernelDrops;
    private long closedInterfaceDrops;
    private final RateMeter rate = new RateMeter();
    private final Object delivery = new Object();
    private volatile State state = State.STOPPED;
    private volatile String error;
    private volatile boolean stopping;
    /** BPF expression excluding the product's own traffic; empty for none. */
    private volatile String exclusion;
    /** Why the exclusion is not in the kernel filter; null when it is. */
    private volatile String filterWarning;

    LiveSource(CaptureSettings settings, CapturePacketService packets, String exclusion) {
        this.settings = settings;
        this.packets = packets;
        this.exclusion = exclusion;
    }

    /** Opens the interfaces and starts reading: RUNNING, or FAILED naming the interface. */
    synchronized void start() {
        List<LiveCapture> opened = new ArrayList<>();
        try {
            for (String name : settings.interfaces()) {
                opened.add(LiveCapture.open(name, settings.snapLength(), settings.promiscuous(),
                        settings.filter().isEmpty() ? null : settings.filter(), settings.bufferBytes()));
            }
        } catch (Exception | LinkageError e) {
            fail(e.getMessage() != null ? e.getMessage() : e.toString());
            captures = opened;
            closeAll();
            return;
        }
        captures = opened;
        stopping = false;
        error = null;
        state = State.RUNNING;
        installFilter();
        packets.interfaces(settings.interfaces(), this::emit);
        for (int i = 0; i < opened.size(); i++) {
            int index = i;
            LiveCapture capture = opened.get(i);
            Thread t = new Thread(() -> read(index, capture), "apptrack-capture-" + settings.interfaces().get(i));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        String filter = captures.get(0).filter();
        log.info("Live capture started on {}{}", settings.interfaces(), filter.isEmpty() ? "" : " with filter '"
                + filter + "'");
    }

    /** Excludes the product's own traffic as {@code expression} says from now on, on the running captures. */
    synchronized void exclude(String expression) {
        exclusion = expression;
        if (state == State.RUNNING && !stopping) {
            installFilter();
        }
    }

    /**
     * Puts the operator's filter and the exclusion on each capture that does not have them yet.
     * An expression that does not compile leaves the capture's filter as it was (AppTrack still
     * leaves own traffic out) and is reported in the status.
     */
    private void installFilter() {
        String effective = OwnTrafficBpf.combine(settings.filter(), exclusion);
        String problem = null;
        for (LiveCapture c : captures) {
            if (effective.equals(c.filter())) {
                continue;
            }
            try {
                c.setFilter(effective);
                log.info("Live capture on {}: filter now '{}'", c.interfaceName(), effective);
            } catch (LiveCaptureException e) {
                problem = "own traffic not excluded by the kernel filter, the previous filter stays: "
                        + e.getMessage();
                log.error("Live capture: {}", problem);
            }
        }
        filterWarning = problem;
    }

    /**
     * A source made while a replay runs: PAUSED without opening anything, it opens its
     * interfaces on {@link #resume()}, when the replay has ended.
     */
    synchronized void startPaused() {
        state = State.PAUSED;
    }

    /** A RUNNING source stops reading and closes its interfaces, keeping its counters: PAUSED. */
    synchronized void pause() {
        if (state != State.RUNNING) {
            return;
        }
        halt();
        state = State.PAUSED;
        log.info("Live capture on {} paused for a replay", settings.interfaces());
    }

    /** A PAUSED source opens its interfaces again and reads on, counting from where it was. */
    synchronized void resume() {
        if (state == State.PAUSED) {
            start();
        }
    }

    private void read(int index, LiveCapture capture) {
        FrameHandler toProcessors = packets.handlerForThisThread();
        FrameHandler handler = (ignored, timestampNanos, frame, wireLength) -> {
            frames.increment();
            bytes.add(frame.remaining());
            synchronized (delivery) {
                toProcessors.onFrame(index, timestampNanos, frame, wireLength);
            }
        };
        try {
            while (!stopping) {
                capture.dispatch(handler, DISPATCH_BATCH);
            }
        } catch (Exception e) {
            if (!stopping) {
                fail(settings.interfaces().get(index) + ": " + e.getMessage());
            }
        }
    }

    private void emit(int interfaceIndex, ByteBuffer frame) {
        List<LiveCapture> open = captures;
        if (interfaceIndex >= open.size()) {
            throw new UnsupportedOperationException("cannot emit: live capture on " + settings.interfaces()
                    + " is " + state);
        }
        try {
            open.get(interfaceIndex).inject(frame);
        } catch (java.io.IOException e) {
            throw new UnsupportedOperationException(e.getMessage(), e);
        }
    }

    private void fail(String message) {
        error = message;
        state = State.FAILED;
        log.error("Live capture on {} failed: {}", settings.interfaces(), message);
    }

    /** Stops for good: STOPPED (a FAILED source stays FAILED). */
    synchronized void stop() {
        halt();
        if (state == State.RUNNING || state == State.PAUSED) {
            state = State.STOPPED;
        }
    }

    /** Ends the reading threads and closes the interfaces. */
    private void halt() {
        stopping = true;
        for (LiveCapture c : captures) {
            c.breakLoop();
        }
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        closeAll();
    }

    /** Closes the interfaces, adding what each counted to the source's totals. */
    private void closeAll() {
        for (LiveCapture c : captures) {
            try {
                c.close();
                LiveCapture.Stats last = c.stats(); // final counters, readable after close
                closedKernelDrops += last.droppedByKernel();
                closedInterfaceDrops += last.droppedByInterface();
            } catch (Exception e) {
                log.debug("closing capture", e);
            }
        }
        captures = List.of();
    }

    synchronized CaptureSourceStatus status(String configError) {
        long kernel = closedKernelDrops;
        long iface = closedInterfaceDrops;
        for (LiveCapture c : captures) {
            try {
                LiveCapture.Stats s = c.stats();
                kernel += s.droppedByKernel();
                iface += s.droppedByInterface();
            } catch (java.io.IOException e) {
                log.debug("capture statistics of {}", c, e);
            }
        }
        String warning = configError == null ? filterWarning : "configuration update rejected: " + configError
                + (filterWarning == null ? "" : "; " + filterWarning);
        long n = frames.sum();
        String filter = captures.isEmpty() ? OwnTrafficBpf.combine(settings.filter(), exclusion)
                : captures.get(0).filter();
        return new CaptureSourceStatus("live", "live", settings.interfaces(), state, error, warning, n, bytes.sum(),
                kernel, iface, new HashMap<>(), rate.rate(n), -1, filter);
    }

    static CaptureSourceStatus rejected(String configError) {
        return new CaptureSourceStatus("live", "live", List.of(), State.FAILED, "configuration rejected: "
                + configError, null, 0, 0, 0, 0, Map.of(), 0, -1, "");
    }
}
