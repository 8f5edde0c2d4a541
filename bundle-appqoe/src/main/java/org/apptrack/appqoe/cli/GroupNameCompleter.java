package org.apptrack.appqoe.cli;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.api.PathStatus;

/** Completes the names of the destination path groups. */
@Service
public class GroupNameCompleter implements Completer {

    @Reference
    AppQoeService appQoe;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        for (PathStatus p : appQoe.paths()) {
            names.getStrings().add(p.group());
        }
        return names.complete(session, commandLine, candidates);
    }
}
