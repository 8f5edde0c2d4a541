package org.apptrack.appqoe.cli;

import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apptrack.appqoe.api.ApplicationPath;
import org.apptrack.appqoe.api.PathSwitch;

/**
 * The active path of each application selection (APBR profile, rule, application), and with
 * {@code --switches N} the last path switches, newest first.
 */
@Service
@Command(scope = "appqoe", name = "apps", description = "Shows the active path of each application; --switches N: the last N path switches")
public class AppsCommand extends AppQoeCommand {

    /** As the REST listing's limit. */
    static final int MAX_SWITCHES = 10_000;

    /** Boxed: null when not given, so that any given value is validated. */
    @Option(name = "--switches", description = "Also list the last N path switches, newest first (1..10000)")
    Integer switches;

    @Override
    public Object execute() {
        if (switches != null && (switches < 1 || switches > MAX_SWITCHES)) {
            throw new IllegalArgumentException("switches: out of range 1.." + MAX_SWITCHES + ": " + switches);
        }
        printState(System.out);
        ShellTable table = new ShellTable();
        table.column("Profile");
        table.column("Rule");
        table.column("Application");
        table.column("Group");
        table.column("SLA rule");
        table.column("Active path");
        table.column("Interface");
        table.column("Sessions").alignRight();
        table.column("Steered").alignRight();
        table.column("Last reason");
        table.column("Since");
        for (ApplicationPath a : appQoe.applications()) {
            table.addRow().addContent(a.profile(), a.rule(), a.application(), a.group(), a.slaRule(),
                    ConsoleFigures.text(a.activePath()), ConsoleFigures.text(a.activeInterface()), a.sessions(),
                    a.steeredSessions(), ConsoleFigures.text(a.lastReason()), ConsoleFigures.time(a.lastSwitchMillis()));
        }
        table.print(System.out);
        if (switches != null) {
            printSwitches(appQoe.switches(switches));
        }
        return null;
    }

    private static void printSwitches(List<PathSwitch> list) {
        System.out.println();
        System.out.println("Path switches, newest first:");
        ShellTable table = new ShellTable();
        table.column("Time");
        table.column("Profile");
        table.column("Rule");
        table.column("Application");
        table.column("Group");
        table.column("From");
        table.column("To");
        table.column("Reason");
        table.column("Sessions").alignRight();
        for (PathSwitch s : list) {
            table.addRow().addContent(ConsoleFigures.time(s.timeMillis()), s.profile(), s.rule(), s.application(),
                    s.group(), ConsoleFigures.text(s.previousPath()), ConsoleFigures.text(s.path()), s.reason(),
                    s.sessions());
        }
        table.print(System.out);
    }
}
