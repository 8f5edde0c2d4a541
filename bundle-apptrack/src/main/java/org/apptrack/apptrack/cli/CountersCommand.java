package org.apptrack.apptrack.cli;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apptrack.apptrack.api.AppTrackCounters;
import org.apptrack.apptrack.api.AppTrackService;

/** As {@code show security application-tracking counters}. */
@Service
@Command(scope = "apptrack", name = "counters", description = "Shows the AppTrack counters")
public class CountersCommand implements Action {

    @Reference
    AppTrackService appTrack;

    @Override
    public Object execute() {
        AppTrackCounters c = appTrack.counters();
        row("Session create messages", c.sessionCreateMessages());
        row("Session close messages", c.sessionCloseMessages());
        row("Session volume updates", c.volumeUpdateMessages());
        row("Failed messages", c.failedMessages());
        row("Sessions created", c.sessionsCreated());
        row("Sessions closed", c.sessionsClosed());
        row("Active sessions", c.activeSessions());
        row("Sessions refused (session limit)", c.refusedSessions());
        row("Frames", c.frames());
        row("Frames not IP", c.notIpFrames());
        row("Malformed frames", c.malformedFrames());
        row("Frames outside every zone", c.framesWithoutZone());
        row("Frames with AppTrack disabled", c.framesNotTracked());
        row("Frames of own traffic (not tracked)", c.ownTrafficFrames());
        row("Route updates", c.routeUpdates());
        row("Route updates, session not open", c.routeUpdatesUnknownSession());
        row("Session events delivered", c.sessionEventsDelivered());
        row("Session events dropped", c.sessionEventsDropped());
        row("Session listener failures", c.sessionListenerFailures());
        for (Map.Entry<String, Long> e : c.closedByReason().entrySet()) {
            if (e.getValue() > 0) {
                row("  closed: " + e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<String, Long> e : c.malformedByCause().entrySet()) {
            if (e.getValue() > 0) {
                row("  malformed: " + e.getKey(), e.getValue());
            }
        }
        return null;
    }

    private static void row(String name, long value) {
        System.out.printf("%-36s %,d%n", name, value);
    }
}
