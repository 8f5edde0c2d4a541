package org.apptrack.apptrack.cli;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apptrack.apptrack.api.SessionOrder;

/** Completes the orders {@code --sort} takes. */
@Service
public class SessionOrderCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        for (SessionOrder o : SessionOrder.values()) {
            names.getStrings().add(o.toString());
        }
        return names.complete(session, commandLine, candidates);
    }
}
