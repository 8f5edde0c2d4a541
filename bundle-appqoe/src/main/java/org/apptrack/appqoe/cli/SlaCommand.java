package org.apptrack.appqoe.cli;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.SlaState;

/**
 * Each path under each SLA rule that judges it: met, violated (which metrics, since when) or dead,
 * and the targets it is judged against.
 */
@Service
@Command(scope = "appqoe", name = "sla", description = "Shows the SLA state of each path under each SLA rule")
public class SlaCommand extends AppQoeCommand {

    @Override
    public Object execute() {
        printEnabled(System.out);
        ShellTable table = new ShellTable();
        table.column("Group");
        table.column("Path");
        table.column("SLA rule");
        table.column("Metrics profile");
        table.column("State");
        table.column("Violation");
        table.column("Since");
        table.column("Targets");
        for (PathStatus p : appQoe.paths()) {
            for (SlaState s : p.sla()) {
                table.addRow().addContent(p.group(), p.path(), s.slaRule(), s.metricsProfile(), s.state(),
                        ConsoleFigures.text(String.join(",", s.violations())),
                        s.met() ? ConsoleFigures.NONE : ConsoleFigures.time(s.violationSinceMillis()),
                        ConsoleFigures.targets(s.targets()));
            }
        }
        table.print(System.out);
        return null;
    }
}
