package org.apptrack.apptrack.cli;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apptrack.apptrack.api.AppTrackService;

/** Closes every tracked session with reason CLI, as {@code clear security flow session} does. */
@Service
@Command(scope = "apptrack", name = "clear-sessions", description = "Closes all AppTrack sessions (reason CLI)")
public class ClearSessionsCommand implements Action {

    @Reference
    AppTrackService appTrack;

    @Override
    public Object execute() {
        System.out.println("Closed " + appTrack.clearSessions() + " session(s).");
        return null;
    }
}
