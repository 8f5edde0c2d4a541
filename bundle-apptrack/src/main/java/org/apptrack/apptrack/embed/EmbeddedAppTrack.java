package org.apptrack.apptrack.embed;

import java.util.Map;
import java.util.function.Consumer;
import org.apptrack.api.time.Clock;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.api.AppTrackSessionListener;
import org.apptrack.apptrack.api.SessionInfo;
import org.apptrack.apptrack.api.SessionRoute;
import org.apptrack.apptrack.config.AppTrackSettings;
import org.apptrack.apptrack.impl.AppTrackRuntime;
import org.apptrack.apptrack.impl.SessionEventDispatcher;
import org.apptrack.syslog.api.SecurityLogService;
import org.onosproject.net.packet.PacketProcessor;

/**
 * AppTrack as the ONOS component runs it (sessions, zones, logs to a security log), for a
 * program that feeds it packets itself: register {@link #processor()} on a packet service, call
 * {@link #endOfCapture()} when the packets end. {@link #onSessionClosed} hands each session, as
 * it ends, to a program that measures sessions rather than reading their logs.
 */
public final class EmbeddedAppTrack {

    /** The configuration PID; its properties are what {@link #create} takes. */
    public static final String CONFIGURATION_PID = AppTrackSettings.PID;

    private final AppTrackRuntime runtime;

    private EmbeddedAppTrack(AppTrackRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * @param properties the component's configuration ({@code etc/org.apptrack.apptrack.cfg})
     * @param clock the time of the packets (a capture's timestamps in a replay)
     * @throws IllegalArgumentException when a property is invalid; the message starts with its name
     */
    public static EmbeddedAppTrack create(SecurityLogService log, Map<String, ?> properties, Clock clock) {
        return new EmbeddedAppTrack(new AppTrackRuntime(log, AppTrackSettings.parse(properties), clock));
    }

    /** The packet processor to register (observer priority, as the ONOS component registers it). */
    public PacketProcessor processor() {
        return runtime::process;
    }

    /** The packets ended: open sessions close as they would age out, at their own deadlines. */
    public void endOfCapture() {
        runtime.expireAll();
    }

    /**
     * Calls {@code listener} with each session as it closes: its 5-tuple, final counters,
     * application and nested application, as its close log carries them. Called on the thread that
     * feeds packets (or calls {@link #endOfCapture()}), after the close log, for every session
     * closed from now on, until another listener (null: none) is set. Keep it quick: the packet
     * path waits for it. An exception it throws is caught so that the close completes, and
     * counted ({@link #sessionClosedListenerFailures()}).
     */
    public void onSessionClosed(Consumer<? super SessionInfo> listener) {
        runtime.onSessionClosed(listener);
    }

    /**
     * Registers a listener of session events ({@code SESSION_CREATED}, {@code APPLICATION_IDENTIFIED},
     * {@code SESSION_CLOSED}), as {@code AppTrackService.addListener} does in ONOS, but called on
     * the thread that feeds packets, during the event: quick and non-blocking, please, and no
     * call back into this AppTrack (a route change belongs after the event, e.g. before the next
     * packet). Its exceptions are caught and counted
     * ({@link AppTrackCounters#sessionListenerFailures()}).
     */
    public void addListener(AppTrackSessionListener listener) {
        runtime.sessionEvents().addListener(listener);
    }

    public void removeListener(AppTrackSessionListener listener) {
        runtime.sessionEvents().removeListener(listener);
    }

    /** See {@code AppTrackService.updateRoute}: a new route for an open session, logged when it changes. */
    public boolean updateRoute(long sessionId, SessionRoute route) {
        return runtime.updateRoute(sessionId, route);
    }

    /** Exceptions the {@link #onSessionClosed} listener threw. */
    public long sessionClosedListenerFailures() {
        return runtime.closedSessionListenerFailures();
    }

    public AppTrackCounters counters() {
        return runtime.counters();
    }

    /** Closed sessions by application name, sorted by name. */
    public Map<String, Long> closedSessionsByApplication() {
        return runtime.emitter().closedByApplication();
    }
}
