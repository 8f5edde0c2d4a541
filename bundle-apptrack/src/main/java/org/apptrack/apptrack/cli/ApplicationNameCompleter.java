package org.apptrack.apptrack.cli;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.SessionFilter;
import org.apptrack.apptrack.api.SessionInfo;

/** Completes the applications of the open sessions (the ones a filter can find). */
@Service
public class ApplicationNameCompleter implements Completer {

    /** Sessions looked at: enough to list the applications in use without copying a huge table. */
    static final int SAMPLE = 10_000;

    @Reference
    AppTrackService appTrack;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        for (SessionInfo s : appTrack.sessions(new SessionFilter(), SAMPLE)) {
            names.getStrings().add(s.application());
        }
        return names.complete(session, commandLine, candidates);
    }
}
