package org.apptrack.apptrack.cli;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apptrack.apptrack.api.AppTrackService;
import org.apptrack.apptrack.api.ZoneInfo;

/** Completes the names of the configured security zones. */
@Service
public class ZoneNameCompleter implements Completer {

    @Reference
    AppTrackService appTrack;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        for (ZoneInfo z : appTrack.zones()) {
            names.getStrings().add(z.name());
        }
        return names.complete(session, commandLine, candidates);
    }
}
