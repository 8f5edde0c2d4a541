package org.apptrack.apptrack.cli;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes the protocol names that {@code --protocol} takes besides numbers. */
@Service
public class ProtocolCompleter implements Completer {

    private final StringsCompleter names = new StringsCompleter(new String[] {"tcp", "udp", "icmp", "icmpv6"});

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return names.complete(session, commandLine, candidates);
    }
}
