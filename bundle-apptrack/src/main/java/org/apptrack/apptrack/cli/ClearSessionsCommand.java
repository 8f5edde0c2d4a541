package org.apptrack.apptrack.cli;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apptrack.apptrack.api.SessionFilter;

/**
 * Closes tracked sessions with reason CLI, as {@code clear security flow session} does on an SRX:
 * all of them, or those the filters of {@code apptrack:sessions} select. A bad filter fails the
 * command (Karaf prints "Error executing command: ..."), and nothing is closed.
 */
@Service
@Command(scope = "apptrack", name = "clear-sessions",
        description = "Closes AppTrack sessions (reason CLI): all, or those the filters select")
public class ClearSessionsCommand extends SessionFilterCommand {

    /** Boxed: null when not given; a given value is validated (a bad one must not clear everything). */
    @Option(name = "--session-id", description = "Only the session with this session id")
    Long sessionId;

    @Override
    public Object execute() {
        if (!filtered() && sessionId == null) {
            System.out.println("Closed " + appTrack.clearSessions() + " session(s).");
            return null;
        }
        SessionFilter filter = validFilter();
        if (sessionId != null) {
            try {
                filter.sessionId(sessionId);
            } catch (IllegalArgumentException e) {
                throw invalid(e);
            }
        }
        System.out.println("Closed " + appTrack.clearSessions(filter) + " session(s).");
        return null;
    }
}
