package org.apptrack.appqoe.embed;

import java.util.List;
import java.util.Map;

import org.apptrack.apptrack.api.AppTrackSessionListener;
import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.impl.AppQoeRunner;
import org.apptrack.appqoe.impl.StandaloneActuators;
import org.apptrack.syslog.api.SecurityLogService;

/**
 * AppQoE as the OSGi component runs it (probes, SLA evaluation, selection, the Linux actuator,
 * APPQOE logs), for a program that wires it itself: register {@link #sessionListener()} with
 * AppTrack (e.g. {@code EmbeddedAppTrack.addListener}) and give AppTrack's {@code updateRoute}
 * as the route updater. The ONOS actuator needs ONOS and is refused here.
 */
public final class EmbeddedAppQoe implements AutoCloseable {

    private final AppQoeRunner runner;

    private EmbeddedAppQoe(AppQoeRunner runner) {
        this.runner = runner;
    }

    /**
     * @param properties the component's configuration ({@code etc/org.apptrack.appqoe.cfg})
     * @throws IllegalArgumentException when the configuration is refused; the message starts with the key
     */
    public static EmbeddedAppQoe create(SecurityLogService log, AppQoeRunner.RouteUpdater routes,
            Map<String, ?> properties) {
        AppQoeRunner runner = new AppQoeRunner(log, routes, StandaloneActuators::create, List::of);
        String error = runner.apply(properties);
        if (!error.isEmpty()) {
            runner.close();
            throw new IllegalArgumentException(error);
        }
        return new EmbeddedAppQoe(runner);
    }

    /** The views the console and REST show. */
    public AppQoeService service() {
        return runner;
    }

    /** AppTrack's session events go here. */
    public AppTrackSessionListener sessionListener() {
        return runner;
    }

    /** A new configuration: "" when in force, else the error (the previous one stays). */
    public String apply(Map<String, ?> properties) {
        return runner.apply(properties);
    }

    /** Stops probing and removes what the actuator created. */
    @Override
    public void close() {
        runner.close();
    }
}
